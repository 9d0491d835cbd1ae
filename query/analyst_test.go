package query

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// docks builds a second invented graph, unlike regime's, for questions
// phrased the way an analyst who never saw kg's own tests would put them:
// a ruler whose name is spelled many ways, a shipping firm and its staff, a
// murder with two suspects and one conviction, a fraud, an arrest, a
// bombing, a party and its leader, two married couples, a defector.
func docks(t testing.TB) *graph.Memory {
	t.Helper()
	m := graph.NewMemory()
	ent := func(id, name string, typ graph.Type, aliases ...string) {
		m.PutEntity(graph.Entity{ID: graph.ID(id), Name: name, Type: typ, Aliases: aliases})
	}
	ent("khalid-gaddafi", "Khalid Gaddafi", graph.Person, "Gaddafi", "Colonel Gaddafi")
	ent("safiya-gaddafi", "Safiya Gaddafi", graph.Person)
	ent("gaddafi-regime", "Gaddafi regime", graph.Organization)
	ent("daniel-okafor", "Daniel Okafor", graph.Person, "Okafor", "Mr Okafor")
	ent("meridian-shipping", "Meridian Shipping", graph.Organization, "Meridian")
	ent("ingrid-lindqvist", "Ingrid Lindqvist", graph.Person, "Lindqvist", "Ms Lindqvist")
	ent("tomas-brandt", "Tomas Brandt", graph.Person, "Brandt")
	ent("viktor-hale", "Viktor Hale", graph.Person, "Hale")
	ent("elena-varga", "Elena Varga", graph.Person, "Varga")
	ent("murder-of-elena-varga", "murder of Elena Varga", graph.Event)
	ent("levy-fraud", "harbour levy fraud", graph.Event, "levy fraud")
	ent("piet-janssen", "Piet Janssen", graph.Person, "Janssen")
	ent("national-police", "National Police", graph.Organization)
	ent("vught-prison", "Vught prison", graph.Place)
	ent("rotterdam", "Rotterdam", graph.Place)
	ent("netherlands", "Netherlands", graph.Place)
	ent("tripoli", "Tripoli", graph.Place)
	ent("london", "London", graph.Place)
	ent("dock-bombing", "Dock Street bombing", graph.Event)
	ent("ana-sousa", "Ana Sousa", graph.Person, "Sousa")
	ent("port-agreement", "port agreement", graph.Event)
	ent("green-alliance", "Green Alliance", graph.Organization)
	ent("marta-ruiz", "Marta Ruiz", graph.Person)
	ent("luis-ruiz", "Luis Ruiz", graph.Person)
	ent("yusuf-bakr", "Yusuf Bakr", graph.Person, "Bakr")
	ent("omar-hale", "Omar Hale", graph.Person)
	ent("hotel-excelsior", "Hotel Excelsior", graph.Place)
	ent("jan-de-vries", "Jan de Vries", graph.Person, "de Vries")
	ent("nikolai-ivanov", "Nikolai Ivanov", graph.Person)
	ent("national-intelligence-service", "National Intelligence Service", graph.Organization)
	ent("moscow", "Moscow", graph.Place)
	ent("vught", "Vught", graph.Place)
	ent("vught-riot", "Vught riot", graph.Event)
	ent("dock-deal", "compensation deal for the dock workers", graph.Event)
	ent("dockers-union", "Dockers' Union", graph.Organization)
	ent("eva-hale", "Eva Hale", graph.Person)
	ent("rui-sousa", "Rui Sousa", graph.Person)
	ent("dutch-embassy", "Dutch embassy", graph.Place)
	ent("lisbon", "Lisbon", graph.Place)

	n := 0
	rel := func(s string, p graph.Predicate, o, sentence string, attrs ...string) {
		n++
		r := graph.Relation{Subject: graph.ID(s), Predicate: p, Object: graph.ID(o),
			Evidence: []graph.Evidence{{Doc: "doc-docks", Sentence: sentence, Start: n * 100, End: n*100 + 50}}}
		for i := 0; i+1 < len(attrs); i += 2 {
			if r.Attrs == nil {
				r.Attrs = map[string]string{}
			}
			r.Attrs[attrs[i]] = attrs[i+1]
		}
		m.PutRelation(r)
	}
	rel("viktor-hale", graph.Advised, "khalid-gaddafi", "Hale spent years as an adviser to the colonel.")
	rel("daniel-okafor", graph.Accompanied, "ingrid-lindqvist", "Okafor made the trip alongside Lindqvist.")
	rel("tomas-brandt", graph.AccusedOf, "murder-of-elena-varga", "Prosecutors say Brandt planned the attack on Varga.")
	rel("viktor-hale", graph.AccusedOf, "murder-of-elena-varga", "Hale is also a suspect in the case.")
	rel("piet-janssen", graph.AccusedOf, "levy-fraud", "Janssen faces charges over the levy fraud.")
	rel("national-police", graph.Accused, "piet-janssen", "The police allege that Janssen hid the money.")
	rel("tomas-brandt", graph.ConvictedOf, "murder-of-elena-varga", "A jury found Brandt guilty in June.")
	rel("tomas-brandt", graph.Killed, "elena-varga", "Brandt stabbed Varga outside her office.")
	rel("elena-varga", graph.VictimOf, "murder-of-elena-varga", "Varga died at the scene.")
	rel("ana-sousa", graph.VictimOf, "dock-bombing", "Sousa was among those who died when the bomb went off.")
	rel("dock-bombing", graph.OccurredIn, "rotterdam", "The bomb exploded near the Rotterdam quays.")
	rel("yusuf-bakr", graph.DefectedFrom, "gaddafi-regime", "Bakr turned his back on the regime in March.")
	rel("yusuf-bakr", graph.LivesIn, "london", "Bakr has made his home in London.")
	rel("daniel-okafor", graph.MemberOf, "meridian-shipping", "Okafor was on the Meridian payroll.")
	rel("piet-janssen", graph.MemberOf, "meridian-shipping", "Janssen kept Meridian's books.")
	rel("marta-ruiz", graph.MemberOf, "green-alliance", "Ruiz has led the Green Alliance since 2009.", "role", "leader")
	rel("khalid-gaddafi", graph.MemberOf, "gaddafi-regime", "The colonel ran the regime for four decades.", "role", "leader")
	rel("meridian-shipping", graph.LocatedIn, "rotterdam", "Meridian keeps its offices in Rotterdam.")
	rel("rotterdam", graph.LocatedIn, "netherlands", "Rotterdam is the busiest port in the Netherlands.")
	rel("daniel-okafor", graph.TravelledTo, "rotterdam", "Okafor landed in Rotterdam on Monday.")
	rel("ingrid-lindqvist", graph.TravelledTo, "rotterdam", "Lindqvist reached Rotterdam the same day.")
	rel("viktor-hale", graph.TravelledTo, "tripoli", "Hale was flown to Tripoli.")
	rel("piet-janssen", graph.HeldAt, "vught-prison", "Janssen was arrested at dawn and taken to Vught prison.")
	rel("khalid-gaddafi", graph.Ordered, "viktor-hale", "The colonel told Hale to leave at once.")
	rel("ingrid-lindqvist", graph.Negotiated, "port-agreement", "Lindqvist hammered out the port agreement.")
	rel("ingrid-lindqvist", graph.Met, "daniel-okafor", "Lindqvist and Okafor sat together for an hour.")
	rel("viktor-hale", graph.Met, "ingrid-lindqvist", "Hale saw Lindqvist in private.")
	rel("safiya-gaddafi", graph.FamilyOf, "khalid-gaddafi", "Safiya Gaddafi, the colonel's wife, was not seen.", "kin", "wife")
	rel("luis-ruiz", graph.FamilyOf, "marta-ruiz", "Her husband Luis Ruiz stood beside her.", "kin", "husband")
	rel("omar-hale", graph.FamilyOf, "viktor-hale", "Omar, Hale's son, drove the car.", "kin", "son")
	rel("ingrid-lindqvist", graph.HeldAt, "hotel-excelsior", "Lindqvist stayed at the Hotel Excelsior.")
	rel("jan-de-vries", graph.Advised, "marta-ruiz", "Jan de Vries, Ruiz's deputy, spoke for her.")
	rel("nikolai-ivanov", graph.TravelledTo, "moscow", "Nikolai Ivanov went home to Moscow.")
	rel("piet-janssen", graph.ConvictedOf, "vught-riot", "Janssen was later convicted over the Vught riot.")
	rel("vught-prison", graph.LocatedIn, "vught", "The prison stands on the edge of Vught.")
	rel("daniel-okafor", graph.Negotiated, "dock-deal", "Okafor agreed the compensation deal for the dock workers.")
	rel("piet-janssen", graph.MemberOf, "dockers-union", "Janssen paid his dues to the Dockers' Union.")
	rel("eva-hale", graph.MemberOf, "dutch-embassy", "Eva Hale, a clerk at the Dutch embassy, saw nothing.")
	rel("rui-sousa", graph.TravelledTo, "lisbon", "Rui Sousa flew home to Lisbon.")
	rel("nikolai-ivanov", graph.MemberOf, "national-intelligence-service", "Nikolai Ivanov, an officer of the National Intelligence Service, declined to comment.")
	return m
}

