package extract

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/kgraph/kg/graph"
)

// claimContext is how a sentence asserts what it says: its status, who it
// attributes the claim to, and the date it gives.
type claimContext struct {
	status graph.Status
	by     string
	date   string
}

var (
	reportCues     = setOf("reportedly", "reported", "reports", "according")
	allegeCues     = setOf("alleged", "allegedly", "claimed", "claims", "claim", "suspected", "believed", "accused")
	speculateCues  = setOf("speculation", "speculations", "rumours", "rumors", "rumour", "rumor", "possible", "possibly", "perhaps", "maybe", "might", "whether")
	denyCues       = setOf("denied", "denies", "deny", "denying", "rejected")
	attributeVerbs = setOf("said", "says", "claimed", "claims", "told", "alleged", "alleges", "reported", "reports", "announced", "insisted", "added", "stated", "denied", "denies")
)

// claims reads the status, source and date of a sentence.
func (c *clause) claims() claimContext {
	var cc claimContext
	cc.status = c.statusAt(len(c.toks))
	cc.by = c.attribution()
	cc.date = c.date()
	return cc
}

// statusAt returns the status of the claim made by the words before token
// pos: denied, speculated, alleged, reported, or stated.
func (c *clause) statusAt(pos int) graph.Status {
	if pos == presupposed {
		// Appositions and titles are presupposed, not claimed: only the
		// source's hedging ("reportedly") carries over.
		if st := c.statusAt(len(c.toks)); st == graph.Reported || st == graph.Alleged {
			return st
		}
		return graph.Stated
	}
	st := graph.Stated
	// A relative clause ("who accompanied X") states its own fact: read
	// cues only after the last "who"/"which" before pos.
	// A relative clause set off by commas before pos ("Okoro, who denies
	// wrongdoing, flew to Lagos") is skipped whole: its cues are its own.
	from, skip := 0, map[int]bool{}
	for i := 0; i < pos && i < len(c.toks); i++ {
		w := c.toks[i].Lower
		if w != "who" && w != "which" && w != ";" {
			continue
		}
		if q := c.relativeEnd(i, pos); w != ";" && i > 0 && c.toks[i-1].Lower == "," && q > 0 {
			for k := i; k <= q; k++ {
				skip[k] = true
			}
			i = q
			continue
		}
		from = i + 1
	}
	if c.negatedAt(from, pos) {
		return graph.Denied
	}
	for i := from; i < pos && i < len(c.toks); i++ {
		if skip[i] {
			continue
		}
		w := c.toks[i].Lower
		switch {
		case w == "no" && c.match(i+1, "evidence") || w == "not" && c.match(i+1, "true"):
			return graph.Denied
		case denyCues[w] && (pos-i <= 5 || c.match(i+1, "that")):
			return graph.Denied // "denied that her husband, X, had fled to Y"
		case conditionCues[w] && !c.commaBetween(i, pos):
			st = graph.Speculated // "if X flew to Y, we would know"; not "If convicted, X, of Y, ..."
		case speculateCues[w] || (w == "may" || w == "could" || w == "might" || w == "would") && c.match(i+1, "have") || w == "may" && c.match(i+1, "be", "next"):
			st = graph.Speculated
		case allegeCues[w] && st != graph.Speculated:
			st = graph.Alleged
		case reportCues[w] && st == graph.Stated:
			st = graph.Reported
		}
	}
	// A "May be next:" sidebar heading is speculation.
	if c.s.Headline && c.match(0, "may", "be", "next") {
		return graph.Speculated
	}
	return st
}

// negationCues deny the verb they come before: "did not travel", "has
// never met", "was not charged", "is no longer".
var negationCues = setOf("not", "never", "n't", "neither", "nor")

// commaBetween reports whether a comma stands between tokens i and j.
func (c *clause) commaBetween(i, j int) bool {
	for k := i + 1; k < j && k < len(c.toks); k++ {
		if c.toks[k].Lower == "," {
			return true
		}
	}
	return false
}

// conditionCues make what follows them in the clause a condition, not a fact.
var conditionCues = setOf("if", "unless")

// wrongfulCues right before a verb deny it: "was falsely accused of X".
var wrongfulCues = setOf("falsely", "wrongly", "wrongfully", "mistakenly")

// negatedAt reports whether the verb at token pos is denied by a negation
// in its own verb group: "X never flew to Y", "X was not charged with Y",
// "Neither X nor Y was accused of Z". A negation with a name after it
// denies the name, not the verb ("X, not Y, flew to Z"), and "not only"
// denies nothing.
func (c *clause) negatedAt(from, pos int) bool {
	if pos < 0 || pos > len(c.toks) {
		return false
	}
	for i := pos - 1; i >= from && i >= pos-10; i-- {
		w := c.toks[i].Lower
		if w == "," || w == ";" || clauseBreak[w] {
			return false
		}
		cue := negationCues[w] || w == "no" && c.match(i+1, "longer") || wrongfulCues[w] && pos-i == 1
		if !cue || c.match(i+1, "only") {
			continue
		}
		if (w == "neither" || w == "nor") || pos-i <= 4 {
			named := false
			for k := i + 1; k < pos; k++ {
				if c.at[k] >= 0 {
					named = true
				}
			}
			if !named || w == "neither" || w == "nor" {
				return true
			}
		}
	}
	return false
}

// relativeEnd returns the comma closing the relative clause opened by
// "who" or "which" at token i, when it comes before token pos, else -1.
func (c *clause) relativeEnd(i, pos int) int {
	for k := i + 1; k < pos && k < len(c.toks); k++ {
		switch c.toks[k].Lower {
		case ",":
			return k
		case ";", ".", "who", "which", "\"", "“", "”":
			return -1
		}
	}
	return -1
}

