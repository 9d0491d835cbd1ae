// Package extract turns the raw bytes of a news article into a graph.Batch:
// the people, organizations, places and events it names, the relations
// between them, and for every relation the sentence that states it.
//
// The pipeline is a chain of stages, each taking the previous stage's output
// type, so their order is fixed by the compiler:
//
//	clean -> segment -> recognize -> resolve -> relate
//
// clean strips page furniture (extract/text), segment splits the body into
// sentences and tokens with byte offsets, recognize finds typed mentions
// (capitalization chunks, titles and honorifics, head nouns, the gazetteer
// and the CoNLL-trained tagger), resolve clusters mentions into entities
// (surnames, "Mr X", transliteration variants, the regime), and relate reads
// relations off the grammar of each sentence (appositions, pre-nominal
// titles, relative clauses, verbs and their nominalizations), marking each
// piece of evidence with who claims it, how firmly, and when. Last, within
// relate, a classifier trained on CoNLL04 (extract/relclass) adds
// member-of, killed and located-in between names of one sentence that the
// rules left unrelated, when it is confident (learned.go).
package extract