// analystQuestion is one question and what it must give: the answer ids
// (any order), or an error that errIs accepts.
type analystQuestion struct {
	q     string
	want  []string
	errIs error
}

// analystQuestions covers every predicate in the ways a reader who never saw
// kg's grammar would ask: tenses, passives, possessives, titles, partial and
// differently spelled names, case and punctuation.
var analystQuestions = []analystQuestion{
	// advised
	{q: "who advised Gaddafi", want: []string{"viktor-hale"}},
	{q: "who advises Qadhafi?", want: []string{"viktor-hale"}},
	{q: "Who were Kadhafi's advisers?", want: []string{"viktor-hale"}},
	{q: "who was Colonel Gadhafi's adviser", want: []string{"viktor-hale"}},
	{q: "who did Viktor Hale advise", want: []string{"khalid-gaddafi"}},
	{q: "whom did Hale advise?", want: []string{"khalid-gaddafi"}},
	{q: "who was Hale an adviser to", want: []string{"khalid-gaddafi"}},
	{q: "who has advised Mr. Gaddafi", want: []string{"viktor-hale"}},
	{q: "who served as an adviser to Qaddafi?", want: []string{"viktor-hale"}},
	{q: "who was advising khalid gaddafi", want: []string{"viktor-hale"}},
	// accompanied
	{q: "who travelled with Lindqvist", want: []string{"daniel-okafor"}},
	{q: "who traveled with Ms. Lindqvist?", want: []string{"daniel-okafor"}},
	{q: "Who accompanied Ms Lindqvist", want: []string{"daniel-okafor"}},
	{q: "who was Okafor travelling with", want: []string{"ingrid-lindqvist"}},
	{q: "who was accompanied by Okafor", want: []string{"ingrid-lindqvist"}},
	{q: "who did Lindqvist travel with?", want: []string{"daniel-okafor"}},
	{q: "who went with Mr. Okafor to Rotterdam", want: []string{"ingrid-lindqvist"}},
	{q: "who was with Okafor on the trip", want: []string{"ingrid-lindqvist"}},
	// accused-of
	{q: "who was charged with the murder of Elena Varga", want: []string{"tomas-brandt", "viktor-hale"}},
	{q: "who is accused of murdering Elena Varga?", want: []string{"tomas-brandt", "viktor-hale"}},
	{q: "who is suspected of killing Varga", want: []string{"tomas-brandt", "viktor-hale"}},
	{q: "who are the suspects in the Varga murder", want: []string{"tomas-brandt", "viktor-hale"}},
	{q: "who are the suspects in Varga's murder?", want: []string{"tomas-brandt", "viktor-hale"}},
	{q: "who was charged over the levy fraud", want: []string{"piet-janssen"}},
	{q: "who was indicted in the harbour levy fraud", want: []string{"piet-janssen"}},
	{q: "who was implicated in the levy fraud?", want: []string{"piet-janssen"}},
	{q: "what is Janssen accused of", want: []string{"levy-fraud"}},
	{q: "what was Piet Janssen charged with?", want: []string{"levy-fraud"}},
	{q: "what crime is Hale accused of", want: []string{"murder-of-elena-varga"}},
	{q: "what is Mr Janssen suspected of?", want: []string{"levy-fraud"}},
	// accused
	{q: "who accused Janssen", want: []string{"national-police"}},
	{q: "who has accused Mr. Janssen?", want: []string{"national-police"}},
	{q: "who did the National Police accuse", want: []string{"piet-janssen"}},
	{q: "who was Janssen accused by", want: []string{"national-police"}},
	{q: "by whom was Janssen accused", want: []string{"national-police"}},
	{q: "who made accusations against Janssen", want: []string{"national-police"}},
	// convicted-of
	{q: "who was convicted of the murder of Elena Varga", want: []string{"tomas-brandt"}},
	{q: "who was sentenced over the Varga murder", want: []string{"tomas-brandt"}},
	{q: "who was sentenced for the murder of Varga?", want: []string{"tomas-brandt"}},
	{q: "who was found guilty of murdering Elena Varga", want: []string{"tomas-brandt"}},
	{q: "who was jailed over Varga's murder", want: []string{"tomas-brandt"}},
	{q: "what was Brandt convicted of", want: []string{"murder-of-elena-varga"}},
	{q: "what was Tomas Brandt sentenced for?", want: []string{"murder-of-elena-varga"}},
	{q: "what has Brandt been convicted of", want: []string{"murder-of-elena-varga"}},
	{q: "who was convicted", want: []string{"piet-janssen", "tomas-brandt"}},
	// victim-of
	{q: "who died in the Dock Street bombing", want: []string{"ana-sousa"}},
	{q: "who was killed in the Dock Street bombing?", want: []string{"ana-sousa"}},
	{q: "who were the victims of the Dock Street bombing", want: []string{"ana-sousa"}},
	{q: "what was Sousa a victim of", want: []string{"dock-bombing"}},
	{q: "who was the victim of the murder of Elena Varga", want: []string{"elena-varga"}},
	// occurred-in
	{q: "where did the Dock Street bombing take place", want: []string{"rotterdam"}},
	{q: "where was the Dock Street bombing", want: []string{"rotterdam"}},
	{q: "where did the bombing happen?", want: []string{"rotterdam"}},
	{q: "what happened in Rotterdam", want: []string{"dock-bombing"}},
	// killed
	{q: "who killed Elena Varga", want: []string{"tomas-brandt"}},
	{q: "who murdered Varga?", want: []string{"tomas-brandt"}},
	{q: "who did Brandt kill", want: []string{"elena-varga"}},
	{q: "whom did Brandt murder", want: []string{"elena-varga"}},
	{q: "who was killed by Tomas Brandt", want: []string{"elena-varga"}},
	{q: "who was Varga killed by", want: []string{"tomas-brandt"}},
	{q: "who is responsible for the death of Elena Varga", want: []string{"tomas-brandt", "viktor-hale"}},
	{q: "who was killed", want: []string{"ana-sousa", "elena-varga"}}, // Sousa died in the bombing
	// defected-from
	{q: "who defected from the Gaddafi regime", want: []string{"yusuf-bakr"}},
	{q: "who defected from the Qaddafi regime?", want: []string{"yusuf-bakr"}},
	{q: "who abandoned the regime", want: []string{"yusuf-bakr"}},
	{q: "what did Bakr defect from", want: []string{"gaddafi-regime"}},
	{q: "which regime did Yusuf Bakr desert", want: []string{"gaddafi-regime"}},
	{q: "who defected", want: []string{"yusuf-bakr"}},
	// member-of
	{q: "who worked for Meridian Shipping", want: []string{"daniel-okafor", "piet-janssen"}},
	{q: "who works at Meridian?", want: []string{"daniel-okafor", "piet-janssen"}},
	{q: "which organisation does Okafor work for", want: []string{"meridian-shipping"}},
	{q: "which company did Daniel Okafor work for?", want: []string{"meridian-shipping"}},
	{q: "who is Okafor's employer", want: []string{"meridian-shipping"}},
	{q: "who employs Okafor", want: []string{"meridian-shipping"}},
	{q: "who employed Mr Okafor", want: []string{"meridian-shipping"}},
	{q: "who are the members of the Green Alliance", want: []string{"marta-ruiz"}},
	{q: "who belongs to the Green Alliance?", want: []string{"marta-ruiz"}},
	{q: "what party does Marta Ruiz belong to", want: []string{"green-alliance"}},
	{q: "which party is Ruiz a member of", want: []string{"green-alliance"}},
	{q: "who leads the Green Alliance", want: []string{"marta-ruiz"}},
	{q: "who is the leader of the Green Alliance?", want: []string{"marta-ruiz"}},
	{q: "who heads the green alliance", want: []string{"marta-ruiz"}},
	{q: "who works for Meridian", want: []string{"daniel-okafor", "piet-janssen"}},
	{q: "who are Meridian's employees", want: []string{"daniel-okafor", "piet-janssen"}},
	{q: "which organization is Janssen part of", want: []string{"dockers-union", "meridian-shipping"}},
	{q: "who runs the Gaddafi regime", want: []string{"khalid-gaddafi"}},
	// located-in
	{q: "where is Meridian Shipping based", want: []string{"rotterdam"}},
	{q: "where is Meridian headquartered?", want: []string{"rotterdam"}},
	{q: "where is Meridian located", want: []string{"rotterdam"}},
	{q: "where is Rotterdam", want: []string{"netherlands"}},
	{q: "in which country is Rotterdam?", want: []string{"netherlands"}},
	{q: "which city is Meridian based in", want: []string{"rotterdam"}},
	{q: "what companies are based in Rotterdam", want: []string{"meridian-shipping"}},
	// travelled-to
	{q: "where did Okafor travel to", want: []string{"rotterdam"}},
	{q: "where did Hale go?", want: []string{"tripoli"}},
	{q: "where has Hale travelled", want: []string{"tripoli"}},
	{q: "who travelled to Rotterdam", want: []string{"daniel-okafor", "ingrid-lindqvist"}},
	{q: "who flew to Tripoli", want: []string{"viktor-hale"}},
	{q: "who visited Tripoli?", want: []string{"viktor-hale"}},
	{q: "where did Viktor Hale fly", want: []string{"tripoli"}},
	{q: "which city did Hale visit", want: []string{"tripoli"}},
	{q: "who went to Rotterdam", want: []string{"daniel-okafor", "ingrid-lindqvist"}},
	{q: "where was Hale flown to", want: []string{"tripoli"}},
	// held-at
	{q: "where is Janssen being held", want: []string{"vught-prison"}},
	{q: "where was Janssen taken", want: []string{"vught-prison"}},
	{q: "where was Mr. Janssen taken to?", want: []string{"vught-prison"}},
	{q: "where is Janssen imprisoned", want: []string{"vught-prison"}},
	{q: "where was Piet Janssen jailed", want: []string{"vught-prison"}},
	{q: "who is being held at Vught prison", want: []string{"piet-janssen"}},
	{q: "who is detained in Vught?", want: []string{"piet-janssen"}},
	{q: "who was arrested", want: []string{"piet-janssen"}},
	{q: "where was Janssen arrested", want: []string{"vught-prison"}},
	// ordered
	{q: "who did Gaddafi order", want: []string{"viktor-hale"}},
	{q: "who ordered Hale", want: []string{"khalid-gaddafi"}},
	{q: "who was ordered by Qaddafi", want: []string{"viktor-hale"}},
	{q: "who instructed Hale?", want: []string{"khalid-gaddafi"}},
	{q: "who gave Hale his orders", want: []string{"khalid-gaddafi"}},
	// negotiated
	{q: "who negotiated the port agreement", want: []string{"ingrid-lindqvist"}},
	{q: "what did Lindqvist negotiate", want: []string{"port-agreement"}},
	{q: "who brokered the port agreement?", want: []string{"ingrid-lindqvist"}},
	{q: "what deal did Ms. Lindqvist negotiate", want: []string{"port-agreement"}},
	// met
	{q: "who met Lindqvist", want: []string{"daniel-okafor", "viktor-hale"}},
	{q: "who met with Ingrid Lindqvist?", want: []string{"daniel-okafor", "viktor-hale"}},
	{q: "who did Lindqvist meet with", want: []string{"daniel-okafor", "viktor-hale"}},
	{q: "who did Okafor meet", want: []string{"ingrid-lindqvist"}},
	{q: "whom did Hale meet?", want: []string{"ingrid-lindqvist"}},
	{q: "who held talks with Lindqvist", want: []string{"daniel-okafor", "viktor-hale"}},
	{q: "who has Lindqvist met", want: []string{"daniel-okafor", "viktor-hale"}},
	{q: "who has Ms Lindqvist been meeting", want: []string{"daniel-okafor", "viktor-hale"}},
	{q: "who was Hale meeting with?", want: []string{"ingrid-lindqvist"}},
	// family-of
	{q: "who is Gaddafi's wife", want: []string{"safiya-gaddafi"}},
	{q: "who is Kadhafi's wife?", want: []string{"safiya-gaddafi"}},
	{q: "who is the wife of Qaddafi", want: []string{"safiya-gaddafi"}},
	{q: "who is Safiya Gaddafi's husband", want: []string{"khalid-gaddafi"}},
	{q: "who is Marta Ruiz's husband", want: []string{"luis-ruiz"}},
	{q: "who is Luis Ruiz married to?", want: []string{"marta-ruiz"}},
	{q: "who is Marta Ruiz's spouse", want: []string{"luis-ruiz"}},
	{q: "who is Luis Ruiz's wife", want: []string{"marta-ruiz"}},
	{q: "who are Gaddafi's relatives", want: []string{"safiya-gaddafi"}},
	{q: "WHO IS GADDAFI'S WIFE?", want: []string{"safiya-gaddafi"}},
	// lives-in
	{q: "where does Bakr live", want: []string{"london"}},
	{q: "where does Yusuf Bakr live now?", want: []string{"london"}},
	{q: "where is Bakr from", want: []string{"london"}},
	{q: "who lives in London", want: []string{"yusuf-bakr"}},
	{q: "where is Bakr based", want: []string{"london"}},
	{q: "where did Bakr live", want: []string{"london"}},
	{q: "where is Bakr living", want: []string{"london"}},
	// more phrasings: relative clauses, imperatives, plural open questions
	{q: "who has worked for Meridian", want: []string{"daniel-okafor", "piet-janssen"}},
	{q: "name the members of the Green Alliance", want: []string{"marta-ruiz"}},
	{q: "which people travelled with Lindqvist", want: []string{"daniel-okafor"}},
	{q: "who is the husband of Marta Ruiz", want: []string{"luis-ruiz"}},
	{q: "who was Safiya Gaddafi married to", want: []string{"khalid-gaddafi"}},
	{q: "Where is Mr. Janssen being detained?", want: []string{"vught-prison"}},
	{q: "who were arrested?", want: []string{"piet-janssen"}},
	{q: "who was charged", want: []string{"piet-janssen", "tomas-brandt", "viktor-hale"}},
	{q: "who did the police accuse", want: []string{"piet-janssen"}},
	{q: "what was Brandt found guilty of", want: []string{"murder-of-elena-varga"}},
	{q: "who were the suspects in the killing of Elena Varga", want: []string{"tomas-brandt", "viktor-hale"}},
	{q: "who is suspected in the killing of Elena Varga", want: []string{"tomas-brandt", "viktor-hale"}},
	// who is X: the organisations X belongs to
	{q: "who is Okafor?", want: []string{"meridian-shipping"}},
	{q: "who is Marta Ruiz", want: []string{"green-alliance"}},
	// read, but nothing in the graph answers: no answer, never a guess
	{q: "who killed Okafor", want: []string{}},
	{q: "where did Bakr travel to", want: []string{}},
	{q: "who is Okafor's wife", want: []string{}},
	{q: "who advised Napoleon", errIs: ErrNoEntity},
	{q: "what is the weather in Rotterdam", errIs: ErrNotUnderstood},
}

