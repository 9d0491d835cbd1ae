// Package gazetteer holds kg's name lists: countries, subdivisions, cities,
// organisations, demonyms, titles and given names, embedded as TSV files
// under data/ and looked up by graph.NameKey.
//
// The country and subdivision files are generated from Debian's iso-codes
// package by ./gen; the others are written by hand.
package gazetteer