// presupposed is the position emitAt takes for facts a sentence presupposes
// rather than claims (appositions, titles, places).
const presupposed = -2

// attribution names who the sentence attributes its claim to: "according
// to X", "X said", "rebels claimed".
func (c *clause) attribution() string {
	for i, t := range c.toks {
		if t.Lower == "according" && c.match(i+1, "to") {
			if a := c.argAfter(i+2, 3); a >= 0 {
				return c.argText(a)
			}
			return c.phraseAfter(i + 2)
		}
	}
	for i, t := range c.toks {
		if !attributeVerbs[t.Lower] {
			continue
		}
		// "X said", "said X".
		if i > 0 {
			if a := c.at[i-1]; a >= 0 {
				// "officials in London said": the officials, placed.
				x := c.args[a]
				if x.Type == graph.Place && x.T0 >= 2 && c.toks[x.T0-1].Lower == "in" && c.toks[x.T0-2].Word && !c.toks[x.T0-2].Cap {
					return c.s.Text[c.toks[x.T0-2].Start-c.s.Start : c.toks[x.T1-1].End-c.s.Start]
				}
				return c.argText(a)
			}
			// "Haddad's aide said", "a senior official said": the role and whose it is.
			if w := c.toks[i-1]; w.Word && !w.Cap && (roleNouns[w.Lower] || roleNouns[strings.TrimSuffix(w.Lower, "s")]) {
				k := i - 1
				for k > 0 && i-k < 5 {
					p := c.toks[k-1]
					if isPossessive(p) || p.Word && !p.Cap && (lowerModifiers[p.Lower] || p.Lower == "senior" || p.Lower == "an" || p.Lower == "a") {
						k--
						continue
					}
					if a := c.at[k-1]; a >= 0 && k < len(c.toks) && isPossessive(c.toks[k]) {
						k = c.args[a].T0
					}
					break
				}
				if k < i-1 || c.at[k] >= 0 {
					return c.s.Text[c.toks[k].Start-c.s.Start : w.End-c.s.Start]
				}
			}
			if w := c.toks[i-1]; w.Word && (!w.Cap || i == 1) && (strings.HasSuffix(w.Lower, "s") || w.Lower == "police") && i == 1 || i > 1 && c.toks[i-1].Word && c.toks[i-2].Lower != "," && strings.HasSuffix(c.toks[i-1].Lower, "s") && !c.toks[i-1].Cap && i < 4 {
				return c.toks[i-1].Text
			}
		}
		if i+1 < len(c.toks) {
			if a := c.at[i+1]; a >= 0 {
				return c.argText(a)
			}
		}
	}
	return ""
}

func (c *clause) phraseAfter(i int) string {
	var w []string
	for k := i; k < len(c.toks) && k < i+4; k++ {
		if !c.toks[k].Word {
			break
		}
		w = append(w, c.toks[k].Text)
	}
	return strings.Join(w, " ")
}

func (c *clause) argText(a int) string {
	x := c.args[a]
	return c.s.Text[c.toks[x.T0].Start-c.s.Start : c.toks[x.T1-1].End-c.s.Start]
}

// date finds a date the sentence gives: "on 21 February", "October 30,
// 2017", "in 1984", "on Wednesday" (resolved against the article's date
// when it has one). Weekdays without an article date stay as written.
func (c *clause) date() string {
	year := 0
	if d := c.r.Article.Date; len(d) >= 4 {
		year, _ = strconv.Atoi(d[:4])
	}
	for i, t := range c.toks {
		if m := months[strings.TrimSuffix(t.Lower, ".")]; m > 0 && t.Cap && len(t.Lower) >= 3 {
			day, y := 0, 0
			if i > 0 {
				day = number(c.toks[i-1].Text, 1, 31)
			}
			if i+1 < len(c.toks) {
				if d := number(c.toks[i+1].Text, 1, 31); d > 0 && day == 0 {
					day = d
					if i+3 < len(c.toks) && c.toks[i+2].Text == "," {
						y = number(c.toks[i+3].Text, 1800, 2100)
					} else if i+2 < len(c.toks) {
						y = number(c.toks[i+2].Text, 1800, 2100)
					}
				} else if yy := number(c.toks[i+1].Text, 1800, 2100); yy > 0 {
					y = yy
				}
			}
			if t.Lower == "may" && day == 0 && y == 0 {
				continue // the verb
			}
			if y == 0 {
				y = year
			}
			switch {
			case y > 0 && day > 0:
				return fmt.Sprintf("%04d-%02d-%02d", y, m, day)
			case y > 0:
				return fmt.Sprintf("%04d-%02d", y, m)
			}
			if day > 0 {
				return fmt.Sprintf("--%02d-%02d", m, day)
			}
			return fmt.Sprintf("--%02d", m)
		}
	}
	for i, t := range c.toks {
		if i > 0 && (c.toks[i-1].Lower == "in" || c.toks[i-1].Lower == "since") {
			if y := number(t.Text, 1800, 2100); y > 0 {
				return strconv.Itoa(y)
			}
		}
	}
	for i, t := range c.toks {
		if weekdays[t.Lower] && i > 0 && (c.toks[i-1].Lower == "on" || c.toks[i-1].Lower == "last") {
			return t.Text
		}
	}
	return ""
}

// number parses s as an integer within [lo, hi], or returns 0.
func number(s string, lo, hi int) int {
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, "th"), "st"), "nd"), "rd")
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0
	}
	return n
}