// analystQuestions2 is a second round, written after the first round's
// fixes and counted apart: more of the same shapes in other words.
var analystQuestions2 = []analystQuestion{
	{q: "who was Viktor Hale's son", want: []string{"omar-hale"}},
	{q: "who is the son of Viktor Hale?", want: []string{"omar-hale"}},
	{q: "who is Omar Hale's father", want: []string{"viktor-hale"}},
	{q: "who is Marta Ruiz's deputy", want: []string{"jan-de-vries"}},
	{q: "who is de Vries a deputy to", want: []string{"marta-ruiz"}},
	{q: "who does Jan de Vries work for", want: []string{"marta-ruiz"}},
	{q: "where did Lindqvist stay", want: []string{"hotel-excelsior"}},
	{q: "where was Ingrid Lindqvist staying?", want: []string{"hotel-excelsior"}},
	{q: "who stayed at the Hotel Excelsior", want: []string{"ingrid-lindqvist"}},
	{q: "who was staying at the Excelsior", want: []string{"ingrid-lindqvist"}},
	{q: "who did Okafor clash with", errIs: ErrNotUnderstood},
	{q: "who killed Ana Sousa", want: []string{}},
	{q: "where was Okafor born", want: []string{}},
	{q: "who else was charged in the murder of Elena Varga", want: []string{"tomas-brandt", "viktor-hale"}},
	{q: "who was prosecuted over the levy fraud", want: []string{"piet-janssen"}},
	{q: "who stands accused of the levy fraud", want: []string{"piet-janssen"}},
	{q: "who faces charges over the levy fraud", want: []string{"piet-janssen"}},
	{q: "what was Janssen arrested for", want: []string{"levy-fraud"}},
	{q: "what was Brandt jailed for", want: []string{"murder-of-elena-varga"}},
	{q: "what crime was Tomas Brandt found guilty of?", want: []string{"murder-of-elena-varga"}},
	{q: "who were the two suspects in the Varga murder", want: []string{"tomas-brandt", "viktor-hale"}},
	{q: "who is alleged to have killed Elena Varga", want: []string{"tomas-brandt"}},
	{q: "who allegedly killed Varga", want: []string{"tomas-brandt"}},
	{q: "who was Elena Varga murdered by?", want: []string{"tomas-brandt"}},
	{q: "where did the port agreement negotiations take place", want: []string{}},
	{q: "which country is Rotterdam located in", want: []string{"netherlands"}},
	{q: "where are Meridian's offices", want: []string{"rotterdam"}},
	{q: "what is the name of Gaddafi's wife", want: []string{"safiya-gaddafi"}},
	{q: "who was the colonel's adviser", want: []string{"viktor-hale"}}, // "Colonel Gaddafi" holds the word
	{q: "whom did Gaddafi order to leave", want: []string{"viktor-hale"}},
	{q: "who was ordered to leave by Gaddafi", want: []string{"viktor-hale"}},
	{q: "which officials has Lindqvist met?", want: []string{"daniel-okafor", "viktor-hale"}},
	{q: "who has Lindqvist held talks with", want: []string{"daniel-okafor", "viktor-hale"}},
	{q: "who sat down with Lindqvist", want: []string{"daniel-okafor", "viktor-hale"}},
	{q: "what is Yusuf Bakr's hometown", want: []string{"london"}},
	{q: "what city does Bakr live in", want: []string{"london"}},
	{q: "who fled the Gaddafi regime", want: []string{"yusuf-bakr"}},
	{q: "who broke with Gaddafi's regime", want: []string{"yusuf-bakr"}},
	{q: "who left the regime", want: []string{"yusuf-bakr"}},
	{q: "who are the Gaddafi regime's defectors", want: []string{"yusuf-bakr"}},
	{q: "Who accompanied Lindqvist on her trip to Rotterdam?", want: []string{"daniel-okafor"}},
	{q: "who did the police arrest", want: []string{"piet-janssen"}},
	{q: "who was arrested by the National Police", want: []string{"piet-janssen"}},
}

