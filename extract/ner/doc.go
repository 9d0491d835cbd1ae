// Package ner is kg's statistical named-entity tagger: given the words of
// one sentence it returns one BIO label per word for persons (PER),
// organizations (ORG), places (LOC) and other names (MISC: nationalities,
// events, titles of works).
//
//	tagger, err := ner.Load() // decodes the embedded weights once
//	labels := tagger.Tag(words)
//
// A Tagger is safe for concurrent use. TagScores adds a confidence per
// label: its marginal probability under the model.
//
// # Model
//
// An averaged structured perceptron (Collins 2002) with Viterbi decoding
// over BIO labels; an I- label never starts an entity. The weights are the
// mean of five such perceptrons trained on differently shuffled data. Features are hashed
// with FNV-1a, never built as strings:
//   - the word, its lowercase form (digits as 0), its shape (Xxxx, XX, X.X.,
//     dd-dd) and collapsed shape, prefixes and suffixes of one to four bytes,
//     the parts of a hyphenated word, capitalization, hyphen, digit and
//     punctuation flags, length;
//   - the lowercase words and shapes two either side, word bigrams, shape
//     trigrams, the sentence start;
//   - whether the sentence is a headline in capitals or in title case, where
//     casing says nothing (training adds title-cased copies of some
//     sentences, so that "Obama Meets Putin In Moscow" is not one long name);
//   - word classes that reach beyond the training words: whether the word is
//     usually written in lowercase in the training data, and whether it is a
//     common word or a name in an English dictionary (the SCOWL-based word
//     list of Debian's wamerican package).
//
// Words are normalized first: typographic quotes, apostrophes and dashes
// become ASCII, and an Arabic article or patronymic joined by a hyphen
// (al-Islam, el-Sisi, bin-Laden) is set aside so that the name after it
// looks like a name.
//
// The weights (model.bin, embedded with go:embed) are pruned, quantized to
// int16 and stored sparsely as varints: 2.0 MB, decoded in about 17 ms of
// CPU. Tagging runs at about 450,000 words per second on one core
// (BenchmarkTag), TagScores at about 300,000.
//
// # Training data
//
// The model was trained on the CoNLL-2003 English named-entity data (Tjong
// Kim Sang and De Meulder, 2003), eng.train, together with the training
// split of CoNLL04 (Roth and Yih, 2004; 922 news sentences of the 1980s and
// 90s, in the split of Gupta et al. 2016), with the number of epochs and
// the TagScores temperature chosen on eng.testa. CoNLL-2003's text is
// Reuters newswire of 1996-97 from the Reuters Corpus (RCV1); its
// annotations are freely available, the Reuters text formally needs the
// Reuters Corpus agreement; CoNLL04 is research data with no explicit
// licence. This model is offered on the customary research-use basis.
// Neither data set is part of this repository. CoNLL04 sentences are read
// in CoNLL-2003's conventions: Peop, Org and Loc become PER, ORG and LOC, a
// title before a person's name ("President", "Texas Gov.") is left out of
// it, nationality words ("Soviet", "North Korean") are MISC, and an Other
// entity is MISC when it is a capitalized name ("Civil War"), else
// outside any entity (dates, times, quantities). To retrain (apt-get
// install wamerican for the word list):
//
//	go run ./extract/ner/train -train eng.train -extra conll04_train.json -dev eng.testa -ood conll04_dev.json -dict /usr/share/dict/words -out extract/ner/model.bin
//
// Training is deterministic: the same data and flags give the same bytes.
// The command prints entity-level scores (exact span and type, as conlleval
// counts them) on eng.testa, on eng.testa in title case and on CoNLL04's
// development split, which it never trains on. For the committed model:
// F1 0.906 on eng.testa (PER 0.923, LOC 0.937, ORG 0.858, MISC 0.874),
// 0.858 on eng.testa in title case, and 0.80 for PER, ORG and LOC on
// CoNLL04 dev (0.71 for the model trained on CoNLL-2003 alone), whose
// annotators also count titles such as "President" into names. Expect
// lower accuracy outside newswire: names that came up since are often
// typed wrongly, though usually found.
package ner
