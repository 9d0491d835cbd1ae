// Package ner is kg's statistical named-entity tagger: given the words of
// one sentence it returns one BIO label per word for persons (PER),
// organizations (ORG), places (LOC) and other names (MISC: nationalities,
// events, titles).
//
// The model is an averaged structured perceptron with Viterbi decoding over
// BIO labels (transitions that would start an entity with I- are never
// taken). Its features are hashed with FNV-1a, never built as strings: the
// word and its lowercase form, word shapes (Xxxx, XX, X.X., dd), prefixes
// and suffixes of one to four bytes, capitalization, hyphen, digit and
// punctuation flags, the words and shapes two either side, word bigrams,
// the sentence start, whether the sentence is a headline in capitals or in
// title case (training adds title-cased copies of some sentences so that
// such headlines are not read as one long name), a
// lexicon of words usually written in lowercase in the training data, and
// whether the word is a common word or a name in an English dictionary
// (Debian's wamerican word list, so that words the training data never
// showed still get a hint). Typographic quotes,
// apostrophes and dashes are mapped to ASCII before features are taken, and
// an Arabic article or patronymic joined by a hyphen (al-Islam, el-Sisi,
// bin-Laden) is set aside so that the name after it looks like a name.
//
// The weights (model.bin, embedded with go:embed) are pruned, quantized to
// int16 and stored sparsely as varints. Load decodes them once.
//
// # Training data
//
// The model was trained on the CoNLL-2003 English named-entity data
// (Tjong Kim Sang and De Meulder, 2003: eng.train, with epochs chosen on
// eng.testa), whose text is Reuters newswire of 1996-97 from the Reuters
// Corpus (RCV1). The annotations are freely available; the Reuters text
// formally needs the Reuters Corpus agreement, and the model is offered on
// the customary research-use basis. The data itself is not part of this
// repository. To retrain (apt-get install wamerican for the word list):
//
//	go run ./extract/ner/train -train eng.train -dev eng.testa -dict /usr/share/dict/words -out extract/ner/model.bin
//
// Training is deterministic: the same data and flags give the same bytes.
// The command prints entity-level scores (exact span and type) on eng.testa,
// on eng.testa in title case, and, as a check on news of another style that
// it never trains on, on CoNLL04. Measured for the committed model: F1 0.901
// on eng.testa (PER 0.920, LOC 0.931, ORG 0.848, MISC 0.877), 0.854 on
// eng.testa in title case, and 0.68 for PER, ORG and LOC on CoNLL04, whose
// annotators also count titles such as "President" into names. Expect lower
// accuracy outside Reuters newswire of the 1990s.
package ner
