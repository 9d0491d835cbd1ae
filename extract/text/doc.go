// Package text turns raw article bytes into clean text and splits that text
// into sentences and tokens, every span carrying byte offsets.
//
// Clean is the first stage of kg's extraction pipeline: it repairs the
// encoding (Windows-1252 and broken UTF-8), refuses binary input, pulls the
// main text out of HTML with go-readability, and removes page furniture
// (navigation, teasers, share prompts, job ads, copyright lines) from plain
// text with a jusText-style paragraph classifier. Segment then splits the
// cleaned body into sentences and tokens whose offsets index Article.Body.
//
// The plain-text classifier follows jusText (Pomikálek, 2011): each line
// (or, in hard-wrapped text, each paragraph) is classed good, near-good,
// short or bad by its length, its density of English function words and
// whether it reads as page interface (share prompts, bylines, bare dates,
// links, copyright); short and near-good lines then take the class of their
// neighbours. The article is the longest stretch of good lines not broken by
// a run of bad ones or by a copyright line or comments heading, together
// with the headline lines just above it (kicker, headline, standfirst,
// dateline, captions). Its word lists are generic web-interface vocabulary
// ("share", "subscribe", "comments"), not phrases of particular sites.
package text
