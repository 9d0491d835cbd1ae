package graph

import (
	"fmt"
	"sort"
	"strings"
)

// Index is what cross-document resolution needs of a graph: the entities
// filed under an index key (see IndexKeys), and whether an id is taken.
type Index interface {
	Lookup(key string) ([]ID, error)
	Entity(id ID) (Entity, bool, error)
}

// PlanBatch decides the id each entity of b takes in the graph behind idx:
// an existing entity of the same type that it names (by a multi-word name
// exactly or phonetically, a person by first and last name, or a one-word
// person name by surname), or a new slug of its name made unique. It
// returns batch id -> graph id.
//
// Two batch entities may land on one graph entity; callers merge them.
func PlanBatch(b Batch, idx Index) (map[ID]ID, error) {
	plan := make(map[ID]ID, len(b.Entities))
	taken := map[ID]bool{} // new ids given out in this batch
	for _, e := range b.Entities {
		id, err := matchExisting(e, idx)
		if err != nil {
			return nil, err
		}
		if id == "" {
			id, err = freshID(e, idx, taken)
			if err != nil {
				return nil, err
			}
		}
		plan[e.ID] = id
	}
	return plan, nil
}

// matchKeys lists the index keys that may join e to an existing entity, most
// trusted first. One-word surface forms only count exactly and only for
// persons' surnames, so that "Moussa Ibrahim" never joins "Moussa Koussa".
func matchKeys(e Entity) [][]string {
	var exact, phon, firstLast, sur []string
	for i, n := range append([]string{e.Name}, e.Aliases...) {
		f := formsOf(n)
		k := f.key
		if k == "" {
			continue
		}
		multi := strings.Contains(k, " ")
		if multi || e.Type != Person {
			exact = append(exact, keyExact+k)
		}
		if multi {
			phon = append(phon, keyPhonetic+f.phon, keyCompact+strings.ReplaceAll(f.phon, " ", ""))
		}
		if e.Type == Person {
			if fl := f.firstLast(); fl != "" {
				firstLast = append(firstLast, keyFirstLast+fl)
			}
			if i == 0 && !multi {
				// A surname alone, or spelled another way ("Qaddafi" for an
				// entity known as "Gaddafi"): only one-word aliases carry that
				// phonetic key, so a first name never matches a full name.
				sur = append(sur, keySurname+k, keyExact+k, keyPhonetic+f.phon)
			}
		}
	}
	return [][]string{exact, phon, firstLast, sur}
}

func matchExisting(e Entity, idx Index) (ID, error) {
	for _, tier := range matchKeys(e) {
		score := map[ID]int{}
		for _, key := range tier {
			ids, err := idx.Lookup(key)
			if err != nil {
				return "", fmt.Errorf("resolve %q: %w", e.Name, err)
			}
			for _, id := range ids {
				score[id]++
			}
		}
		var best ID
		bestScore, bestMentions := 0, -1
		ids := make([]ID, 0, len(score))
		for id := range score {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		for _, id := range ids {
			cand, ok, err := idx.Entity(id)
			if err != nil {
				return "", fmt.Errorf("resolve %q: %w", e.Name, err)
			}
			if !ok || cand.Type != e.Type {
				continue
			}
			if s := score[id]; s > bestScore || s == bestScore && cand.Mentions > bestMentions {
				best, bestScore, bestMentions = id, s, cand.Mentions
			}
		}
		if best != "" {
			return best, nil
		}
	}
	return "", nil
}

func freshID(e Entity, idx Index, taken map[ID]bool) (ID, error) {
	base := e.ID
	if base == "" {
		base = Slug(e.Name)
	}
	for n := 1; ; n++ {
		id := base
		if n > 1 {
			id = ID(fmt.Sprintf("%s-%d", base, n))
		}
		if taken[id] {
			continue
		}
		_, exists, err := idx.Entity(id)
		if err != nil {
			return "", fmt.Errorf("new id for %q: %w", e.Name, err)
		}
		if !exists {
			taken[id] = true
			return id, nil
		}
	}
}

// MergeEntity folds src into dst: aliases and documents are united,
// mentions added, attributes dst lacks copied. dst keeps its id and type;
// it takes src's name only when dst's is a short form of it (all of dst's
// words, fewer of them), so an entity first seen as "Koussa" becomes
// "Moussa Koussa", while "Gaddafi regime" stays itself when another article
// says "Muammar Al Qathafi's regime".
func MergeEntity(dst, src Entity) Entity {
	out := dst
	out.Aliases = append([]string(nil), dst.Aliases...)
	if shortFormOf(dst.Name, src.Name) {
		out.AddAlias(dst.Name)
		out.Name = src.Name
	}
	out.AddAlias(src.Name)
	out.AddAlias(src.Aliases...)
	out.Mentions += src.Mentions
	if len(src.Attrs) > 0 {
		attrs := make(map[string]string, len(dst.Attrs)+len(src.Attrs))
		for k, v := range dst.Attrs {
			attrs[k] = v
		}
		for k, v := range src.Attrs {
			if _, ok := attrs[k]; !ok {
				attrs[k] = v
			}
		}
		out.Attrs = attrs
	}
	docs := append([]DocID(nil), dst.Docs...)
	for _, d := range src.Docs {
		found := false
		for _, have := range docs {
			if have == d {
				found = true
				break
			}
		}
		if !found {
			docs = append(docs, d)
		}
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i] < docs[j] })
	out.Docs = docs
	return out
}

// shortFormOf reports whether name short is a shortened form of long: every
// word of short appears in long, and long has more words.
func shortFormOf(short, long string) bool {
	sw, lw := strings.Fields(NameKey(short)), strings.Fields(NameKey(long))
	if len(sw) >= len(lw) {
		return false
	}
	have := map[string]bool{}
	for _, w := range lw {
		have[w] = true
	}
	for _, w := range sw {
		if !have[w] {
			return false
		}
	}
	return true
}
