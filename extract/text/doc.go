// Package text turns raw article bytes into clean text and splits that text
// into sentences and tokens, every span carrying byte offsets.
//
// Clean is the first stage of kg's extraction pipeline: it repairs the
// encoding (Windows-1252 and broken UTF-8), refuses binary input, pulls the
// main text out of HTML with go-readability, and removes page furniture
// (navigation, teasers, share prompts, job ads, copyright lines) from plain
// text with a jusText-style paragraph classifier. Segment then splits the
// cleaned body into sentences and tokens whose offsets index Article.Body.
package text
