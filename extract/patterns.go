package extract

import (
	"strings"

	"github.com/kgraph/kg/graph"
)

var prepositions = setOf("of", "to", "for", "at", "in", "with", "from")

// govRoles are posts that make their holder a member of the article's regime
// or government when no organization is named with them.
var govRoles = setOf("minister", "official", "diplomat", "envoy", "politician", "ambassador")

// sidebar reads list headings: "Defected: X", "May be next: X".
func (c *clause) sidebar() {
	if !c.s.Headline || len(c.toks) < 3 {
		return
	}
	regime := c.r.regime()
	colon := -1
	for i, t := range c.toks {
		if t.Text == ":" {
			colon = i
			break
		}
	}
	if colon < 0 || regime < 0 {
		return
	}
	head := strings.ToLower(c.s.Text[:c.toks[colon].Start-c.s.Start])
	a := c.argAfter(colon+1, 2)
	if a < 0 || c.typ(a) != graph.Person {
		return
	}
	switch {
	case head == "defected" || head == "resigned" || head == "quit":
		c.emit(c.args[a].Ent, graph.DefectedFrom, regime, "sidebar-defected/v1", 0.8, nil)
	case strings.Contains(head, "may be next") || strings.Contains(head, "could be next"):
		c.emitAt(c.args[a].Ent, graph.DefectedFrom, regime, "sidebar-next/v1", 0.5, nil, 0)
		c.r.Relations[len(c.r.Relations)-1].Evidence[0].Status = graph.Speculated
	}
}

// roleKind sorts a role word: "kin", "advise", "member", or "".
func roleKind(w string) string {
	switch {
	case kinNouns[w]:
		return "kin"
	case adviserNouns[w]:
		return "advise"
	case memberNouns[w]:
		return "member"
	case killerNouns[w]:
		return "killer"
	}
	return ""
}

// role is one role word found in a description, with the phrase it heads.
type role struct {
	kind, word, phrase string
}

// appositions reads "X, a senior aide to Y", "X, brother-in-law of Y",
// "X, the regime's spokesman", "X, who is Y's brother in law".
func (c *clause) appositions() {
	for ai := range c.args {
		p := c.args[ai]
		if p.Type != graph.Person || p.Ref {
			continue
		}
		i := p.T1
		if i < len(c.toks) && c.toks[i].Lower == "," {
			i++
		} else if !(i < len(c.toks) && (c.toks[i].Lower == "is" || c.toks[i].Lower == "was")) {
			continue
		}
		if c.match(i, "who") {
			i++
		}
		if i < len(c.toks) && (c.toks[i].Lower == "is" || c.toks[i].Lower == "was" || c.toks[i].Lower == "has" || c.toks[i].Lower == "had") {
			i++
			if c.match(i, "been") || c.match(i, "also") {
				i++
			}
		}
		if i < len(c.toks) && c.at[i] >= 0 && c.args[c.at[i]].Type == graph.Person && !(i+1 < len(c.toks) && isPossessive(c.toks[i+1])) {
			continue // a list of names, not an apposition
		}
		c.apposition(ai, i)
	}
}

// commonPossessorAfterPrep reports whether a name at token k follows a
// preposition and a common noun's possessive: "commander of the army's
// Fourth Infantry Battalion", "an official of the party's youth wing X".
func (c *clause) commonPossessorAfterPrep(k int) bool {
	if k < 4 || !isPossessive(c.toks[k-1]) {
		return false
	}
	n := c.toks[k-2]
	return n.Word && !n.Cap && c.at[k-2] < 0 && c.toks[k-3].Lower == "the" && prepositions[c.toks[k-4].Lower]
}

func (c *clause) apposition(ai, i int) {
	p := c.args[ai]
	var roles []role
	target := -1
	start := i
	possRoles := -1 // roles found before a possessive target
	for k := i; k < len(c.toks) && k < i+14; k++ {
		t := c.toks[k]
		if a := c.at[k]; a >= 0 && a != ai {
			x := c.args[a]
			// "a senior aide to Gaddafi's son Saif al-Islam": the aide is Saif's.
			if possRoles >= 0 && x.Type == graph.Person && len(roles) > possRoles {
				if possRoles > 0 {
					target = a
					roles = roles[:possRoles]
				}
				break
			}
			if x.T1 < len(c.toks) && isPossessive(c.toks[x.T1]) {
				target = a
				possRoles = len(roles)
				k = x.T1
				start = k + 1
				continue
			}
			if k > 0 && (prepositions[c.toks[k-1].Lower] || c.toks[k-1].Lower == "the" && k > 1 && prepositions[c.toks[k-2].Lower] || c.classAfterPrep(k) || c.commonPossessorAfterPrep(k)) && len(roles) > 0 {
				target = a
				// "the half-brother of North Korea's leader, Kim Jong-un".
				if x.Type != graph.Person && x.T1+1 < len(c.toks) && isPossessive(c.toks[x.T1]) {
					continue
				}
				break
			}
			if target >= 0 && x.Type == graph.Person && c.args[target].Type != graph.Person {
				target = a
			}
			break
		}
		if t.Lower == "," && target < 0 && len(roles) > 0 {
			// ", Oil minister," ends here; a following name may still be the target.
			if n := c.argAfter(k+1, 2); n >= 0 && c.args[n].Type == graph.Person && target >= 0 {
				target = n
			}
			break
		}
		if t.Lower == "." || t.Lower == ";" || t.Lower == "who" || t.Lower == "which" || t.Lower == "said" || t.Lower == "says" {
			break
		}
		w := t.Lower
		if w == "brother" && c.match(k+1, "in", "law") {
			w = "brother-in-law"
			k += 2
		}
		if kind := roleKind(w); kind != "" {
			roles = append(roles, role{kind: kind, word: w, phrase: joinTokens(c.toks, start, k+1)})
			start = k + 1
		} else if t.Word && !t.Cap && c.at[k] < 0 && occupationAt(w) && (c.match(k+1, "at") || c.match(k+1, "with") || c.match(k+1, "for")) {
			// "X, an ecologist at Cornell University".
			roles = append(roles, role{kind: "trade", word: w, phrase: joinTokens(c.toks, start, k+1)})
			start = k + 1
		}
		if t.Lower == "and" {
			start = k + 1
		}
	}
	if len(roles) == 0 {
		return
	}
	pe := p.Ent
	if target < 0 {
		for _, ro := range roles {
			c.r.describe(pe, ro.phrase)
		}
	} else if possRoles > 0 {
		// "X, the foreign minister and one of Y's lieutenants": the roles
		// before the possessor are X's own.
		for _, ro := range roles[:possRoles] {
			c.r.describe(pe, ro.phrase)
		}
	}
	if c.r.Entities[pe].Attrs["title"] == "" && (target < 0 || possRoles > 0) {
		c.r.Entities[pe].Attrs["title"] = strings.TrimSpace(trimDet(roles[0].phrase))
		c.r.titles = nil // recompute role descriptions
	}
	if target >= 0 && possRoles > 0 {
		// "X, the Libyan foreign minister and one of Y's lieutenants": a
		// post of X's own, in the article's government.
		if reg := c.r.regime(); reg >= 0 {
			for _, ro := range roles[:possRoles] {
				if govRoles[ro.word] && !strings.Contains(strings.ToLower(ro.phrase), "prime") {
					c.emit(pe, graph.MemberOf, reg, "apposition-post/v1", 0.6, map[string]string{"role": trimDet(ro.phrase)})
					break
				}
			}
		}
	}
	if target < 0 {
		// "X, Oil minister": a post in the article's government.
		if reg := c.r.regime(); reg >= 0 {
			for _, ro := range roles {
				if govRoles[ro.word] && !strings.Contains(strings.ToLower(ro.phrase), "prime") {
					c.emit(pe, graph.MemberOf, reg, "apposition-post/v1", 0.6, map[string]string{"role": trimDet(ro.phrase)})
					return
				}
			}
		}
		return
	}
	te := c.args[target].Ent
	tt := c.args[target].Type
	// "the chief executive of Constructora Andina": a firm's post makes an
	// unknown "place" the firm.
	if tt == graph.Place && c.r.placeKind(te) == "" && !c.isHeadedPlace(target) {
		for _, ro := range roles {
			if corporateRoles[ro.word] {
				c.r.Entities[te].Type = graph.Organization
				c.args[target].Type = graph.Organization
				tt = graph.Organization
				break
			}
		}
	}
	for _, ro := range roles {
		attrs := map[string]string{"role": trimDet(ro.phrase)}
		switch {
		case ro.kind == "kin" && tt == graph.Person:
			c.emit(pe, graph.FamilyOf, te, "apposition-kin/v1", 0.85, map[string]string{"kin": ro.word})
		case ro.kind == "advise" && tt == graph.Person:
			c.emit(pe, graph.Advised, te, "apposition-aide/v1", 0.85, attrs)
		case ro.kind == "killer" && tt == graph.Person:
			c.emit(pe, graph.Killed, te, "apposition-killer/v1", 0.8, nil)
		case (tt == graph.Organization || tt == graph.Place && c.isInstitution(target)) && (ro.kind == "member" || ro.kind == "advise" || ro.kind == "trade"):
			c.emit(pe, graph.MemberOf, te, "apposition-member/v1", 0.85, attrs)
		case tt == graph.Person && ro.kind == "member":
			// "Trump's campaign manager": the "Trump campaign" when it is named.
			for _, w := range strings.Fields(ro.phrase) {
				if lowerHeads[w] == graph.Organization {
					if o := c.r.orgNamed(c.r.Entities[te], w); o >= 0 {
						c.emit(pe, graph.MemberOf, o, "apposition-member/v1", 0.7, attrs)
					}
				}
			}
		}
	}
}

