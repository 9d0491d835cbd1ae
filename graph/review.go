package graph

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Candidate is a pair of entities of one type that may be one entity, for
// an analyst to merge or keep apart. A is the one to keep (more mentions).
type Candidate struct {
	A       Entity   `json:"a"`
	B       Entity   `json:"b"`
	Score   float64  `json:"score"`   // 0..1, higher is likelier the same
	Reasons []string `json:"reasons"` // why, most telling first
}

// ReviewOptions tune Review.
type ReviewOptions struct {
	Limit    int                // at most this many candidates; 0: all
	MinScore float64            // leave out pairs scoring less; 0: 0.5
	Skip     func(a, b ID) bool // pairs already judged distinct
	Graph    Reader             // for shared neighbours; nil: names only
}

// maxBlock bounds how many entities one blocking key may gather: a word
// that common ("mohammed") says nothing about who is who.
const maxBlock = 200

// Review finds likely duplicates among entities: pairs of the same type
// whose names sound alike (PhoneticKey), are spelled alike (edit
// distance), or share a surname with a compatible first name; sharing
// neighbours raises the score, being related to each other lowers it.
// Candidates come best first, ties by ids.
func Review(entities []Entity, opts ReviewOptions) ([]Candidate, error) {
	if opts.MinScore == 0 {
		opts.MinScore = 0.5
	}
	blocks := map[string][]int{}
	for i, e := range entities {
		seen := map[string]bool{}
		for _, k := range blockKeys(e) {
			if !seen[k] {
				seen[k] = true
				blocks[k] = append(blocks[k], i)
			}
		}
	}
	type pair struct{ i, j int }
	pairs := map[pair]bool{}
	for _, idx := range blocks {
		if len(idx) > maxBlock {
			continue
		}
		for x := 0; x < len(idx); x++ {
			for y := x + 1; y < len(idx); y++ {
				pairs[pair{idx[x], idx[y]}] = true
			}
		}
	}
	neighbours := map[ID]map[ID]bool{}
	nb := func(id ID) (map[ID]bool, error) {
		if n, ok := neighbours[id]; ok || opts.Graph == nil {
			return n, nil
		}
		n := map[ID]bool{}
		for e, err := range opts.Graph.Edges(id, Both) {
			if err != nil {
				return nil, fmt.Errorf("review: edges of %q: %w", id, err)
			}
			n[e.Other(id)] = true
		}
		neighbours[id] = n
		return n, nil
	}
	var out []Candidate
	for p := range pairs {
		a, b := entities[p.i], entities[p.j]
		if a.ID == b.ID {
			continue
		}
		if b.Mentions > a.Mentions || b.Mentions == a.Mentions && b.ID < a.ID {
			a, b = b, a
		}
		if opts.Skip != nil && (opts.Skip(a.ID, b.ID) || opts.Skip(b.ID, a.ID)) {
			continue
		}
		score, reasons := nameScore(a, b)
		if score == 0 {
			continue
		}
		na, err := nb(a.ID)
		if err != nil {
			return nil, err
		}
		nbB, err := nb(b.ID)
		if err != nil {
			return nil, err
		}
		if na[b.ID] {
			score -= 0.2
			reasons = append(reasons, "related to each other")
		}
		var shared []string
		for id := range na {
			if nbB[id] && id != a.ID && id != b.ID {
				shared = append(shared, string(id))
			}
		}
		if len(shared) > 0 {
			sort.Strings(shared)
			score += 0.05 * float64(min(len(shared), 4))
			list := shared
			if len(list) > 3 {
				list = append(list[:3:3], "...")
			}
			reasons = append(reasons, fmt.Sprintf("%d shared neighbours (%s)", len(shared), strings.Join(list, ", ")))
		}
		score = math.Round(min(score, 1)*100) / 100
		if score < opts.MinScore {
			continue
		}
		out = append(out, Candidate{A: a, B: b, Score: score, Reasons: reasons})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		if out[i].A.ID != out[j].A.ID {
			return out[i].A.ID < out[j].A.ID
		}
		return out[i].B.ID < out[j].B.ID
	})
	if opts.Limit > 0 && len(out) > opts.Limit {
		out = out[:opts.Limit]
	}
	return out, nil
}