// analystQuestions3 is a third round: dates and places tacked on, relative
// clauses, acronyms, names spelled as nobody in the graph spelled them.
var analystQuestions3 = []analystQuestion{
	{q: "where did Ivanoff travel", want: []string{"moscow"}},
	{q: "who is a member of the NIS", want: []string{"nikolai-ivanov"}},
	{q: "which agency does Nikolai Ivanov work for", want: []string{"national-intelligence-service"}},
	{q: "who did Lindqvist meet in Rotterdam", want: []string{"daniel-okafor", "viktor-hale"}},
	{q: "who did Lindqvist meet on Monday?", want: []string{"daniel-okafor", "viktor-hale"}},
	{q: "who travelled to Rotterdam in 2009", want: []string{"daniel-okafor", "ingrid-lindqvist"}},
	{q: "who accompanied Lindqvist to Rotterdam", want: []string{"daniel-okafor"}},
	{q: "who did Hale meet last week", want: []string{"ingrid-lindqvist"}},
	{q: "where did Hale fly in March?", want: []string{"tripoli"}},
	{q: "who was convicted in June", want: []string{"piet-janssen", "tomas-brandt"}}, // the graph keeps no dates
	{q: "where was Janssen held after his arrest", want: []string{"vught-prison"}},
	{q: "who are the people who met Lindqvist", want: []string{"daniel-okafor", "viktor-hale"}},
	{q: "list everyone who worked for Meridian", want: []string{"daniel-okafor", "piet-janssen"}},
	{q: "which organisation arrested Janssen", want: []string{"national-police"}},
	{q: "name Gaddafi's advisers", want: []string{"viktor-hale"}},
	{q: "who is suspected of involvement in the Varga murder", want: []string{"tomas-brandt", "viktor-hale"}},
	{q: "who took part in the levy fraud", want: []string{"piet-janssen"}},
	{q: "who was behind the murder of Elena Varga", want: []string{"tomas-brandt", "viktor-hale"}},
	{q: "who carried out the murder of Elena Varga", want: []string{"tomas-brandt", "viktor-hale"}},
	{q: "who were the people charged over the levy fraud", want: []string{"piet-janssen"}},
	{q: "who is Mr Okafor's travelling companion", want: []string{"ingrid-lindqvist"}},
	{q: "who met with Lindqvist in private", want: []string{"daniel-okafor", "viktor-hale"}},
	{q: "where did the Dock Street bombing occur in 2010", want: []string{"rotterdam"}},
	{q: "who is the wife of Khalid Qadhafi", want: []string{"safiya-gaddafi"}},
	{q: "who is Col. Kadhafi's adviser?", want: []string{"viktor-hale"}},
	{q: "who negotiated the port agreement with Okafor", want: []string{"ingrid-lindqvist"}},
	{q: "what agreement did Lindqvist broker", want: []string{"port-agreement"}},
	{q: "who was convicted for Vught", want: []string{"piet-janssen"}}, // the event named after the town
	{q: "what was Janssen convicted of", want: []string{"vught-riot"}},
	{q: "who negotiated the dock workers' compensation deal", want: []string{"daniel-okafor"}}, // the name's words in another order
	{q: "who is a member of the Docker's Union", want: []string{"piet-janssen"}},               // another apostrophe, another number
	{q: "which organisation does Eva Hale belong to", want: []string{"dutch-embassy"}},         // typed a place by the graph
	{q: "who gave orders to Hale", want: []string{"khalid-gaddafi"}},
	{q: "where did Tomas Brandt go", want: []string{}},
	{q: "where did Sousa go", want: []string{"lisbon"}}, // Ana Sousa owns the alias; Rui Sousa is the one who travelled
	{q: "when did Hale travel to Tripoli", errIs: ErrNotUnderstood},
	{q: "why was Brandt convicted", errIs: ErrNotUnderstood},
}

// TestAnalystQuestions asks analystQuestions of docks and logs how many it
// answers exactly, then fails on each one it gets wrong.
func TestAnalystQuestions(t *testing.T) {
	for i, qs := range [][]analystQuestion{analystQuestions, analystQuestions2, analystQuestions3} {
		t.Run(fmt.Sprintf("round%d", i+1), func(t *testing.T) { askAnalyst(t, qs) })
	}
}

func askAnalyst(t *testing.T, qs []analystQuestion) {
	m := docks(t)
	right := 0
	for _, tt := range qs {
		ok := t.Run(tt.q, func(t *testing.T) {
			res, err := Ask(m, tt.q)
			if tt.errIs != nil {
				if !errors.Is(err, tt.errIs) {
					t.Errorf("Ask(%q) error = %v, want %v", tt.q, err, tt.errIs)
				}
				return
			}
			if err != nil {
				t.Fatalf("Ask(%q): %v", tt.q, firstLine(err))
			}
			checkAnswers(t, tt.q, res, tt.want)
		})
		if ok {
			right++
		}
	}
	t.Logf("analyst questions answered exactly: %d of %d", right, len(qs))
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
