// Package relclass is kg's learned relation classifier: given the words of
// one sentence, the typed names in it and an ordered pair of those names, it
// says whether the sentence states the one relation their types allow, and
// how sure it is.
//
//	m, err := relclass.Load() // decodes the embedded weights once
//	s := &relclass.Sentence{Words: words, Mentions: names}
//	p, prob := m.Classify(s, head, tail) // indexes into s.Mentions
//
// The types decide the predicate a pair can hold: person -> organization
// member-of, person -> person killed, person -> place lives-in,
// organization or place -> place located-in. Any other pair holds none.
//
// # Model
//
// Binary logistic regression per predicate (every feature is conjoined
// with the predicate the types allow and with which of the two names comes
// first), trained by stochastic gradient descent in a fixed order shuffled
// with a fixed seed, so that training is reproducible byte for byte.
// Features: the words and crude lemmas between the two names (the first and
// last five when there are more) and their bigrams, the whole
// between-phrase when it is short ("based in", ", a unit of"), whether a
// comma lies between, the two words before the first name and after the
// second, the last word of each name, the distance in buckets, and the
// kinds and number of other names lying between them. At run time each
// feature is hashed (FNV-1a) as it is built, never made into a string, and
// each word's normal form and lemma are computed once per Sentence.
// Features seen in fewer than three training pairs are dropped; the
// weights are rounded to thousandths and stored as text, one
// "feature<TAB>weight" line each (model.tsv, about 170 kB, embedded with
// go:embed).
//
// # Training data
//
// The weights were trained on the training split of CoNLL04 (Roth and Yih,
// 2004; the split of Gupta et al., 2016, in SpERT's JSON format): news
// sentences with gold entities and the relations Work_For, Kill, Live_In,
// Located_In and OrgBased_In, mapped to kg's predicates. The candidates are
// the names kg's own recognizer finds in each sentence, typed as kg types
// them, in the pairs kg's rules leave unrelated; a pair is positive when its
// two names match gold entities that hold the relation. The data is not
// part of this repository. Package extract holds the training program, a
// test that skips when the data set is absent:
//
//	go test ./extract/ -run TestRelclassTraining -update-relclass
package relclass