// corporateRoles are posts held in a firm or body, never in a place.
var corporateRoles = setOf("executive", "ceo", "chairman", "chairwoman", "director", "founder", "co-founder",
	"employee", "staffer", "spokesman", "spokeswoman", "spokesperson", "manager")

func trimDet(s string) string {
	for _, d := range []string{"a ", "an ", "the ", "his ", "her ", "its ", "their "} {
		if strings.HasPrefix(strings.ToLower(s), d) {
			return s[len(d):]
		}
	}
	return s
}

// orgNamed finds an organization named after person p with head word head
// ("Trump campaign").
func (r *related) orgNamed(p *entity, head string) int {
	for i, e := range r.Entities {
		if e.Type != graph.Organization {
			continue
		}
		for _, mi := range e.Mentions {
			m := r.Mentions[mi]
			if m.Head == head && m.Modifier != "" && personEntity(&r.resolved, m.Modifier) >= 0 && r.Entities[personEntity(&r.resolved, m.Modifier)] == p {
				return i
			}
		}
	}
	return -1
}

// kinModifiers qualify a kin noun: "his younger brother, X", "her late husband".
var kinModifiers = setOf("younger", "youngest", "older", "oldest", "elder", "eldest", "late", "twin", "estranged")

// prenominal reads roles written before a name: "Arab League chief Amr
// Moussa", "Gaddafi's son Saif al-Islam", "the BBC's Daniel Gallas".
func (c *clause) prenominal() {
	for ai := range c.args {
		p := c.args[ai]
		if p.Type != graph.Person || p.Ref {
			continue
		}
		k := p.T0
		// "Lebedev's brother, Mikhail Lebedev": a comma may close the role.
		comma := k > 1 && c.toks[k-1].Lower == "," && roleKind(c.toks[k-2].Lower) != "" && c.at[k-2] < 0
		if comma {
			k--
		}
		var roles []string
		for k > 0 && p.T0-k < 5 {
			w := c.toks[k-1].Lower
			if w == "brother" || roleKind(w) != "" || lowerModifiers[w] || postAdjectives[w] || kinModifiers[w] || w == "top" || w == "senior" || w == "chief" || w == "prosecutor" || w == "spy" || w == "intelligence" || w == "campaign" {
				if c.at[k-1] >= 0 {
					break
				}
				roles = append(roles, w)
				k--
				continue
			}
			break
		}
		poss := false
		if k > 0 && isPossessive(c.toks[k-1]) {
			poss = true
			k--
		}
		// "his wife, Galina Lebedeva", "His spokeswoman, Ruth Phiri": the
		// possessive pronoun's person is the one named last, or the
		// paragraph's subject.
		if k > 0 && len(roles) > 0 && (c.toks[k-1].Lower == "his" || c.toks[k-1].Lower == "her") {
			o := c.pronounOwner(k-1, p.Ent)
			if a := c.at[k-1]; a >= 0 && c.args[a].Type == graph.Person {
				o = c.args[a].Ent // bound already ("Her" opening a sentence)
			}
			if o >= 0 && o != p.Ent {
				role := joinTokens(c.toks, k, p.T0-btoi(comma))
				switch kind := roleKind(roles[0]); {
				case kind == "kin":
					c.emit(p.Ent, graph.FamilyOf, o, "pronoun-kin/v1", 0.75, map[string]string{"kin": role})
				case kind == "advise" || len(roles) > 0 && personalStaff[roles[0]]:
					c.emit(p.Ent, graph.Advised, o, "pronoun-aide/v1", 0.7, map[string]string{"role": role})
				}
			}
			continue
		}
		if comma && !poss {
			// "Malaysian Police Chief, Khalid Abu Bakar": read as before.
			k, roles, comma = p.T0, nil, false
		}
		if k == 0 || c.at[k-1] < 0 {
			// "ORG ROLE, PERSON": "Malaysian Police Chief, Khalid Abu Bakar".
			if k > 1 && c.toks[k-1].Lower == "," && len(roles) == 0 {
				j := k - 1
				for j > 0 && c.at[j-1] < 0 && roleKind(c.toks[j-1].Lower) != "" {
					j--
				}
				if j < k-1 && j > 0 && c.at[j-1] >= 0 && c.typ(c.at[j-1]) == graph.Organization {
					c.emit(p.Ent, graph.MemberOf, c.args[c.at[j-1]].Ent, "prenominal-role/v1", 0.8, map[string]string{"role": joinTokens(c.toks, j, k-1)})
				}
				// "Kennedy's assassin, Lee Harvey Oswald".
				if j == k-2 && j > 1 && killerNouns[c.toks[j].Lower] && isPossessive(c.toks[j-1]) && c.at[j-2] >= 0 && c.typ(c.at[j-2]) == graph.Person {
					c.emit(p.Ent, graph.Killed, c.args[c.at[j-2]].Ent, "prenominal-killer/v1", 0.75, nil)
				}
			}
			continue
		}
		o := c.at[k-1]
		if len(roles) == 0 && !poss {
			// "Illinois Gov. James Thompson": a titled person of a locality.
			title := c.r.Entities[p.Ent].Attrs["title"]
			switch {
			case c.args[o].T1 != p.T0 || title == "" || c.args[o].Ref:
			case c.typ(o) == graph.Place && c.r.isLocality(c.args[o].Ent):
				c.emit(p.Ent, graph.LivesIn, c.args[o].Ent, "prenominal-place/v1", 0.6, nil)
			case c.typ(o) == graph.Organization && !envoyTitle(title):
				// "U.N. Ambassador X": a post in the organization.
				c.emit(p.Ent, graph.MemberOf, c.args[o].Ent, "prenominal-title/v1", 0.75, map[string]string{"role": title})
			}
			continue
		}
		role := joinTokens(c.toks, k+btoi(poss), p.T0-btoi(comma))
		ot := c.typ(o)
		kind := ""
		for _, w := range roles {
			if kk := roleKind(w); kk != "" {
				kind = kk
			}
		}
		switch {
		case ot == graph.Organization:
			var attrs map[string]string
			if role != "" {
				attrs = map[string]string{"role": role}
			}
			c.emit(p.Ent, graph.MemberOf, c.args[o].Ent, "prenominal-role/v1", 0.8, attrs)
		case ot == graph.Person && kind == "kin":
			c.emit(p.Ent, graph.FamilyOf, c.args[o].Ent, "prenominal-kin/v1", 0.85, map[string]string{"kin": role})
		case ot == graph.Person && (kind == "advise" || len(roles) > 0 && personalStaff[roles[0]]):
			c.emit(p.Ent, graph.Advised, c.args[o].Ent, "prenominal-aide/v1", 0.8, map[string]string{"role": role})
		case ot == graph.Person && kind == "killer":
			c.emit(p.Ent, graph.Killed, c.args[o].Ent, "prenominal-killer/v1", 0.8, nil)
		case ot == graph.Place && !poss && kind != "kin" && c.r.isLocality(c.args[o].Ent):
			// "Atlanta businessman Neil Estes": a local person.
			c.emit(p.Ent, graph.LivesIn, c.args[o].Ent, "prenominal-place/v1", 0.6, nil)
		}
	}
}

