// Package query answers questions in English over a knowledge graph:
// "who travelled with Koussa?", "what is Koussa accused of?", "where is
// Koussa being held?", "how is Senussi connected to Koussa?". A small
// grammar (question word, auxiliaries, a phrase for each predicate in both
// directions, possessive nouns such as "X's brother-in-law", passives)
// reads a question into traversals of graph.Reader; names resolve by alias,
// surname and transliteration, and every answer carries the evidence
// sentences of the relations behind it.
//
// It also builds what kg's reading commands print: entity cards (Card),
// paths (Connect), neighbourhoods (NeighborsOf), entity lists and counts,
// and renders them as aligned text (WriteResult, WriteCard, WritePaths,
// WriteNeighbors, WriteEntities, WriteStats).
package query