// blockKeys are the keys under which e is compared with others of its
// type: each word's sound, and the first four letters of each longer word.
func blockKeys(e Entity) []string {
	var keys []string
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		for _, w := range strings.Fields(PhoneticKey(n)) {
			if len(w) >= 2 {
				keys = append(keys, string(e.Type)+"|p|"+w)
			}
		}
		for _, w := range strings.Fields(NameKey(n)) {
			if r := []rune(w); len(r) >= 4 {
				keys = append(keys, string(e.Type)+"|w|"+string(r[:4]))
			}
		}
	}
	return keys
}

// nameScore rates how likely two entities' names are one entity's, with
// the reason for the best-rated pair of names.
func nameScore(a, b Entity) (float64, []string) {
	best, reason := 0.0, ""
	consider := func(s float64, r string) {
		if s > best {
			best, reason = s, r
		}
	}
	for _, x := range append([]string{a.Name}, a.Aliases...) {
		for _, y := range append([]string{b.Name}, b.Aliases...) {
			kx, ky := NameKey(x), NameKey(y)
			if kx == "" || ky == "" {
				continue
			}
			if kx == ky {
				consider(1, fmt.Sprintf("same name %q", x))
				continue
			}
			if px, py := PhoneticKey(x), PhoneticKey(y); px != "" && px == py && strings.Contains(kx, " ") == strings.Contains(ky, " ") {
				consider(0.9, fmt.Sprintf("%q sounds like %q", x, y))
			}
			if sim := similarity(kx, ky); sim >= 0.75 && wordsAlike(kx, ky) {
				consider(0.9*sim, fmt.Sprintf("%q is spelled like %q (%.0f%%)", x, y, 100*sim))
			}
			if a.Type == Person {
				if s, r := surnameScore(x, y); s > 0 {
					consider(s, r)
				}
			}
		}
	}
	if best == 0 {
		return 0, nil
	}
	return best, []string{reason}
}

// wordsAlike reports whether two names of as many words are alike word by
// word ("Saif Gaddafi" and "Saadi Gaddafi" are not); names of different
// lengths (Abdelhakim Belhadj, Abdul Hakim Belhaj) pass.
func wordsAlike(kx, ky string) bool {
	wx, wy := strings.Fields(kx), strings.Fields(ky)
	if len(wx) != len(wy) {
		return true
	}
	for i := range wx {
		if similarity(wx[i], wy[i]) < 0.6 {
			return false
		}
	}
	return true
}

// surnameScore rates two person names with one surname: compatible first
// names (one a prefix or initial of the other) or a bare surname.
func surnameScore(x, y string) (float64, string) {
	wx, wy := strings.Fields(NameKey(x)), strings.Fields(NameKey(y))
	if len(wx) == 0 || len(wy) == 0 || len([]rune(wx[len(wx)-1])) < 3 {
		return 0, ""
	}
	if wx[len(wx)-1] != wy[len(wy)-1] {
		return 0, ""
	}
	if len(wx) == 1 || len(wy) == 1 {
		return 0.6, fmt.Sprintf("%q and %q share the surname", x, y)
	}
	fx, fy := wx[0], wy[0]
	if strings.HasPrefix(fx, fy) || strings.HasPrefix(fy, fx) || similarity(fx, fy) >= 0.7 {
		return 0.75, fmt.Sprintf("%q and %q share the surname and a first name", x, y)
	}
	return 0, ""
}

// similarity is 1 minus the edit distance over the longer length, in runes.
func similarity(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	n := max(len(ra), len(rb))
	if n == 0 {
		return 1
	}
	return 1 - float64(editDistance(ra, rb))/float64(n)
}

// EditDistance is the Levenshtein distance between a and b, in characters.
func EditDistance(a, b string) int {
	if a == b {
		return 0
	}
	return editDistance([]rune(a), []rune(b))
}

func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