// including reads "three aides to Y, including A, B and C" and "Y's aides,
// including his former campaign manager, A": each person the list names
// holds the plural role the phrase before "including" gives, toward its
// person or body.
func (c *clause) including() {
	for i := 1; i+1 < len(c.toks); i++ {
		if c.toks[i].Lower != "including" || c.toks[i-1].Lower != "," {
			continue
		}
		kind, target := "", -1
		for k := i - 2; k >= 0 && k > i-10; k-- {
			if c.at[k] >= 0 {
				a := c.at[k]
				if target < 0 {
					target = a
				}
				k = c.args[a].T0
				continue
			}
			w := c.toks[k].Lower
			if sing := strings.TrimSuffix(w, "s"); sing != w && roleKind(sing) != "" {
				kind = roleKind(sing)
				// "Y's aides": the possessor before the role.
				if k > 1 && isPossessive(c.toks[k-1]) && c.at[k-2] >= 0 {
					target = c.at[k-2]
				}
				break
			}
			if w == "," || w == "." || w == ";" {
				break
			}
		}
		if kind == "" || target < 0 {
			continue
		}
		tt, te := c.typ(target), c.args[target].Ent
		for _, a := range c.listAfter(i + 1) {
			pe := c.args[a].Ent
			if pe == te {
				continue
			}
			switch {
			case kind == "advise" && tt == graph.Person:
				c.emitAt(pe, graph.Advised, te, "including-aide/v1", 0.7, nil, i)
			case kind == "kin" && tt == graph.Person:
				c.emitAt(pe, graph.FamilyOf, te, "including-kin/v1", 0.7, nil, i)
			case (kind == "member" || kind == "advise") && tt == graph.Organization:
				c.emitAt(pe, graph.MemberOf, te, "including-member/v1", 0.7, nil, i)
			}
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// titles makes the holder of a government post written before the name a
// member of a government: of the country the title's demonym names
// ("French Foreign Minister X"); else, for a minister, envoy or official, of
// the article's regime ("Deputy Foreign Minister X" in a story about the
// regime); else of the one country government the article names, if it
// names exactly one ("Foreign Secretary X" beside "the British government").
// Heads of government ("Prime Minister X") lead rather than serve a regime
// and are left to other patterns.
func (c *clause) titles() {
	for _, mi := range c.r.BySent[c.si] {
		m := c.r.Mentions[mi]
		if m.Ent < 0 || m.Type != graph.Person || m.Title == "" {
			continue
		}
		t := strings.ToLower(m.Title)
		secretary := strings.Contains(t, "secretary") && !strings.Contains(t, "general")
		post := strings.Contains(t, "minister") || strings.Contains(t, "ambassador") || strings.Contains(t, "diplomat") || strings.Contains(t, "official")
		if !secretary && !post || headOfGovernment(t) {
			continue
		}
		// "Interior Minister X" beside "the Austrian Interior Ministry".
		if o := c.r.ministryOf(t); o >= 0 {
			c.emit(m.Ent, graph.MemberOf, o, "title-ministry/v1", 0.65, map[string]string{"role": m.Title})
			continue
		}
		org := -1
		if nat := c.r.Entities[m.Ent].Attrs["nationality"]; nat != "" {
			org = c.r.governmentOf(nat)
			if org < 0 {
				continue // a foreign post whose government the article does not name
			}
		}
		if org < 0 && post {
			org = c.r.regime()
		}
		if org < 0 {
			if govs := c.r.governments(); len(govs) == 1 {
				org = govs[0]
			}
		}
		if org >= 0 {
			c.emit(m.Ent, graph.MemberOf, org, "title-post/v1", 0.6, map[string]string{"role": m.Title})
		}
	}
}

// insurgentGovernment reports whether a government's name marks it as a
// body contesting the state ("the Libyan rebel government").
func insurgentGovernment(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		switch w {
		case "rebel", "provisional", "transitional", "interim", "opposition", "exile", "shadow", "breakaway":
			return true
		}
	}
	return false
}

// ministryOf finds the ministry the article names for a lower-case
// minister's title: "interior minister" -> "Austrian Interior Ministry" or
// "Ministry of the Interior"; -1 when there is none or the title names no
// portfolio.
func (r *related) ministryOf(title string) int {
	words := strings.Fields(title)
	mi := -1
	for i, w := range words {
		if w == "minister" {
			mi = i
			break
		}
	}
	if mi < 1 {
		return -1
	}
	var port []string
	for _, w := range words[:mi] {
		if titlePrefixes[w] {
			continue
		}
		if _, dem := demonymOf(w); dem {
			continue
		}
		port = append(port, w)
	}
	if len(port) == 0 || port[0] == "prime" {
		return -1
	}
	p := strings.Join(port, " ")
	for i, e := range r.Entities {
		if e.Type != graph.Organization {
			continue
		}
		n := strings.ToLower(e.Name)
		if strings.HasSuffix(n, p+" ministry") || strings.HasSuffix(n, "ministry of "+p) || strings.HasSuffix(n, "ministry of the "+p) {
			return i
		}
	}
	return -1
}

// headOfGovernment reports whether a lower-case title names the head of a
// government rather than a post in it.
func headOfGovernment(t string) bool {
	return strings.Contains(t, "prime minister") || strings.Contains(t, "premier") || strings.Contains(t, "first minister")
}

// governments lists the organizations named as a country's government or
// administration ("the British government"), not the article's regime nor
// a rebel or provisional government.
func (r *related) governments() []int {
	var out []int
	for i, e := range r.Entities {
		if e.Type != graph.Organization || e.Regime {
			continue
		}
		for _, mi := range e.Mentions {
			m := r.Mentions[mi]
			if m.Head != "government" && m.Head != "administration" || insurgentGovernment(m.Text) {
				continue
			}
			_, ok := demonymOf(m.Modifier)
			if !ok {
				_, ok = gazLookup(m.Modifier)
			}
			if ok {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// governmentOf finds the government or regime of a country ("British
// Government", "Libyan regime").
func (r *related) governmentOf(countries ...string) int {
	for i, e := range r.Entities {
		if e.Type != graph.Organization {
			continue
		}
		for _, mi := range e.Mentions {
			m := r.Mentions[mi]
			if m.Head != "government" && m.Head != "regime" && m.Head != "administration" {
				continue
			}
			c, ok := demonymOf(m.Modifier)
			if !ok {
				if g, ok2 := gazLookup(m.Modifier); ok2 {
					c, ok = g.Name, true
				}
			}
			for _, want := range countries {
				if ok && (c == want || graph.NameKey(c) == graph.NameKey(want)) {
					return i
				}
			}
		}
	}
	return -1
}

// locations reads "A in B", "B's A", "X-based Y", "A based in B" and
// places named after their town ("the London embassy").
func (c *clause) locations() {
	for ai, a := range c.args {
		i := a.T1
		if a.Ref {
			// "the company, which is based in Y": a description of a
			// body with its seat verb, nothing looser.
			if a.Type == graph.Organization {
				if j := c.seatVerbAfter(i); j > i {
					if b := c.argAfter(j+1, 2); b >= 0 && c.typ(b) == graph.Place {
						c.emit(a.Ent, graph.LocatedIn, c.args[b].Ent, "in-place/v1", 0.75, nil)
					}
				}
			}
			continue
		}
		// "A in B", "A based in B".
		if a.Type == graph.Place || a.Type == graph.Organization {
			j := c.seatVerbAfter(i)
			if c.match(j, "in") || c.match(j, ",") && a.Type == graph.Place && c.isHeadedPlace(ai) {
				if b := c.argAfter(j+1, 2); b >= 0 && c.typ(b) == graph.Place && (c.isHeadedPlace(ai) || a.Type == graph.Organization || j > i) {
					c.emit(a.Ent, graph.LocatedIn, c.args[b].Ent, "in-place/v1", 0.8, nil)
				}
			}
		}
		// "Gazprom is Russia's largest company": an organization of a place.
		if a.Type == graph.Organization && (c.match(i, "is") || c.match(i, "was")) && i+2 < len(c.toks) {
			if b := c.at[i+1]; b >= 0 && c.typ(b) == graph.Place && c.args[b].T0 == i+1 && isPossessive(c.toks[c.args[b].T1]) {
				for k := c.args[b].T1 + 1; k < len(c.toks) && k < c.args[b].T1+5; k++ {
					if w := c.toks[k].Lower; orgHeads[w] || w == "company" || w == "producer" || w == "maker" || w == "lender" || w == "employer" {
						c.emit(a.Ent, graph.LocatedIn, c.args[b].Ent, "copula-place/v1", 0.7, nil)
						break
					}
					if !c.toks[k].Word || c.toks[k].Cap {
						break
					}
				}
			}
		}
		// "B's A".
		if a.Type == graph.Place && i < len(c.toks) && isPossessive(c.toks[i]) && i+1 < len(c.toks) {
			if b := c.at[i+1]; b >= 0 && (c.typ(b) == graph.Place || c.typ(b) == graph.Organization) && c.isHeadedPlace(b) {
				c.emit(c.args[b].Ent, graph.LocatedIn, a.Ent, "possessive-place/v1", 0.8, nil)
			}
		}
		// "X-based Y".
		if a.Type == graph.Place && strings.HasSuffix(c.toks[a.T1-1].Lower, "-based") {
			if b := c.argAfter(i, 2); b >= 0 && c.typ(b) == graph.Organization {
				c.emit(c.args[b].Ent, graph.LocatedIn, a.Ent, "based/v1", 0.8, nil)
			} else if i < len(c.toks) && c.toks[i].Word && !c.toks[i].Cap {
				if o := c.r.lastWithHead(c.toks[i].Lower, c.si); o >= 0 {
					c.emit(o, graph.LocatedIn, a.Ent, "based/v1", 0.7, nil)
				}
			}
		}
	}
	// Named after their town: "London embassy", "Benghazi city council".
	for _, mi := range c.r.BySent[c.si] {
		m := c.r.Mentions[mi]
		if m.Ent < 0 || m.Head == "" || m.Modifier == "" || m.Type == graph.Event || m.Type == graph.Person || c.r.Entities[m.Ent].Regime || m.Head == "government" {
			continue
		}
		if g, ok := gazLookup(m.Modifier); ok && g.Type == graph.Place && g.Kind != "country" {
			if pl := c.r.entityNamed(m.Modifier, graph.Place); pl >= 0 {
				c.emit(m.Ent, graph.LocatedIn, pl, "town-modifier/v1", 0.6, nil)
			}
		}
	}
	// Events named after their site: "the Kuala Lumpur airport killing"
	// happened at the airport the article names.
	for _, mi := range c.r.BySent[c.si] {
		m := c.r.Mentions[mi]
		if m.Ent < 0 || m.Type != graph.Event || m.Head == "" || m.Victim >= 0 {
			continue
		}
		where := strings.TrimSpace(strings.TrimSuffix(m.Text, m.Head))
		if where == "" || where == m.Text {
			continue
		}
		// Only a site ("airport", "hotel"): a town before the head is as
		// often a byword for the event ("the victims of Lockerbie").
		if !placeHeads[strings.ToLower(lastWord(where))] {
			continue
		}
		if pl := c.r.entityNamed(where, graph.Place); pl >= 0 && pl != m.Ent {
			c.emit(m.Ent, graph.OccurredIn, pl, "event-named-place/v1", 0.7, nil)
		}
	}
	// Events in places: "the murder of X outside the Libyan embassy".
	for _, mi := range c.r.BySent[c.si] {
		m := c.r.Mentions[mi]
		if m.Ent < 0 || m.Type != graph.Event {
			continue
		}
		k := m.T1
		if k < len(c.toks) && (c.toks[k].Lower == "in" || c.toks[k].Lower == "at" || c.toks[k].Lower == "outside" || c.toks[k].Lower == "near") {
			if b := c.argAfter(k+1, 3); b >= 0 && c.typ(b) == graph.Place {
				c.emit(m.Ent, graph.OccurredIn, c.args[b].Ent, "event-place/v1", 0.75, nil)
			}
		}
	}
}

// isInstitution reports whether a place arg is also a body people work
// for: an embassy, a consulate.
func (c *clause) isInstitution(a int) bool {
	name := strings.ToLower(c.r.Entities[c.args[a].Ent].Name)
	return strings.HasSuffix(name, "embassy") || strings.HasSuffix(name, "consulate") || strings.HasSuffix(name, "mission")
}

// isHeadedPlace reports whether arg a is a named building or site ("Farnham
// Castle", "Djerba airport") or an organization, rather than a town.
func (c *clause) isHeadedPlace(a int) bool {
	x := c.args[a]
	last := c.toks[x.T1-1].Lower
	return placeHeads[last] || orgHeads[last] || lowerHeads[last] != ""
}

// entityNamed finds an entity of type t with the name as a form.
func (r *related) entityNamed(name string, t graph.Type) int {
	k := graph.NameKey(name)
	for i, e := range r.Entities {
		if e.Type != t {
			continue
		}
		for f := range e.Forms {
			if graph.NameKey(f) == k {
				return i
			}
		}
	}
	return -1
}

// killerNouns make a role "killed": "Kennedy assassin Lee Harvey Oswald".
var killerNouns = setOf("assassin", "killer", "murderer", "gunman", "slayer")

// isLocality reports whether entity e is a place below the level of a
// country (a town, region or site), so that belonging to it says where a
// person is from rather than which state they serve.
func (r *related) isLocality(e int) bool {
	ent := r.Entities[e]
	if ent.Type != graph.Place {
		return false
	}
	if g, ok := gazLookup(ent.Name); ok && g.Kind == "country" {
		return false
	}
	_, dem := demonymOf(ent.Name)
	return !dem
}

// placeKind returns the gazetteer kind of place entity e: "country",
// "region", "city", or "" when the gazetteer does not know it.
func (r *related) placeKind(e int) string {
	if g, ok := gazLookup(r.Entities[e].Name); ok && g.Type == graph.Place {
		return g.Kind
	}
	return ""
}

// placeChains reads "Aiken, South Carolina", "in Paris, France", "DAYTON,
// Ohio": a place, a comma, and the region or country it lies in. Lists of
// places ("Colombia, Bolivia, Ecuador") are not chains.
func (c *clause) placeChains() {
	for ai, a := range c.args {
		if a.Ref || a.Type != graph.Place || !c.match(a.T1, ",") || a.T1+1 >= len(c.toks) {
			continue
		}
		bi := c.at[a.T1+1]
		if bi < 0 || c.args[bi].Type != graph.Place || c.args[bi].Ref {
			continue
		}
		b := c.args[bi]
		outer := c.r.placeKind(b.Ent)
		inner := c.r.placeKind(a.Ent)
		if outer != "country" && outer != "region" || inner == "country" || inner == outer && outer == "region" {
			continue
		}
		// A list goes on: ", Z" or "and Z" with another place.
		if b.T1 < len(c.toks) && (c.toks[b.T1].Lower == "," || c.toks[b.T1].Lower == "and") && b.T1+1 < len(c.toks) {
			if n := c.at[b.T1+1]; n >= 0 && c.args[n].Type == graph.Place && c.r.placeKind(c.args[n].Ent) == outer {
				continue
			}
		}
		if ai > 0 && a.T0 > 1 && (c.toks[a.T0-1].Lower == "," || c.toks[a.T0-1].Lower == "and") {
			if p := c.at[a.T0-2]; p >= 0 && c.args[p].Type == graph.Place && c.r.placeKind(c.args[p].Ent) == outer && !c.chainEnd(p) {
				continue
			}
		}
		c.emit(a.Ent, graph.LocatedIn, b.Ent, "place-comma/v1", 0.75, nil)
	}
}

// chainEnd reports whether the place argument p closes a chain of its own
// ("Carverton, Ala.," before "Linden, Ala."): a town and a comma come
// before it, so the list is one of towns, each with its state.
func (c *clause) chainEnd(p int) bool {
	t0 := c.args[p].T0
	if t0 < 2 || c.toks[t0-1].Lower != "," {
		return false
	}
	q := c.at[t0-2]
	if q < 0 || c.args[q].Type != graph.Place {
		return false
	}
	k := c.r.placeKind(c.args[q].Ent)
	return k != "country" && k != "region"
}

// origins reads "Andrew Hall of Miami", "Marie Ferraro, 50, of Bethany":
// a person of a place is from it; "Sam Kadet of Skadden", "Wang Li at the
// Institute of Mechanics": a person of an organization belongs to it.
func (c *clause) origins() {
	for _, p := range c.args {
		if !p.Ref && p.Type == graph.Organization {
			c.firmOf(p)
		}
		if p.Ref || p.Type != graph.Person {
			continue
		}
		k := p.T1
		// An age between commas: ", 50, of".
		if c.match(k, ",") && k+2 < len(c.toks) && number(c.toks[k+1].Text, 1, 120) > 0 && c.toks[k+2].Lower == "," {
			k += 3
		}
		k = c.afterAka(k) // ', also known as "Harbormaster", of Yekaterinburg'
		if k >= len(c.toks) || c.toks[k].Lower != "of" && c.toks[k].Lower != "at" {
			continue
		}
		if p.T0 > 0 && ofVerbs[c.toks[p.T0-1].Lower] && c.toks[k].Lower == "of" {
			continue // "acquitted X of the Harbor Steel fraud": the verb's "of"
		}
		j := k + 1
		if c.match(j, "the") {
			j++
		}
		if j >= len(c.toks) || c.at[j] < 0 || c.args[c.at[j]].T0 != j {
			continue
		}
		o := c.args[c.at[j]]
		if o.Ref {
			continue
		}
		switch {
		case o.Type == graph.Organization:
			c.emit(p.Ent, graph.MemberOf, o.Ent, "person-of-org/v1", 0.65, nil)
		case o.Type == graph.Place && c.toks[k].Lower == "of":
			if kj := c.kindAfterPlace(o.T1); kj >= 0 {
				c.firmOfPlaceAfter(p, o, kj)
				break // "X of the Toronto firm Y": the place only says where the firm is
			}
			if c.r.isLocality(o.Ent) {
				c.emit(p.Ent, graph.LivesIn, o.Ent, "person-of-place/v1", 0.65, nil)
			}
		}
	}
}

// ofVerbs take a person and an "of" phrase of their own ("acquitted X of
// Y", "informed X of Y"), so the "of" after the person is not where X is
// from or which body X belongs to.
var ofVerbs = setOf("acquitted", "acquit", "acquits", "convicted", "convict", "convicts", "accused", "accuse", "accuses",
	"accusing", "cleared", "clear", "clears", "suspected", "suspect", "suspects", "absolved", "robbed", "stripped",
	"informed", "notified", "warned", "reminded", "relieved", "deprived", "convinced", "persuaded", "assured")

// placeModifiedKinds are the nouns a place written before them qualifies
// ("the Toronto firm", "the Kabul office"), beyond the kinds of bodies.
var placeModifiedKinds = setOf("office", "bureau", "branch", "chapter", "division", "department", "unit")

// kindAfterPlace returns the token of a kind of body that a place ending at
// token t qualifies, within two lower-case words ("the Toronto firm", "the
// Toronto law firm", "the Lagos shipping company"), or -1.
func (c *clause) kindAfterPlace(t int) int {
	for j := t; j < len(c.toks) && j < t+3; j++ {
		tok := c.toks[j]
		if c.at[j] >= 0 || !tok.Word || tok.Cap {
			return -1
		}
		if orgClassNouns[tok.Lower] || firmKinds[tok.Lower] || placeModifiedKinds[tok.Lower] {
			return j
		}
	}
	return -1
}

// firmOfPlaceAfter reads "X of the Toronto firm Hale & Corbin": X belongs
// to the body named right after the kind noun at token kj, and that body
// is located in the place pl.
func (c *clause) firmOfPlaceAfter(p, pl arg, kj int) {
	if kj+1 >= len(c.toks) {
		return
	}
	b := c.at[kj+1]
	if b < 0 || c.args[b].T0 != kj+1 || c.args[b].Ref || c.typ(b) != graph.Organization {
		return
	}
	c.emit(p.Ent, graph.MemberOf, c.args[b].Ent, "person-of-org/v1", 0.65, nil)
	c.emit(c.args[b].Ent, graph.LocatedIn, pl.Ent, "firm-of-place/v1", 0.7, nil)
}

// afterAka returns the token after an alias phrase that starts at token k
// and is closed by a comma ("also known as "Harbormaster" and "dvolk",",
// "alias "El Flaco","), or k when none starts there.
func (c *clause) afterAka(k int) int {
	j := akaAt(c.toks, k)
	if j < 0 {
		return k
	}
	for n := j; n < len(c.toks) && n < j+12; n++ {
		if c.toks[n].Lower == "," {
			return n + 1
		}
		if clauseBreak[c.toks[n].Lower] || c.toks[n].Lower == "." {
			break
		}
	}
	return k
}

// akaAt returns the token after an alias cue at token k ("also known as",
// "known online as", "alias", "a.k.a."), or -1.
func akaAt(toks []token, k int) int {
	if k < len(toks) && (toks[k].Lower == "also" || toks[k].Lower == "better") {
		k++
	}
	if k >= len(toks) {
		return -1
	}
	switch toks[k].Lower {
	case "alias", "aka", "a.k.a.", "a.k.a":
		return k + 1
	case "known":
		for j := k + 1; j < len(toks) && j < k+4; j++ {
			if toks[j].Lower == "as" {
				return j + 1
			}
		}
	}
	return -1
}

// envoyTitle reports whether a title names a post sent to a body rather
// than held in it: a "U.N. Ambassador" represents a country at the U.N.
func envoyTitle(title string) bool {
	w := strings.Fields(strings.ToLower(title))
	if len(w) == 0 {
		return false
	}
	switch w[len(w)-1] {
	case "ambassador", "envoy", "delegate", "observer", "representative":
		return true
	}
	return false
}

// pronounOwner is the person a possessive pronoun at token i refers to:
// the last person named before it other than not, else the subject or the
// salient person of the paragraph; -1 when there is none.
//
// The pronoun must agree with what the article calls the person ("his" is
// no "Mrs X"), and a person named as the object of a preposition yields to
// the one named before it: "he handed the money to Park in a hotel on the
// orders of his father" is the giver's father ("to Park and his wife" is
// still Park's).
func (c *clause) pronounOwner(i, not int) int {
	w := c.toks[i].Lower
	oblique := -1
	for k := len(c.args) - 1; k >= 0; k-- {
		a := c.args[k]
		if a.T1 > i || a.Type != graph.Person || a.Ent == not || a.Ent == oblique || !c.r.agrees(w, a.Ent) {
			continue
		}
		if oblique < 0 && a.T0 > 0 && obliquePrepositions[c.toks[a.T0-1].Lower] && !(a.T1+1 == i && c.toks[a.T1].Lower == "and") {
			oblique = a.Ent
			continue
		}
		return a.Ent
	}
	if oblique >= 0 {
		return oblique
	}
	for _, e := range []int{c.subject, c.salient} {
		if e >= 0 && e != not && c.r.agrees(w, e) {
			return e
		}
	}
	return -1
}

// obliquePrepositions introduce a person who is not a clause's subject.
var obliquePrepositions = setOf("to", "with", "from", "for", "against", "by", "toward", "towards")

// personalStaff are posts held for a person rather than a body: "his
// spokeswoman", "Mwansa's campaign manager" advise that person.
var personalStaff = setOf("spokesman", "spokeswoman", "spokesperson", "manager", "secretary")

// firmOf reads "Keen Corp. of New York", "the Waste Disposal Co. of
// Randolph": an organization of a town or region is based there. A country
// after "of" is left alone ("the government of Libya" names a state's body,
// not where it sits), and so is a place that goes on into a longer name.
func (c *clause) firmOf(o arg) {
	k := o.T1
	if k+1 >= len(c.toks) || c.toks[k].Lower != "of" || c.r.Entities[o.Ent].Regime {
		return
	}
	b := c.at[k+1]
	if b < 0 || c.args[b].T0 != k+1 || c.args[b].Ref || c.typ(b) != graph.Place || !c.r.isLocality(c.args[b].Ent) || c.isHeadedPlace(b) {
		return
	}
	c.emit(o.Ent, graph.LocatedIn, c.args[b].Ent, "org-of-place/v1", 0.65, nil)
}

// killingHeads are the nominal events whose "by" phrase names the killer.
var killingHeads = setOf("assassination", "murder", "killing", "slaying")

// killersBy reads "the assassination of X by Y", "the murder of X in 1914
// by Y": the person after "by" killed the victim of the event.
func (c *clause) killersBy() {
	for _, mi := range c.r.BySent[c.si] {
		m := c.r.Mentions[mi]
		if m.Ent < 0 || m.Type != graph.Event || m.Victim < 0 || !killingHeads[m.Head] {
			continue
		}
		victim := c.r.Mentions[m.Victim].Ent
		for k := m.T1; k < len(c.toks) && k < m.T1+4; k++ {
			t := c.toks[k]
			if t.Lower == "by" {
				if a := c.argAfter(k+1, 4); a >= 0 && c.typ(a) == graph.Person && !c.args[a].Ref && c.args[a].Ent != victim && victim >= 0 {
					c.emit(c.args[a].Ent, graph.Killed, victim, "killing-by/v1", 0.75, nil)
				}
				break
			}
			if clauseBreak[t.Lower] || c.at[k] >= 0 || t.Lower == "," {
				break
			}
		}
	}
}

// natives reads where a person is from when the text says it with a noun:
// "X, a Tamale native", "Modesto native X", "her native Ghana", and "X, a
// retired teacher from Y". A person is from a place, not a body, so the
// place must be one.
func (c *clause) natives() {
	for i, t := range c.toks {
		if t.Lower != "native" || t.Cap || i == 0 {
			continue
		}
		// "his native South Carolina".
		if w := c.toks[i-1].Lower; w == "his" || w == "her" {
			if i+1 < len(c.toks) {
				if pl := c.at[i+1]; pl >= 0 && c.args[pl].T0 == i+1 && c.typ(pl) == graph.Place && !c.args[pl].Ref {
					if o := c.pronounOwner(i-1, -1); o >= 0 {
						c.emit(o, graph.LivesIn, c.args[pl].Ent, "native/v1", 0.6, nil)
					}
				}
			}
			continue
		}
		pl := c.at[i-1]
		if pl < 0 || c.typ(pl) != graph.Place || c.args[pl].Ref || c.args[pl].T1 != i {
			continue
		}
		person := -1
		if i+1 < len(c.toks) && c.at[i+1] >= 0 && c.args[c.at[i+1]].T0 == i+1 && c.typ(c.at[i+1]) == graph.Person {
			person = c.at[i+1] // "Modesto native George Lucas"
		} else {
			person = c.describedBy(c.args[pl].T0)
		}
		if person >= 0 {
			c.emit(c.args[person].Ent, graph.LivesIn, c.args[pl].Ent, "native/v1", 0.7, nil)
		}
	}
	// "X, a retired teacher from Y": a description of X ending in where X is from.
	for _, p := range c.args {
		if p.Type != graph.Person || p.Ref || !c.match(p.T1, ",") {
			continue
		}
		k := p.T1 + 1
		if k+1 < len(c.toks) && c.toks[k].Lower != "" && c.toks[k].Lower[0] >= '0' && c.toks[k].Lower[0] <= '9' && c.match(k+1, ",") {
			k += 2 // "X, 58, a boat captain from Y": past the age
		}
		if !c.match(k, "a") && !c.match(k, "an") {
			continue
		}
		for j := k + 1; j < len(c.toks) && j < k+7; j++ {
			tj := c.toks[j]
			if isPossessive(tj) && j > k+1 {
				continue // "a sheriff's deputy from Y"
			}
			if c.at[j] >= 0 || !tj.Word || tj.Cap {
				break
			}
			if tj.Lower != "from" {
				continue
			}
			if j == k+1 || roleKind(c.toks[j-1].Lower) == "" && !occupationAt(c.toks[j-1].Lower) && !roleNouns[c.toks[j-1].Lower] {
				break
			}
			if pl := c.argAfter(j+1, 2); pl >= 0 && c.typ(pl) == graph.Place && !c.args[pl].Ref {
				c.emit(p.Ent, graph.LivesIn, c.args[pl].Ent, "described-from/v1", 0.6, nil)
			}
			break
		}
	}
}

// itsPost reads a post given by "its" at a sentence's head: "Its
// president, Y, said ..." makes Y a member of the body the sentence before
// names. It is conservative: that sentence must name exactly one body
// (not a headline), and the words between "Its" and the comma must end in
// a post.
func (c *clause) itsPost() {
	if len(c.toks) < 4 || c.toks[0].Lower != "its" || c.si == 0 || c.r.Sentences[c.si-1].Headline {
		return
	}
	k := 1
	for k < len(c.toks) && k < 5 && c.at[k] < 0 && c.toks[k].Word && !c.toks[k].Cap {
		k++
	}
	if k == 1 || !c.match(k, ",") {
		return
	}
	if w := c.toks[k-1].Lower; roleKind(w) == "" && !roleNouns[w] {
		return
	}
	p := c.argAfter(k+1, 1)
	if p < 0 || c.typ(p) != graph.Person || c.args[p].Ref || c.args[p].T0 != k+1 {
		return
	}
	body := -1
	for _, mi := range c.r.BySent[c.si-1] {
		e := c.r.Mentions[mi].Ent
		if e < 0 || c.r.Entities[e].Type != graph.Organization || e == body {
			continue
		}
		if body >= 0 {
			return // two bodies: "its" is unclear
		}
		body = e
	}
	if body >= 0 {
		c.emitAt(c.args[p].Ent, graph.MemberOf, body, "its-post/v1", 0.6, map[string]string{"role": joinTokens(c.toks, 1, k)}, 0)
	}
}

// describedBy returns the person a description starting at token i is
// about: "X, a ..." or "X is a ...", or -1.
func (c *clause) describedBy(i int) int {
	k := i - 1
	if k >= 0 && (c.toks[k].Lower == "a" || c.toks[k].Lower == "an") {
		k--
	}
	if k < 0 || (c.toks[k].Lower != "," && c.toks[k].Lower != "is" && c.toks[k].Lower != "was") {
		return -1
	}
	if a := c.at[max(k-1, 0)]; k > 0 && a >= 0 && c.args[a].T1 == k && c.typ(a) == graph.Person {
		return a
	}
	return -1
}

// splitKillings reads a killing verb whose victim stands between the verb
// and its manner: "Y shot X to death", "Y stabbed X to death", "Y shot X
// dead".
func (c *clause) splitKillings() {
	for v, t := range c.toks {
		if !splitKillVerbs[t.Lower] || c.at[v] >= 0 {
			continue
		}
		victim := c.argAfter(v+1, 1)
		if victim < 0 || c.typ(victim) != graph.Person {
			continue
		}
		e := c.args[victim].T1
		if !c.match(e, "to", "death") && !c.match(e, "dead") {
			continue
		}
		if killer := c.subjectOf(v, graph.Person, graph.Organization); killer >= 0 && c.args[killer].Ent != c.args[victim].Ent {
			c.emitAt(c.args[killer].Ent, graph.Killed, c.args[victim].Ent, "kill-split/v1", 0.75, nil, v)
		}
	}
}

// splitKillVerbs take a victim before "to death" or "dead".
var splitKillVerbs = setOf("shot", "shoots", "shoot", "stabbed", "stab", "stabs", "beat", "beats", "strangled",
	"hacked", "clubbed", "kicked", "burned", "burnt")

// postBeforeName reads a post written before a name and closed by a comma,
// where prenominal's modifiers stop: "the IAC's former marketing director,
// Lionel Garnier", "the bank's head of corporate lending, Alan Fry" (a
// body's possessive, then lower-case words holding a post), and "the first
// secretary of the Czechoslovak embassy in Copenhagen, Jiri Kubat" (a post
// of a named body). Kin and aides are prenominal's; a person before the
// phrase makes it that person's apposition, which is left alone.
func (c *clause) postBeforeName() {
	for ai := range c.args {
		p := c.args[ai]
		if p.Type != graph.Person || p.Ref || p.T0 < 3 || c.toks[p.T0-1].Lower != "," {
			continue
		}
		end := p.T0 - 1 // the comma
		if body, role := c.possessivePost(end); body >= 0 {
			c.emitAt(p.Ent, graph.MemberOf, c.args[body].Ent, "possessive-post/v1", 0.7, map[string]string{"role": role}, p.T0)
			continue
		}
		if body, start := c.postOfBody(end); body >= 0 {
			role := joinTokens(c.toks, start, c.args[body].T1)
			c.emitAt(p.Ent, graph.MemberOf, c.args[body].Ent, "post-of-body/v1", 0.7, map[string]string{"role": role}, p.T0)
		}
	}
}

// postAtBody reads a post at a named body written before a name and closed
// by a comma: "A procurement officer at the Ministry of Health, Yohane
// Mbewe, was arrested", "a spokesman for the Harbour Council, Rui Lopes,
// said". The phrase opens with "a", "an" or "the" at the sentence's head
// or after a comma, holds at most three lower-case words ending in a post
// (a role noun or a trade), then "at", "for" or "with" and the body, at
// most a place "in" it, and the comma. A witness, victim or customer holds
// no post, and a phrase after a name is that name's apposition, left alone.
func (c *clause) postAtBody() {
	for ai := range c.args {
		p := c.args[ai]
		if p.Type != graph.Person || p.Ref || p.T0 < 5 || c.toks[p.T0-1].Lower != "," || c.holderAt(p.T0) != ai {
			continue
		}
		k := p.T0 - 2
		if a := c.at[k]; a >= 0 && c.args[a].Type == graph.Place && c.args[a].T0 >= 2 && c.toks[c.args[a].T0-1].Lower == "in" {
			k = c.args[a].T0 - 2 // "... at the embassy in Lima"
		}
		body := c.at[k]
		if body < 0 || !c.isBody(body) || c.args[body].Ref {
			continue
		}
		prep := c.args[body].T0 - 1
		if prep > 0 && c.toks[prep].Lower == "the" {
			prep--
		}
		if prep < 2 || !(c.toks[prep].Lower == "at" || c.toks[prep].Lower == "for" || c.toks[prep].Lower == "with") {
			continue
		}
		post := c.toks[prep-1]
		if c.at[prep-1] >= 0 || !post.Word || post.Cap || roleKind(post.Lower) != "member" && !occupationAt(post.Lower) {
			continue
		}
		j := prep - 1
		for j > 0 && prep-j <= 3 && c.at[j-1] < 0 && c.toks[j-1].Word && !c.toks[j-1].Cap && !postBreaks[c.toks[j-1].Lower] {
			j--
		}
		if j == 0 || !deedArticles[c.toks[j-1].Lower] {
			continue
		}
		if d := j - 1; d > 0 && c.toks[d-1].Lower != "," {
			continue // "... said a lawyer at Y, X": a clause's object
		} else if d > 1 && c.at[d-2] >= 0 {
			continue // "X, a lawyer at Y, Z": X's apposition
		}
		role := joinTokens(c.toks, j, prep)
		c.emitAt(p.Ent, graph.MemberOf, c.args[body].Ent, "post-at-body/v1", 0.7, map[string]string{"role": role}, p.T0)
	}
}

// possessivePost returns the body whose possessive opens the lower-case
// words ending before token end, when they hold a member's post: "the
// IAC's former marketing director", "Calder Mills's former sales director".
func (c *clause) possessivePost(end int) (int, string) {
	j, post := end-1, false
	for j > 0 && end-j <= 7 && c.at[j] < 0 && c.toks[j].Word && !c.toks[j].Cap && !postBreaks[c.toks[j].Lower] {
		if strings.HasSuffix(c.toks[j].Lower, "ed") {
			return -1, "" // "the union's lawyer sued shipping director, X": a verb
		}
		post = post || roleKind(c.toks[j].Lower) == "member"
		j--
	}
	if !post || j == end-1 || roleKind(c.toks[end-1].Lower) == "kin" {
		return -1, ""
	}
	if c.toks[j].Lower == "its" {
		// "X, the chairman of Calder Mills, and its finance director, Y":
		// the body named last before "its" in the sentence.
		for k := j - 1; k >= 0; k-- {
			if a := c.at[k]; a >= 0 && c.isBody(a) {
				return a, joinTokens(c.toks, j+1, end)
			}
		}
		return -1, ""
	}
	if !isPossessive(c.toks[j]) || c.at[j-1] < 0 {
		return -1, ""
	}
	body := c.at[j-1]
	if !c.isBody(body) {
		return -1, ""
	}
	return body, joinTokens(c.toks, j+1, end)
}

// postOfBody returns the named body of "the first secretary of the
// Czechoslovak embassy in Copenhagen" ending before token end (a post
// noun, "of", the body and at most a place "in" it) and the token the post
// opens at, after its article; -1 when the words say no such thing.
func (c *clause) postOfBody(end int) (int, int) {
	k := end - 1
	if a := c.at[k]; a >= 0 && c.args[a].Type == graph.Place && c.args[a].T0 >= 2 && c.toks[c.args[a].T0-1].Lower == "in" {
		k = c.args[a].T0 - 2 // "... embassy in Copenhagen"
	}
	body := c.at[k]
	if body < 0 || !c.isBody(body) {
		return -1, -1
	}
	of := c.args[body].T0 - 1
	if of > 0 && c.toks[of].Lower == "the" {
		of--
	}
	if of < 2 || c.toks[of].Lower != "of" || roleKind(c.toks[of-1].Lower) != "member" || c.at[of-1] >= 0 {
		return -1, -1
	}
	j := of - 1
	for j > 0 && of-j <= 4 && c.at[j-1] < 0 && c.toks[j-1].Word && !c.toks[j-1].Cap && !postBreaks[c.toks[j-1].Lower] && !deedArticles[c.toks[j-1].Lower] {
		j--
	}
	if j == 0 || !deedArticles[c.toks[j-1].Lower] && !isPossessive(c.toks[j-1]) {
		return -1, -1 // "the", "a": a description of the name after it
	}
	if d := j - 1; d > 1 && c.toks[d-1].Lower == "," && c.at[d-2] >= 0 && c.args[c.at[d-2]].Type == graph.Person {
		return -1, -1 // "X, the chairman of Y, Z": X's apposition
	}
	return body, j
}

// isBody reports whether arg a is a body a person may hold a post in: an
// organization, or an embassy, consulate or mission typed as a place.
func (c *clause) isBody(a int) bool {
	return c.args[a].Type == graph.Organization || c.args[a].Type == graph.Place && c.isInstitution(a)
}

// postBreaks end the lower-case words of a post before a name: a verb's
// or a clause's words, not a post's ("the union's decision to expel").
var postBreaks = setOf("to", "and", "or", "but", "who", "which", "that", "said", "says", "told", "was", "is", "were",
	"are", "has", "had", "have", "by", "with", "for", "from", "in", "on", "at", "as", "the", "a", "an", "his", "her",
	"its", "their", "when", "after", "before", "while")

// classAfterPrep reports whether the words before token k are a
// preposition, an article and a kind of body: "of the textile group" before
// "Calder Mills".
func (c *clause) classAfterPrep(k int) bool {
	if k < 3 || !orgClassNouns[c.toks[k-1].Lower] {
		return false
	}
	j := k - 1
	for j > 1 && k-j <= 3 && c.at[j] < 0 && c.toks[j].Word && !c.toks[j].Cap && !deedArticles[c.toks[j].Lower] {
		j--
	}
	return deedArticles[c.toks[j].Lower] && prepositions[c.toks[j-1].Lower]
}

// postAdjectives qualify a post before it: "Mr. Oduya's principal
// adviser", "Park's longtime aide".
var postAdjectives = setOf("principal", "longtime", "long-time", "close", "trusted", "personal", "veteran", "private",
	"main", "key", "leading")

// headquartersOf reads "the Seoul headquarters of the Democratic Renewal
// Party", "the Paris offices of X": the body is located in the place.
func (c *clause) headquartersOf() {
	for i := 1; i+2 < len(c.toks); i++ {
		w := c.toks[i].Lower
		if w != "headquarters" && w != "offices" && w != "office" && w != "hq" || !c.match(i+1, "of") {
			continue
		}
		pl := c.at[i-1]
		if pl < 0 || c.args[pl].Ref || c.typ(pl) != graph.Place || c.args[pl].T0 == 0 || c.toks[c.args[pl].T0-1].Lower != "the" {
			continue
		}
		k := i + 2
		for k < len(c.toks) && k < i+5 && c.at[k] < 0 && (c.toks[k].Lower == "the" || lowerModifiers[c.toks[k].Lower]) {
			k++
		}
		if k < len(c.toks) && c.at[k] >= 0 && c.args[c.at[k]].T0 == k && c.typ(c.at[k]) == graph.Organization && !c.args[c.at[k]].Ref {
			c.emitAt(c.args[c.at[k]].Ent, graph.LocatedIn, c.args[pl].Ent, "headquarters-of/v1", 0.7, nil, i)
		}
	}
}

// ofWhichPost reads "a National Redemption Council, of which he is
// chairman": the person holds a post in the body before the comma.
func (c *clause) ofWhichPost() {
	for i := 1; i+5 < len(c.toks); i++ {
		if !c.match(i, ",", "of", "which") {
			continue
		}
		body := c.at[i-1]
		if body < 0 || c.typ(body) != graph.Organization {
			continue
		}
		p := c.at[i+3]
		if p < 0 || c.typ(p) != graph.Person {
			continue
		}
		k := c.args[p].T1
		if !c.match(k, "is") && !c.match(k, "was") && !c.match(k, "became") && !c.match(k, "remains") {
			continue
		}
		k++
		for k < len(c.toks) && k < c.args[p].T1+5 && (determiners[c.toks[k].Lower] || lowerModifiers[c.toks[k].Lower] || postAdjectives[c.toks[k].Lower]) {
			k++
		}
		if k < len(c.toks) && c.at[k] < 0 && (memberNouns[c.toks[k].Lower] || roleNouns[c.toks[k].Lower] && !kinNouns[c.toks[k].Lower]) {
			c.emitAt(c.args[p].Ent, graph.MemberOf, c.args[body].Ent, "of-which-post/v1", 0.7, nil, i)
		}
	}
}

// seatVerbAfter returns the "in" of a seat verb that follows token i ("X,
// which is based in Y", "X, which sits in Y"), else i.
func (c *clause) seatVerbAfter(i int) int {
	for k := i; k < len(c.toks) && k < i+4; k++ {
		if seatVerbs[c.toks[k].Lower] && c.match(k+1, "in") {
			return k + 1
		}
		if w := c.toks[k].Lower; w != "," && w != "which" && w != "is" && w != "was" && w != "now" && w != "that" {
			break
		}
	}
	return i
}

// seatVerbs say where a body or place is: "based in", "which sits in".
var seatVerbs = setOf("based", "headquartered", "sits", "sit", "located", "situated", "registered")

// firmKinds are kinds of firm beside orgClassNouns: "a Miami payment
// processor", "a Busan shipbuilder".
var firmKinds = setOf("processor", "shipbuilder", "shipper", "refiner", "builder", "miner", "brokerage", "exchange",
	"investor", "fund", "publisher", "distributor", "trader", "studio", "chain", "startup", "start-up")

// seatInApposition reads "Europol, the European Union's police agency in
// The Hague,": a body described by an apposition whose kind of body is
// placed "in" a town is located there. The apposition must end at the
// place (a comma or the sentence's end), so "X, the agency in charge of
// Y" and "the firm in Paris that ..." are left alone.
func (c *clause) seatInApposition() {
	for _, a := range c.args {
		if a.Ref || a.Type != graph.Organization || !c.match(a.T1, ",") || a.T1+1 >= len(c.toks) {
			continue
		}
		k := a.T1 + 1
		if w := c.toks[k].Lower; w != "the" && w != "a" && w != "an" {
			continue
		}
		kind := -1
		for j := k + 1; j < len(c.toks) && j < k+8; j++ {
			t := c.toks[j]
			if t.Lower == "," || clauseBreak[t.Lower] {
				break
			}
			if c.at[j] < 0 && t.Word && !t.Cap && (orgClassNouns[t.Lower] || firmKinds[t.Lower]) {
				kind = j
				break
			}
		}
		if kind < 0 || !c.match(kind+1, "in") {
			continue
		}
		pl := c.at[kind+2]
		if kind+2 >= len(c.toks) || pl < 0 || c.args[pl].T0 != kind+2 || c.args[pl].Ref || c.typ(pl) != graph.Place {
			continue
		}
		if end := c.args[pl].T1; end < len(c.toks) && c.toks[end].Lower != "," && c.toks[end].Lower != "." {
			continue
		}
		c.emitAt(a.Ent, graph.LocatedIn, c.args[pl].Ent, "seat-apposition/v1", 0.65, nil, presupposed)
	}
}

// firmOfPlace reads "X, a Dakar firm", "X, a Lagos shipping company": a
// name set off by a comma and described as a kind of body with a place
// before the kind. The name is an organization (the
// tagger may have taken it for a place) and is located in the place.
func (c *clause) firmOfPlace() {
	for ai, a := range c.args {
		if a.Ref || a.Type == graph.Person || a.Type == graph.Event || !c.match(a.T1, ",") {
			continue
		}
		k := a.T1 + 1
		if !c.match(k, "a") && !c.match(k, "an") {
			continue
		}
		if k+1 >= len(c.toks) {
			continue
		}
		pl := c.at[k+1]
		if pl < 0 || c.args[pl].T0 != k+1 || c.args[pl].Type != graph.Place {
			continue
		}
		kind := func(w string) bool { return orgClassNouns[w] || firmKinds[w] }
		j := c.args[pl].T1
		for j < len(c.toks) && j < c.args[pl].T1+3 && c.at[j] < 0 && c.toks[j].Word && !c.toks[j].Cap && !kind(c.toks[j].Lower) {
			j++
		}
		if j >= len(c.toks) || !kind(c.toks[j].Lower) || c.at[j] >= 0 {
			continue
		}
		if a.Type == graph.Place {
			if c.isHeadedPlace(ai) || c.r.placeKind(a.Ent) != "" {
				continue // "Farnham Castle, a Surrey landmark": a place stays one
			}
			c.r.Entities[a.Ent].Type = graph.Organization
			c.args[ai].Type = graph.Organization
		}
		c.emitAt(a.Ent, graph.LocatedIn, c.args[pl].Ent, "firm-of-place/v1", 0.7, nil, presupposed)
	}
}
