package extract

import (
	"testing"

	"github.com/kgraph/kg/graph"
)

// TestNewsFamilies covers the frames that recur in any news story, one
// family at a time, on sentences written for the test (other names,
// countries and decades than the corpus): accusation frames with the
// accuser and the accused apart, event nominals, membership written in
// appositions and titles, and travel that is only intended.
func TestNewsFamilies(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "Subject|predicate|Object" or with "|status"
		not        []string
	}{
		// Posts written before a name and closed by a comma.
		{"a body's possessive and a post with lower-case modifiers", "The jury heard from the FIBA's former marketing director, Paul Renard.",
			[]string{"Paul Renard|member-of|FIBA"}, nil},
		{"the body's post with an of-phrase, referring back", "The Bank of Carrow lent the money. The bank's head of corporate lending, Tom Hale, warned the board.",
			[]string{"Tom Hale|member-of|Bank of Carrow"}, nil},
		{"the post of a named body before the name", "The treasurer of the Rowing Union of Ghana, Kofi Asante, resigned.",
			[]string{"Kofi Asante|member-of|Rowing Union of Ghana"}, nil},
		{"the post of an embassy in a town", "Police named the first secretary of the Bulgarian embassy in Oslo, Ivan Petrov, as a suspect.",
			[]string{"Ivan Petrov|member-of|Bulgarian embassy"}, nil},
		{"a possessive body and a verb, not a post", "The Dockers' Union's lawyer sued shipping director, Kofi Asante, on Monday.",
			nil, []string{"Kofi Asante|member-of|Dockers' Union"}},
		{"a possessive body and a decision, not a post", "The Dockers' Union's decision to praise the port director, Kofi Asante, angered members.",
			nil, []string{"Kofi Asante|member-of|Dockers' Union"}},
		{"a kin word before the name is no post", "The Rowing Union's founder's wife, Ama Asante, spoke.",
			nil, []string{"Ama Asante|member-of|Rowing Union"}},
		{"an apposition of the person before is left alone", "Kofi Mensah, the treasurer of the Rowing Union, Ama Asante and Yaw Boateng met on Monday.",
			[]string{"Kofi Mensah|member-of|Rowing Union"}, []string{"Ama Asante|member-of|Rowing Union"}},
		{"a post of a town is no membership", "The mayor of Tamale, Kofi Mensah, spoke.",
			nil, []string{"Kofi Mensah|member-of|Tamale"}},

		// A bare surname shared by a principal and a relative.
		{"a relative named later yields the surname to the principal", "Samuel Okoro was banned on Monday. The money went to a firm run by his son, Daniel Okoro. Okoro flew to Lagos after the hearing.",
			[]string{"Samuel Okoro|travelled-to|Lagos"}, []string{"Daniel Okoro|travelled-to|Lagos"}},
		{"a relative named first keeps the surname", "Daniel Okoro runs a firm in Dakar. His father, Samuel Okoro, was banned. Okoro flew to Lagos after the hearing.",
			[]string{"Daniel Okoro|travelled-to|Lagos"}, []string{"Samuel Okoro|travelled-to|Lagos"}},

		// A denial inside a relative clause is the clause's own.
		{"a denial in a relative clause does not deny the main verb", "Samuel Okoro, who denies wrongdoing, flew to Lagos after the hearing.",
			[]string{"Samuel Okoro|travelled-to|Lagos|stated"}, nil},
		{"a denial of the main verb still denies", "Samuel Okoro, who was banned on Monday, denied that he flew to Lagos.",
			nil, []string{"Samuel Okoro|travelled-to|Lagos|stated"}},

		// A deed with no name of its own, in a story of one case.
		{"convicted of a deed in a story of one case", "Pieter Smit was found guilty in the Rowing Union bribery case. Karel Botha was found guilty of arranging the payments.",
			[]string{"Karel Botha|convicted-of|Rowing Union bribery case"}, nil},
		{"charged with a charge in a story of one fraud", "Brian Tate was convicted over the Harlow Glass fraud. The Serious Fraud Office had charged Tate and Ruth Gale with conspiracy to defraud in 1993.",
			[]string{"Ruth Gale|accused-of|Harlow Glass fraud", "Serious Fraud Office|accused|Ruth Gale"}, nil},
		{"a deed in a story of two cases names neither", "Pieter Smit was found guilty in the Rowing Union bribery case. Tom Hale was convicted over the Harlow Glass fraud. Karel Botha was found guilty of arranging the payments.",
			nil, []string{"Karel Botha|convicted-of|Rowing Union bribery case", "Karel Botha|convicted-of|Harlow Glass fraud"}},
		{"a case named only after the deed is not it", "Karel Botha was found guilty of arranging the payments. Pieter Smit was found guilty in the Rowing Union bribery case.",
			nil, []string{"Karel Botha|convicted-of|Rowing Union bribery case"}},
		{"charged with a killing's charge is not the fraud", "Brian Tate was convicted over the Harlow Glass fraud. Police charged Ruth Gale with murder.",
			nil, []string{"Ruth Gale|accused-of|Harlow Glass fraud"}},

		// Two people coordinated past an apposition and a post.
		{"coordinated past an apposition and the second one's post", "Brian Tate, the former chairman of the textile group Harlow Glass, and its finance director, Ruth Gale, were convicted over the Harlow Glass fraud.",
			[]string{"Brian Tate|convicted-of|Harlow Glass fraud", "Ruth Gale|convicted-of|Harlow Glass fraud", "Brian Tate|member-of|Harlow Glass", "Ruth Gale|member-of|Harlow Glass"}, nil},
		{"a post of another person between is no coordination", "Brian Tate, a friend of Tom Hale, and his lawyer, Ruth Gale, were convicted over the Harlow Glass fraud.",
			[]string{"Ruth Gale|convicted-of|Harlow Glass fraud"}, []string{"Brian Tate|convicted-of|Harlow Glass fraud"}},
		{"its post refers to the body named before in the sentence", "Officials of the Harbour Authority met its chief engineer, Ruth Gale, on Monday.",
			[]string{"Ruth Gale|member-of|Harbour Authority"}, nil},
		{"a kind of body before a firm's name", "Brian Tate, the chairman of the brewing company Harlow Ales, resigned.",
			[]string{"Brian Tate|member-of|Harlow Ales"}, nil},

		// One name, one entity: a body typed by its kind keeps a later
		// mention the tagger took for a person.
		{"a firm's name tagged a person joins the firm", "Brian Tate ran the textile group Harlow Mills for a decade. The jury acquitted Harlow Mills's former sales director, Ruth Gale.",
			[]string{"Ruth Gale|member-of|Harlow Mills"}, nil},

		{"a titled person named like a firm stays a person", "The fashion house Anna Reed opened a shop in Paris. Its founder, Ms Anna Reed, flew to Milan on Monday.",
			[]string{"Anna Reed|travelled-to|Milan"}, nil},

		// A verb's object written as a post, then the name.
		{"met a post, then its holder", "The ambassador, Karl Berg, was summoned to the Danish Foreign Ministry, where he met its director of political affairs, Nils Holm, on Tuesday.",
			[]string{"Karl Berg|met|Nils Holm", "Nils Holm|member-of|Danish Foreign Ministry"}, nil},
		{"met a post, then a speaker", "Karl Berg met the ambassador, Nils Holm said on Tuesday.",
			nil, []string{"Karl Berg|met|Nils Holm"}},

		// Where a meeting was is no journey; talks held somewhere are a visit.
		{"met someone in a town is no travel", "Jorge Ruiz told the court that he had met Pablo Vega several times in Quito.",
			[]string{"Jorge Ruiz|met|Pablo Vega"}, []string{"Jorge Ruiz|travelled-to|Quito"}},
		{"talks held in a town are a visit", "Jorge Ruiz held talks on Sunday in Quito with Pablo Vega.",
			[]string{"Jorge Ruiz|travelled-to|Quito"}, nil},

		// A name described as a kind of body of a place.
		{"a firm of a town", "The money passed through Sahel Sports Consulting, a Dakar firm controlled by his son.",
			[]string{"Sahel Sports Consulting|located-in|Dakar"}, nil},
		{"a known town is no firm", "The talks were held in Accra, a Ghana media group's home.",
			nil, []string{"Accra|located-in|Ghana"}},

		// A body run by a person.
		{"a firm controlled by a relative named after the kin noun", "Samuel Okoro was banned. The money passed through Sahel Sports Consulting, a Dakar firm controlled by his son, Daniel Okoro.",
			[]string{"Daniel Okoro|member-of|Sahel Sports Consulting"}, []string{"Samuel Okoro|member-of|Sahel Sports Consulting"}},
		{"a charity run by a person", "The Harbour Trust, a charity run by Ruth Gale, paid the fees.",
			[]string{"Ruth Gale|member-of|Harbour Trust"}, nil},
		{"run by others, then a speaker", "The Harbour Trust was run by volunteers, Ruth Gale said.",
			nil, []string{"Ruth Gale|member-of|Harbour Trust"}},

		// Accusation frames.
		{"a body accused is no accusation of the person after it", "The Polish Foreign Ministry accused the CIA of kidnapping Jan Nowicki.",
			nil, []string{"Polish Foreign Ministry|accused|Jan Nowicki"}},
		{"a person accused after the verb", "The Polish Foreign Ministry accused Jan Nowicki of spying.",
			[]string{"Polish Foreign Ministry|accused|Jan Nowicki"}, nil},
		{"the accused named after the post that opens the object", "The Norwegian Foreign Ministry expelled two diplomats. The ministry accused the first secretary of the Bulgarian embassy in Oslo, Ivan Petrov, of recruiting a clerk.",
			[]string{"Norwegian Foreign Ministry|accused|Ivan Petrov", "Ivan Petrov|member-of|Bulgarian embassy"}, nil},
		{"a post after the verb with no name after it accuses no one named", "The Norwegian Foreign Ministry accused the first secretary of the Bulgarian embassy of spying, Ivan Petrov said.",
			nil, []string{"Norwegian Foreign Ministry|accused|Ivan Petrov"}},
		{"found guilty of a deed in a case named after a body", "Pieter Smit, the former treasurer of the Cape Rowing Union, was found guilty of taking $20,000 in the Rowing Union bribery case.",
			[]string{"Pieter Smit|convicted-of|Rowing Union bribery case"}, nil},
		{"charged with a charge in a case named after a town", "Prosecutors charged Lars Holm with espionage in the Esbjerg spy case.",
			[]string{"Lars Holm|accused-of|Esbjerg spy case"}, nil},
		{"convicted over a fraud named after a firm", "Brian Tate and Ruth Gale were convicted yesterday over the Harlow Glass fraud.",
			[]string{"Brian Tate|convicted-of|Harlow Glass fraud", "Ruth Gale|convicted-of|Harlow Glass fraud"}, nil},
		{"the same case names no event", "Brian Tate was convicted in the same case.",
			nil, []string{"Brian Tate|convicted-of|same case"}},
		{"the same case is the one case named before", "Ruth Gale was convicted over the Harlow Glass fraud. Brian Tate was convicted in the same case.",
			[]string{"Brian Tate|convicted-of|Harlow Glass fraud"}, nil},
		{"the same case after two cases is neither", "Ruth Gale was convicted over the Harlow Glass fraud. Tom Hale was found guilty in the Rowing Union bribery case. Brian Tate was convicted in the same case.",
			nil, []string{"Brian Tate|convicted-of|Harlow Glass fraud"}},
		{"a case named after a person", "Brian Tate was found guilty in the Ruth Gale case.",
			[]string{"Brian Tate|convicted-of|Ruth Gale case"}, []string{"Brian Tate|convicted-of|Ruth Gale"}},
		{"a case with no modifier names no event", "Brian Tate was found guilty in the case.",
			nil, []string{"Brian Tate|convicted-of|case"}},
		{"charged X and Y with a killing", "Kenji Mori was found dead in Osaka. Prosecutors charged Taro Ueda and Ken Saito with the murder of Kenji Mori on Friday.",
			[]string{"Taro Ueda|accused-of|murder of Kenji Mori", "Ken Saito|accused-of|murder of Kenji Mori"}, nil},
		{"a body charges: it accuses", "The Serious Fraud Office charged Alan Pryce with the Harbour bombing.",
			[]string{"Alan Pryce|accused-of|Harbour bombing", "Serious Fraud Office|accused|Alan Pryce"}, nil},
		{"a court convicts: it does not accuse", "A Nairobi court convicted former finance minister Joseph Kamau over the Goldbridge scandal.",
			[]string{"Joseph Kamau|convicted-of|Goldbridge scandal"}, []string{"Nairobi court|accused|Joseph Kamau"}},
		{"passive conviction over a scandal", "Joseph Kamau was convicted over the Goldbridge scandal in 2004.",
			[]string{"Joseph Kamau|convicted-of|Goldbridge scandal"}, nil},
		{"suspected in a killing", "Liam Byrne, who is suspected in the killing of Sean Walsh, fled.",
			[]string{"Liam Byrne|accused-of|killing of Sean Walsh"}, nil},
		{"arrested over a killing", "Police arrested Liam Byrne over the Dublin shooting.",
			[]string{"Liam Byrne|accused-of|Dublin shooting"}, nil},
		{"arrested in a town is no accusation", "Police arrested Liam Byrne in Cork on Monday.",
			nil, []string{"Liam Byrne|accused-of|Cork"}},
		{"named as a suspect", "Police named Liam Byrne as a suspect in the killing of Sean Walsh.",
			[]string{"Liam Byrne|accused-of|killing of Sean Walsh"}, nil},
		{"convicted of a deed that names the scandal's body", "The Goldbridge scandal broke in May. Joseph Kamau was convicted of paying bribes to Goldbridge officials.",
			[]string{"Joseph Kamau|convicted-of|Goldbridge scandal"}, nil},
		{"convicted of a deed that names no event", "Joseph Kamau was convicted of paying bribes to Goldbridge officials.",
			nil, []string{"Joseph Kamau|convicted-of|Goldbridge"}},
		{"charged, not with an event", "Prosecutors charged Liam Byrne with fraud.",
			nil, []string{"Liam Byrne|accused-of|fraud"}},
		{"a body charges several with a charge, no event", "The Serious Fraud Office charged Brian Tate, Ruth Gale and Tom Hale with conspiracy to defraud in 1993.",
			[]string{"Serious Fraud Office|accused|Brian Tate", "Serious Fraud Office|accused|Ruth Gale", "Serious Fraud Office|accused|Tom Hale"}, nil},
		{"a body names someone with no crime: no accusation", "The Serious Fraud Office named Brian Tate as its new director.",
			nil, []string{"Serious Fraud Office|accused|Brian Tate"}},
		{"a body charges a fee: no accusation", "The Harbour Authority charged Brian Tate a fee.",
			nil, []string{"Harbour Authority|accused|Brian Tate"}},

		// The accused described first and named in a later sentence.
		{"a described suspect, then the others named", "Ghanaian police have named a senior clerk at the Togolese Consulate in Accra as one of three people wanted in connection with the killing of Kojo Mensah. Ama Boateng is a clerk at the consulate. The two other named suspects are Yaw Darko, a driver for the consulate, and Kofi Asare.",
			[]string{"Yaw Darko|accused-of|killing of Kojo Mensah", "Kofi Asare|accused-of|killing of Kojo Mensah", "Ama Boateng|accused-of|killing of Kojo Mensah"},
			[]string{"Kojo Mensah|accused-of|killing of Kojo Mensah"}},
		{"the described post named at its body", "The Serious Crimes Unit named a junior officer at the Tema Port Authority as a suspect in the killing of Kojo Mensah. Ama Boateng is a pilot at the authority.",
			[]string{"Ama Boateng|accused-of|killing of Kojo Mensah", "Serious Crimes Unit|accused|Ama Boateng"}, nil},
		{"a post at another body is not the described suspect", "Police named a junior officer at the Tema Port Authority as a suspect in the killing of Kojo Mensah. Ama Boateng is a pilot at the Volta River Authority.",
			nil, []string{"Ama Boateng|accused-of|killing of Kojo Mensah"}},
		{"a post at the body with no accusation", "Police named a junior officer at the Tema Port Authority to lead the inquiry into the killing of Kojo Mensah. Ama Boateng is a pilot at the authority.",
			nil, []string{"Ama Boateng|accused-of|killing of Kojo Mensah"}},
		{"described suspects by a body that accuses", "The Serious Crimes Unit identified two men as suspects over the killing of Ama Owusu. The named suspects are Yaw Darko and Kofi Asare.",
			[]string{"Yaw Darko|accused-of|killing of Ama Owusu", "Kofi Asare|accused-of|killing of Ama Owusu", "Serious Crimes Unit|accused|Yaw Darko"}, nil},
		{"others named after an arrest are not the suspects", "Police arrested two men over the killing of Ama Owusu. The two other passengers were Yaw Darko and Kofi Asare.",
			nil, []string{"Yaw Darko|accused-of|killing of Ama Owusu", "Kofi Asare|accused-of|killing of Ama Owusu"}},
		{"a description with no crime keeps nothing", "Police named a senior officer to lead the inquiry into the killing of Ama Owusu. The two other named officers are Yaw Darko and Kofi Asare.",
			nil, []string{"Yaw Darko|accused-of|killing of Ama Owusu", "Kofi Asare|accused-of|killing of Ama Owusu"}},
		{"the naming sentence far after the description", "Police named two men as suspects over the killing of Ama Owusu. The port reopened on Monday. Ships queued for days. Traders lost money. The two named suspects are Yaw Darko and Kofi Asare.",
			nil, []string{"Yaw Darko|accused-of|killing of Ama Owusu", "Kofi Asare|accused-of|killing of Ama Owusu"}},

		// A lower-case event named by its noun phrase, the object of an accusation.
		{"accused in a scheme", "Ivan Petrov and Oleg Sokolov were accused of tax evasion in a property scheme that ran for a decade.",
			[]string{"Ivan Petrov|accused-of|property scheme", "Oleg Sokolov|accused-of|property scheme"}, nil},
		{"accused in a scheme, each subject with a relative clause", "Ivan Petrov, who ran the port, and Oleg Sokolov, who was his deputy, were accused of fraud in a property scheme.",
			[]string{"Ivan Petrov|accused-of|property scheme", "Oleg Sokolov|accused-of|property scheme"}, nil},
		{"a possessive inside the relative clause is no subject", "Ivan Petrov, who was Lena Orlova's deputy and ran her campaign, was accused of fraud in a property scheme.",
			[]string{"Ivan Petrov|accused-of|property scheme"}, []string{"Lena Orlova|accused-of|property scheme"}},
		{"convicted over a lower-case scandal", "Ivan Petrov was convicted over the motorway tenders scandal in 2009.",
			[]string{"Ivan Petrov|convicted-of|motorway tenders scandal"}, nil},
		{"a scheme after the accusation's clause", "Ivan Petrov, who was accused of fraud, praised a housing scheme.",
			nil, []string{"Ivan Petrov|accused-of|housing scheme"}},
		{"a scheme another verb governs", "Ivan Petrov was accused of fraud, resigned and joined a housing scheme.",
			nil, []string{"Ivan Petrov|accused-of|housing scheme"}},
		{"charges listed before the scheme", "Ivan Petrov was accused of fraud, bribery and tax evasion in a land scheme.",
			[]string{"Ivan Petrov|accused-of|land scheme"}, nil},
		{"the scheme refers back to the one named", "Ivan Petrov was accused of fraud in a land scheme. Oleg Sokolov was convicted over the scheme in May.",
			[]string{"Oleg Sokolov|convicted-of|land scheme"}, nil},
		{"the scheme with two named before", "Ivan Petrov was accused of fraud in a land scheme. Lena Orlova was accused of bribery in a pension scheme. Oleg Sokolov was convicted over the scheme in May.",
			nil, []string{"Oleg Sokolov|convicted-of|land scheme", "Oleg Sokolov|convicted-of|pension scheme"}},
		{"the scheme before the one named", "Oleg Sokolov was convicted over the scheme in May. Ivan Petrov was accused of fraud in a land scheme.",
			nil, []string{"Oleg Sokolov|convicted-of|land scheme"}},
		{"a head outside the closed list", "Ivan Petrov was accused of fraud in a property deal.",
			nil, []string{"Ivan Petrov|accused-of|property deal"}},
		{"a charge noun with no article", "Ivan Petrov was accused of tax fraud and conspiracy.",
			nil, []string{"Ivan Petrov|accused-of|tax fraud"}},

		// Event nominals.
		{"a killing named by its site is the victim's killing", "Police arrested Jose Reyes over the killing of Ramon Cruz, who was shot dead at the Orchid Hotel on Friday. The Orchid Hotel killing shocked Manila.",
			[]string{"Jose Reyes|accused-of|killing of Ramon Cruz", "Ramon Cruz|victim-of|killing of Ramon Cruz", "killing of Ramon Cruz|occurred-in|Orchid Hotel"},
			[]string{"Orchid Hotel killing|occurred-in|Orchid Hotel"}},
		{"the victim named inside the event before a passive killing", "Police named two suspects in the killing of Ana Lima, a judge who was stabbed to death outside her home in Recife.",
			[]string{"killing of Ana Lima|occurred-in|Recife"}, nil},
		{"a victim's description before a passive killing, the accused first", "Police charged Erik Sand with the murder of Lars Vik, the county clerk who was fatally shot in Bodo, Norway, in June.",
			[]string{"murder of Lars Vik|occurred-in|Bodo"}, []string{"murder of Lars Vik|occurred-in|Norway"}},
		{"a relative clause about someone else than the victim", "Erik Sand, who was shot in Bodo in June, spoke about the murder of Lars Vik.",
			nil, []string{"murder of Lars Vik|occurred-in|Bodo"}},
		{"two victims: a site's killing stays apart", "The killing of Ramon Cruz and the killing of Jose Reyes were linked. The Orchid Hotel killing shocked Manila.",
			nil, []string{"killing of Ramon Cruz|occurred-in|Orchid Hotel", "killing of Jose Reyes|occurred-in|Orchid Hotel"}},
		{"a town before a head is a byword, not a place", "Lockport is a quiet town. Relatives of the victims of the Lockport bombing met in Ohio.",
			nil, []string{"Lockport bombing|occurred-in|Lockport"}},

		// Travel that is only intended.
		{"bound for is an intention", "Liam Byrne was arrested as he boarded a ferry bound for Cherbourg.",
			nil, []string{"Liam Byrne|travelled-to|Cherbourg"}},
		{"planned to fly", "Liam Byrne had planned to fly to Lisbon on Monday.",
			nil, []string{"Liam Byrne|travelled-to|Lisbon"}},
		{"an intention about something else", "Liam Byrne said he had been expected to hold talks while in Lisbon.",
			[]string{"Liam Byrne|travelled-to|Lisbon"}, nil},

		// Membership: where a person comes from, not what came from a body.
		{"bribes from a firm", "Joseph Kamau, who heads the Unity Party, took bribes from the Goldbridge Group.",
			[]string{"Joseph Kamau|member-of|Unity Party"}, []string{"Joseph Kamau|member-of|Goldbridge Group"}},
		{"a plural possessor inside a body's name", "Ana Silva, a leader of the National Farmers' Union, resigned.",
			[]string{"Ana Silva|member-of|National Farmers' Union"}, nil},
		{"a body's campaign role is a post in the body", "Unity Party campaign chairman Ruth Okafor said the count was fair.",
			[]string{"Ruth Okafor|member-of|Unity Party"}, nil},
		{"a kind of body before a name", "Ana Silva denounced the port operator Marlin Freight for bribing officers.",
			nil, []string{"Ana Silva|accused|Marlin Freight"}},
		{"a closing one-sentence paragraph is text", "Court jails former minister\n\nA court in Accra on Monday jailed former minister Kofi Mensah for seven years over the Volta Dam scandal, which cost the state millions of cedis in lost revenue.\n\nMensah's former adviser, Yaw Boateng, was cleared of all charges.",
			[]string{"Yaw Boateng|advised|Kofi Mensah", "Kofi Mensah|convicted-of|Volta Dam scandal"}, nil},
		{"a body's name typed by its kind, then its post", "Ana Silva took bribes from the construction firm Danubia Build. Danubia Build's chief executive, Mihai Stan, was convicted.",
			[]string{"Mihai Stan|member-of|Danubia Build"}, nil},
		{"a body's post, then its name typed by its kind", "Danubia Build's chief executive, Mihai Stan, was convicted. Ana Silva took bribes from the construction firm Danubia Build.",
			[]string{"Mihai Stan|member-of|Danubia Build"}, nil},
		{"the body's post, named before", "Ana Silva, a leader of the Harbour Workers' Union, was shot. The union's general secretary, Rui Lopes, said she had been threatened.",
			[]string{"Rui Lopes|member-of|Harbour Workers' Union"}, nil},
		{"officials from a body", "Joseph Kamau, one of the officials from the Unity Party, spoke.",
			[]string{"Joseph Kamau|member-of|Unity Party"}, nil},

		// Trades and posts written after a name, on newswire of any decade.
		{"a trade at a body", "The harvest was poor, said Ingrid Holm, an agronomist at Uppsala University.",
			[]string{"Ingrid Holm|member-of|Uppsala University"}, nil},
		{"a trade with a body", "Pedro Alves, a hydrologist with the Water Resources Agency, warned of floods.",
			[]string{"Pedro Alves|member-of|Water Resources Agency"}, nil},
		{"a lawyer for a body", "The ruling was fair, said Tomas Berg, a lawyer for the Baltic Shipping Company.",
			[]string{"Tomas Berg|member-of|Baltic Shipping Company"}, nil},
		{"a body's attorney before the name", "Nordbank attorney Lise Dahl said the bank would appeal.",
			[]string{"Lise Dahl|member-of|Nordbank"}, nil},
		{"a customer of a body is no member", "Tomas Berg, a longtime customer at Nordbank, complained.",
			nil, []string{"Tomas Berg|member-of|Nordbank"}},
		{"a critic of a body is no member", "Tomas Berg, a critic of the Baltic Shipping Company, complained.",
			nil, []string{"Tomas Berg|member-of|Baltic Shipping Company"}},
		{"edited a newspaper", "Marta Kowalczyk edited the Gazeta Krakowska for ten years.",
			[]string{"Marta Kowalczyk|member-of|Gazeta Krakowska"}, nil},

		// Where a person is from.
		{"a place's native after the name", "The prize went to Henrik Lund, a Bergen native, on Friday.",
			[]string{"Henrik Lund|lives-in|Bergen"}, nil},
		{"a place's native before the name", "The film was directed by Odense native Henrik Lund.",
			[]string{"Henrik Lund|lives-in|Odense"}, nil},
		{"a trade from a place", "Henrik Lund, a retired schoolteacher from Aalborg, found the coins.",
			[]string{"Henrik Lund|lives-in|Aalborg"}, nil},
		{"is from a place", "Henrik Lund is from Aalborg in northern Denmark.",
			[]string{"Henrik Lund|lives-in|Aalborg"}, nil},

		// Killing verbs with the victim inside.
		{"shot the victim to death", "Police say Carlos Mejia shot Rafael Ortiz to death in 1987.",
			[]string{"Carlos Mejia|killed|Rafael Ortiz"}, nil},
		{"who stabbed the victim to death", "Carlos Mejia, who stabbed Rafael Ortiz to death, was jailed.",
			[]string{"Carlos Mejia|killed|Rafael Ortiz"}, nil},
		{"shot and wounded is no killing", "Carlos Mejia shot Rafael Ortiz in the leg.",
			nil, []string{"Carlos Mejia|killed|Rafael Ortiz"}},

		// Passive charges with no accuser named.
		{"charged with a murder, a day between", "Erik Sand, a former sheriff's deputy from Molde, was charged on Tuesday with the murder of Lars Vik, the mayor who was shot in Bodo in May.",
			[]string{"Erik Sand|accused-of|murder of Lars Vik"}, nil},
		{"charged with a murder, plain", "Erik Sand was charged with the murder of Lars Vik.",
			[]string{"Erik Sand|accused-of|murder of Lars Vik"}, nil},
		{"charged with no event", "Erik Sand was charged with fraud on Tuesday.",
			nil, []string{"Erik Sand|accused-of|fraud"}},
		{"the victim is not the accused", "Lars Vik was shot in Bodo. Erik Sand was charged with the murder of Lars Vik.",
			nil, []string{"Lars Vik|accused-of|murder of Lars Vik"}},

		// Where a person is held.
		{"arrested in a town", "Erik Sand was arrested in Kiruna, Sweden, and is being held at the county jail.",
			[]string{"Erik Sand|held-at|Kiruna"}, []string{"Erik Sand|held-at|Sweden"}},
		{"arrested in a town after a clause", "Police said Erik Sand was arrested in Kiruna on Monday.",
			[]string{"Erik Sand|held-at|Kiruna"}, []string{"Erik Sand|held-at|Sweden"}},
		{"arrested over a killing is no place", "Erik Sand was arrested over the Kiruna bombing.",
			nil, []string{"Erik Sand|held-at|Kiruna bombing"}},
		{"an arrest elsewhere in the sentence", "Erik Sand, who lives in Kiruna, was arrested on Monday.",
			nil, []string{"Erik Sand|held-at|Kiruna"}},

		// A body's post by its pronoun.
		{"its president after a member", "Nils Berg was a member of the Tromso Fishing Association. Its president, Anna Moe, said the season was poor.",
			[]string{"Anna Moe|member-of|Tromso Fishing Association"}, nil},
		{"its chairman after a body's subject", "The Nordic Salmon Company posted a loss. Its chairman, Ola Lie, resigned.",
			[]string{"Ola Lie|member-of|Nordic Salmon Company"}, nil},
		{"its with no body before", "Nils Berg sold the boat. Its captain, Anna Moe, was not aboard.",
			nil, []string{"Anna Moe|member-of|Nils Berg"}},
		{"its with two bodies before", "The Nordic Salmon Company sued the Coastal Shipping Agency. Its chairman, Ola Lie, resigned.",
			nil, []string{"Ola Lie|member-of|Nordic Salmon Company", "Ola Lie|member-of|Coastal Shipping Agency"}},
		{"its without a post", "The Nordic Salmon Company posted a loss. Its founder's son, Ola Lie, resigned.",
			nil, []string{"Ola Lie|member-of|Nordic Salmon Company"}},
		{"its with a town before", "Nils Berg lives in Tromso. Its mayor, Anna Moe, said the port would reopen.",
			nil, []string{"Anna Moe|member-of|Tromso"}},

		// Where a person is from, by trade.
		{"a deputy from a town", "Erik Sand, a sheriff's deputy from Molde, Norway, was charged.",
			[]string{"Erik Sand|lives-in|Molde"}, nil},
		{"a captain from a town, after an age", "Nils Berg, 58, a fishing boat captain from Tromso, died.",
			[]string{"Nils Berg|lives-in|Tromso"}, nil},
		{"a nurse from a town", "Anna Moe, a nurse from Bodo, was hurt.",
			[]string{"Anna Moe|lives-in|Bodo"}, nil},
		{"a delegation from a town is no home", "Anna Moe, a member of a delegation from Bodo, spoke.",
			nil, []string{"Anna Moe|lives-in|Bodo"}},
		{"a flight from a town is no home", "Anna Moe, a passenger on a flight from Bodo, was hurt.",
			nil, []string{"Anna Moe|lives-in|Bodo"}},

		// Towns, each with its state, in a list.
		{"a list of towns with one state", "Voters in Carverton, Ala., Linden, Ala., and Selma, Ala., went to the polls.",
			[]string{"Carverton|located-in|Ala.", "Linden|located-in|Ala.", "Selma|located-in|Ala."}, nil},
		{"a list of countries is no chain", "Talks in Colombia, Bolivia, Ecuador and Peru ended.",
			nil, []string{"Bolivia|located-in|Ecuador", "Ecuador|located-in|Peru"}},

		// Session 4 (H16): families from four new held-out articles.
		// A family name written first, before a hyphenated given name.
		{"a bare family name written first joins the person", "Prosecutors summoned Lim Jae-won, a former party treasurer, on Monday. Lim flew to Busan after the hearing.",
			[]string{"Lim Jae-won|travelled-to|Busan"}, nil},
		{"a given name written first stays a given name", "Anna Smith-Jones chaired the Harbour Council. Anna flew to Cork on Monday.",
			nil, []string{"Anna Smith-Jones|travelled-to|Cork"}},
		// A surname that the gazetteer also knows as a town.
		{"a surname that is also a town names the person", "The witness, Aurelio Cáceres, testified on Monday. Cáceres, who deserted the army in 1985, fled to Mexico City.",
			[]string{"Aurelio Cáceres|travelled-to|Mexico City"}, nil},
		// A firm's first word alone, which the tagger took for a person.
		{"a firm's first word names the firm", "Police searched the Ulsan shipbuilder Haeyang Heavy Industries on Monday. Haeyang's vice chairman, Lee Jun-ho, was questioned.",
			[]string{"Lee Jun-ho|member-of|Haeyang Heavy Industries"}, nil},
		{"a regime's first word stays its leader", "Officials of the Mansour regime fled. Rui Lopes, a former aide to Mansour, flew to Rome.",
			[]string{"Rui Lopes|advised|Mansour"}, nil},
		// Possessive pronouns: gender and the person they belong to.
		{"her is not a man called Mr", "Mr. Tomas Gil denied the charge. Mrs. Rosa Vidal sat in the front row with her husband, Pablo Vidal.",
			[]string{"Pablo Vidal|family-of|Rosa Vidal"}, []string{"Pablo Vidal|family-of|Tomas Gil"}},
		{"his after a person named by a preposition is the subject's", "Lee Jun-ho said he handed the money to Tomas Gil in a hotel on the orders of his father, Lee Dong-su.",
			[]string{"Lee Dong-su|family-of|Lee Jun-ho"}, []string{"Lee Dong-su|family-of|Tomas Gil"}},
		{"his right after 'to Y and' is Y's", "The minister spoke to Tomas Gil and his wife, Ana Gil.",
			[]string{"Ana Gil|family-of|Tomas Gil"}, nil},
		// Verbs: a passive killing's agent after a place, conferring, escaping.
		{"a passive killing's agent after a place", "Rui Lopes was shot dead in the market square by Tomas Gil, police said.",
			[]string{"Tomas Gil|killed|Rui Lopes"}, nil},
		{"no agent past a second clause", "Rui Lopes was shot dead in Lima, police said, and his car was towed away by the Harbour Police.",
			nil, []string{"Harbour Police|killed|Rui Lopes"}},
		{"conferred with the post of a body, then its holder", "Karl Weiss conferred with the Commissioner of the Harbour Police, Mr. Tomas Gil, on Monday.",
			[]string{"Karl Weiss|met|Tomas Gil"}, []string{"Karl Weiss|met|Harbour Police"}},
		{"the holder after a body who speaks is not met", "Karl Weiss met the head of the Harbour Police, Tomas Gil said.",
			nil, []string{"Karl Weiss|met|Tomas Gil"}},
		{"escaped across a border into a country", "Mr. Kofi Brew, an economist, escaped across the border into Togo on Monday.",
			[]string{"Kofi Brew|travelled-to|Togo"}, nil},
		// Precision: attending a body's meeting, a flight not yet boarded.
		{"a meeting of a body is no meeting with it", "Ana Ruiz flew to Geneva for a meeting of the Nordic Council.",
			[]string{"Ana Ruiz|travelled-to|Geneva"}, []string{"Ana Ruiz|met|Nordic Council"}},
		{"preparing to board a flight is no journey", "Ana Ruiz was detained on Friday night at Jorge Chavez Airport as she prepared to board a flight to Madrid.",
			[]string{"Ana Ruiz|held-at|Jorge Chavez Airport"}, []string{"Ana Ruiz|travelled-to|Madrid"}},
		// Held together with someone: custody, not a journey.
		{"held together with a relative", "Tomas Gil is being held at Fort Rosa, an old barracks, together with his brother, Pablo Gil.",
			[]string{"Pablo Gil|held-at|Fort Rosa", "Tomas Gil|held-at|Fort Rosa"}, []string{"Pablo Gil|accompanied|Tomas Gil"}},
		// "on the orders of": the orderer and the doer.
		{"on the orders of a relative", "Lee Jun-ho said he handed the money to Tomas Gil on the orders of his father, Lee Dong-su.",
			[]string{"Lee Dong-su|ordered|Lee Jun-ho"}, []string{"Lee Dong-su|ordered|Tomas Gil"}},
		{"on the orders of a named person", "Tomas Gil met Ana Ruiz, who was acting on the orders of Pablo Vera.",
			[]string{"Pablo Vera|ordered|Ana Ruiz"}, []string{"Pablo Vera|ordered|Tomas Gil"}},
		// Deeds the text names: "known as the X scandal", "his role in the X
		// campaign" after a charge, disappearances.
		{"a case named by 'known as'", "Prosecutors questioned Ana Ruiz over payments, in what has become known as the Harbor Steel kickback scandal. Ruiz is accused of accepting $2 million.",
			[]string{"Ana Ruiz|accused-of|Harbor Steel kickback scandal"}, nil},
		{"a role in a campaign after a charge", "The LockPanda group hit hospitals. Tomas Gil is charged with fraud, extortion and money laundering for his role in the LockPanda ransomware campaign.",
			[]string{"Tomas Gil|accused-of|LockPanda ransomware campaign"}, nil},
		{"a role in a campaign with no charge", "The LockPanda group hit hospitals. Tomas Gil was praised for his role in the LockPanda literacy campaign.",
			nil, []string{"Tomas Gil|accused-of|LockPanda literacy campaign"}},
		{"accused of disappearances", "Colonel Pablo Vera is accused of the Rio Blanco disappearances.",
			[]string{"Pablo Vera|accused-of|Rio Blanco disappearances"}, nil},
		// Posts with an adjective, a body's kind alone, seats, "of which".
		{"a possessor's longtime aide", "Tomas Gil's longtime aide, Ana Ruiz, was detained on Monday.",
			[]string{"Ana Ruiz|advised|Tomas Gil"}, nil},
		{"a capitalized kind refers to the one body of that kind", "The Harbour Labour Party lost seats. Party chairman Tomas Gil resigned on Monday.",
			[]string{"Tomas Gil|member-of|Harbour Labour Party"}, nil},
		{"a capitalized kind with two bodies of that kind", "The Harbour Labour Party and the Green Party lost seats. Party chairman Tomas Gil resigned on Monday.",
			nil, []string{"Tomas Gil|member-of|Harbour Labour Party", "Tomas Gil|member-of|Green Party"}},
		{"a town's headquarters of a body", "Police raided the Lima headquarters of the Harbour Labour Party on Monday.",
			[]string{"Harbour Labour Party|located-in|Lima"}, nil},
		{"police of a town raiding a body's headquarters", "Police in Lima raided the headquarters of the Harbour Labour Party on Monday.",
			nil, []string{"Harbour Labour Party|located-in|Lima"}},
		{"a firm of a town by its kind", "Gulfstar Payments, a Miami payment processor, froze the accounts.",
			[]string{"Gulfstar Payments|located-in|Miami"}, nil},
		{"a body that sits in a town", "The Andean Rights Commission, which sits in Quito, heard the case.",
			[]string{"Andean Rights Commission|located-in|Quito"}, nil},
		{"of which a person holds a post", "The officers formed a Harbour Redemption Council, of which Tomas Gil is chairman.",
			[]string{"Tomas Gil|member-of|Harbour Redemption Council"}, nil},
		{"of which a person is no post holder", "The officers formed a Harbour Redemption Council, of which Tomas Gil is critical.",
			nil, []string{"Tomas Gil|member-of|Harbour Redemption Council"}},
		{"a companion after the destination", "Mr. Kofi Brew fled into Togo with his wife, Mrs. Ama Brew.",
			[]string{"Ama Brew|accompanied|Kofi Brew", "Kofi Brew|travelled-to|Togo"}, nil},
		{"a thing after the destination is no companion", "Mr. Kofi Brew flew to Lome with a letter for Ama Brew.",
			nil, []string{"Ama Brew|accompanied|Kofi Brew"}},
		// A press release's aliases, inverted charges, defendants, a pair.
		{"an alias in quotes joins the person, and the town after it", `Luis Soto, 41, also known as "Flaco", of Tampa, Florida, was charged. Flaco fled to Cuba.`,
			[]string{"Luis Soto|lives-in|Tampa", "Luis Soto|travelled-to|Cuba"}, nil},
		{"an alias keeps the person's own name", `Luis Soto, also known as "Little Big Man", fled to Cuba. Little Big Man was arrested in Havana.`,
			[]string{"Luis Soto|held-at|Havana"}, nil},
		{"a press release's subject past age, alias and home town", `According to the indictment, Luis Soto, 34, also known as "Flaco" and "lsoto", of Tampa, Florida, led the Harbor Crew group from 2021.`,
			[]string{"Luis Soto|member-of|Harbor Crew group", "Luis Soto|lives-in|Tampa"}, nil},
		{"a home town after a verb's object is no subject's", "Prosecutors said Ana Ruiz had paid Luis Soto, 34, of Tampa, Florida, led by the Harbor Crew group.",
			nil, []string{"Luis Soto|member-of|Harbor Crew group"}},
		{"a body with its kind after the name is the body", "The LockPanda group hit hospitals. LockPanda said it had the data.",
			nil, nil},
		{"a name after 'known as' that is another person's", `Luis Soto met Ana Ruiz, known as the judge who jailed Pablo Vera, in Tampa.`,
			nil, []string{"Luis Soto|member-of|Pablo Vera"}},
		{"also charged is X", "Luis Soto is accused of the Harbor Steel kickback scheme. Also charged is Ana Ruiz, 29, a programmer.",
			[]string{"Ana Ruiz|accused-of|Harbor Steel kickback scheme"}, nil},
		{"a third defendant, X", "Luis Soto was charged over the Harbor Steel kickback scheme. A third defendant, Ana Ruiz, 41, of Tampa, was arrested.",
			[]string{"Ana Ruiz|accused-of|Harbor Steel kickback scheme"}, nil},
		{"a defendant with two cases named is neither's", "Luis Soto was charged over the Harbor Steel kickback scheme. Tomas Gil was convicted over the Gulf Port fraud. A third defendant, Ana Ruiz, was arrested.",
			nil, []string{"Ana Ruiz|accused-of|Harbor Steel kickback scheme", "Ana Ruiz|accused-of|Gulf Port fraud"}},
		{"the two men met", "Police say Luis Soto recruited Pablo Vera in 2021 and that the two men met in Istanbul.",
			[]string{"Luis Soto|met|Pablo Vera"}, nil},
		{"the two men with three people named", "Luis Soto said Pablo Vera and Tomas Gil were arrested after the two men met in Istanbul.",
			nil, []string{"Luis Soto|met|Pablo Vera", "Luis Soto|met|Tomas Gil"}},
		// Victims of a deed named by a lower-case head.
		{"a victim of a named deed", "The commission found that Ana Ruiz was a victim of the Rio Blanco disappearances.",
			[]string{"Ana Ruiz|victim-of|Rio Blanco disappearances"}, nil},
		{"a speaker about the victims is none", "Colonel Pablo Vera was accused of the Rio Blanco disappearances. Ana Ruiz said the victims of the Rio Blanco disappearances deserve justice.",
			[]string{"Pablo Vera|accused-of|Rio Blanco disappearances"}, []string{"Ana Ruiz|victim-of|Rio Blanco disappearances"}},
		{"a post of a common noun's body", "Col. Pablo Vera, then commander of the army's Harbour Brigade, ordered the raid.",
			[]string{"Pablo Vera|member-of|Harbour Brigade"}, nil},
		{"a common noun's possessive after no preposition", "Col. Pablo Vera, who praised the army's Harbour Brigade, ordered the raid.",
			nil, []string{"Pablo Vera|member-of|Harbour Brigade"}},
		{"the town after a preposition stays a town", "Aurelio Cáceres testified on Monday. Luis Soto was arrested in Cáceres last year.",
			[]string{"Luis Soto|held-at|Cáceres"}, nil},
		// Session 4, H20: a place before a kind of body qualifies the body,
		// and a firm's first word the tagger took for a place.
		{"of the Town firm Y is the firm's, not the town's", "Ana Ruiz of the Boston firm Carter & Lyle said the claim was weak.",
			[]string{"Ana Ruiz|member-of|Carter & Lyle", "Carter & Lyle|located-in|Boston"}, []string{"Ana Ruiz|lives-in|Boston"}},
		{"of the Town law office is no home", "Ana Ruiz of the Boston law office said the claim was weak.",
			nil, []string{"Ana Ruiz|lives-in|Boston"}},
		{"of Town followed by a verb is a home", "Ana Ruiz of Boston said the claim was weak.",
			[]string{"Ana Ruiz|lives-in|Boston"}, nil},
		{"a firm's first word the tagger took for a place", "Residents sued Valmora Chemical Corp. on Monday. Valmora's president, Luis Soto, denied the claim.",
			[]string{"Luis Soto|member-of|Valmora Chemical Corp."}, nil},
		{"a place named after 'in' stays a place", "Residents sued Valmora Chemical Corp. on Monday. Luis Soto was born in Valmora and denied the claim.",
			nil, []string{"Luis Soto|member-of|Valmora Chemical Corp."}},
		// Session 4, H20: a verb's real subject past a relative clause.
		{"the object of a relative clause is not the main verb's subject", "Witnesses said the gunman who shot Ana Ruiz fled to Colombia.",
			nil, []string{"Ana Ruiz|travelled-to|Colombia"}},
		{"a relative clause's object with a named head", "Luis Soto, who hired Ana Ruiz last year, flew to Lisbon.",
			[]string{"Luis Soto|travelled-to|Lisbon"}, []string{"Ana Ruiz|travelled-to|Lisbon"}},
		{"a name inside a whose clause is not the subject", "Tomas Gil, whose father Pablo Gil founded Delta Freight, was arrested in Lyon.",
			[]string{"Tomas Gil|held-at|Lyon"}, []string{"Pablo Gil|held-at|Lyon"}},
		{"a speech verb's clause keeps its subject", "Luis Soto, who said Ana Ruiz had fled, was arrested in Lyon. Tomas Gil said that Ana Ruiz flew to Lisbon.",
			[]string{"Ana Ruiz|travelled-to|Lisbon", "Luis Soto|held-at|Lyon"}, nil},
		// Negation and wrongful accusation deny the verb.
		{"never flew", "Luis Soto never flew to Lisbon.", []string{"Luis Soto|travelled-to|Lisbon|denied"}, []string{"Luis Soto|travelled-to|Lisbon|stated"}},
		{"has never met", "Luis Soto has never met Ana Ruiz.", nil, []string{"Luis Soto|met|Ana Ruiz|stated"}},
		{"was not charged with", "Ana Ruiz was not charged with the Harbor Steel fraud.", nil, []string{"Ana Ruiz|accused-of|Harbor Steel fraud|stated"}},
		{"not among those charged", "Luis Soto was not among those charged over the Harbor Steel fraud.", nil, []string{"Luis Soto|accused-of|Harbor Steel fraud|stated"}},
		{"neither nor", "Neither Luis Soto nor Ana Ruiz was accused of the Harbor Steel fraud.", nil,
			[]string{"Luis Soto|accused-of|Harbor Steel fraud|stated", "Ana Ruiz|accused-of|Harbor Steel fraud|stated"}},
		{"falsely accused", "Luis Soto was falsely accused of the Harbor Steel fraud, the court found.", nil, []string{"Luis Soto|accused-of|Harbor Steel fraud|stated"}},
		{"a negated relative clause keeps the main verb", "Luis Soto, who has never visited Cuba, flew to Lima.",
			[]string{"Luis Soto|travelled-to|Lima|stated"}, []string{"Luis Soto|travelled-to|Cuba|stated"}},
		{"not before a name denies the name", "Luis Soto, not Ana Ruiz, flew to Lisbon.",
			[]string{"Luis Soto|travelled-to|Lisbon"}, []string{"Ana Ruiz|travelled-to|Lisbon"}},
		{"not only", "Luis Soto not only flew to Lisbon but also met Ana Ruiz there.",
			[]string{"Luis Soto|travelled-to|Lisbon"}, nil},
		// A verb's own "of" and a speaker's passive victim.
		{"acquitted X of Y is no membership", "The judge acquitted Luis Soto of the Harbor Steel fraud.",
			nil, []string{"Luis Soto|member-of|Harbor Steel"}},
		{"a speaker's victim is not accused", "Ana Ruiz said Luis Soto had been killed by rebels.",
			nil, []string{"Ana Ruiz|accused|Luis Soto"}},
		{"a speaker's culprit is accused", "Ana Ruiz said Luis Soto ordered the Harbor Steel fraud.",
			[]string{"Ana Ruiz|accused|Luis Soto"}, nil},
		// A place's region after a comma is where the place lies, not the person's.
		{"born in Town, State is the town", "In 1879, the humorist Luis Soto was born in Oologah, Okla.",
			[]string{"Luis Soto|lives-in|Oologah", "Oologah|located-in|Okla."}, []string{"Luis Soto|lives-in|Okla."}},
		{"a native of City, Country is the city", "Ana Ruiz, a native of Shanghai, China, built the device.",
			[]string{"Ana Ruiz|lives-in|Shanghai"}, []string{"Ana Ruiz|lives-in|China"}},
		{"a list of two countries is both", "Luis Soto flew to France and Germany last week.",
			[]string{"Luis Soto|travelled-to|France", "Luis Soto|travelled-to|Germany"}, nil},
		// Cheap recall: a kin noun's modifier, a body's seat in its apposition.
		{"his younger brother, X", "Tomas Gil was detained on Wednesday, while his younger brother, Pablo Gil, was arrested in Gdansk.",
			[]string{"Pablo Gil|family-of|Tomas Gil", "Pablo Gil|held-at|Gdansk"}, nil},
		{"a body's seat in its apposition", "Europol, the European Union's police agency in The Hague, coordinated the raids.",
			[]string{"Europol|located-in|The Hague"}, nil},
		{"an apposition's 'in' that is no seat", "Interpol, the police agency in charge of the case, said nothing. Delta Freight, a shipping firm in Lyon that went bankrupt, closed.",
			nil, []string{"Delta Freight|located-in|Lyon"}},
		// A condition and a denied complement.
		{"a condition is no fact", `"If Luis Soto flew to Lisbon, we would know," said Ana Ruiz.`,
			nil, []string{"Luis Soto|travelled-to|Lisbon|stated"}},
		{"denied that X had fled", "Ana Ruiz denied that her husband, Luis Soto, had fled to Brazil.",
			[]string{"Luis Soto|family-of|Ana Ruiz"}, []string{"Luis Soto|travelled-to|Brazil|stated"}},
		{"a denial in another clause leaves the fact", "Luis Soto flew to Lisbon on Monday, but Ana Ruiz denied any wrongdoing.",
			[]string{"Luis Soto|travelled-to|Lisbon|stated"}, nil},
		// Who a pronoun can be: the teller of "X told Y that he ...".
		{"X told Y that he travelled", "Luis Soto told Ana Ruiz that he had travelled to Cuba.",
			[]string{"Luis Soto|travelled-to|Cuba"}, []string{"Ana Ruiz|travelled-to|Cuba"}},
		{"X told Y that she travelled, X a man", "Mr. Luis Soto told Ana Ruiz that she had travelled to Cuba.",
			[]string{"Ana Ruiz|travelled-to|Cuba"}, []string{"Luis Soto|travelled-to|Cuba"}},
		// A counterfactual and a hindered journey.
		{"would have met", "Luis Soto would have met Ana Ruiz in Madrid had the talks not collapsed.",
			nil, []string{"Luis Soto|met|Ana Ruiz|stated"}},
		{"barred from travelling", "Luis Soto has been barred from travelling to Spain.",
			nil, []string{"Luis Soto|travelled-to|Spain"}},
		{"a plain journey stays stated", "Luis Soto flew to Spain on Monday.",
			[]string{"Luis Soto|travelled-to|Spain|stated"}, nil},
		// A body in a person's "of" phrase is not the verb's subject.
		{"X of the Town firm Y accused Z", "The lawyer, Ana Ruiz of the Boston firm Carter & Lyle, accused Luis Soto of ordering workers to bury the drums.",
			[]string{"Ana Ruiz|accused|Luis Soto"}, []string{"Carter & Lyle|accused|Luis Soto"}},
		// Session 4 (H24): gender from an unambiguous given name when no
		// honorific gives it; an unknown or shared given name says nothing.
		{"he is not a woman by her given name", "The minister met Ana Ruiz. He then flew to Rome.",
			nil, []string{"Ana Ruiz|travelled-to|Rome"}},
		{"Mrs is not the husband", "Tomas Vrba and his wife, Jana Vrba, ran the bakery. Mrs Vrba flew to Prague on Monday.",
			[]string{"Jana Vrba|travelled-to|Prague"}, []string{"Tomas Vrba|travelled-to|Prague"}},
		{"Mr is not the wife", "Jana Vrba and her husband, Tomas Vrba, ran the bakery. Mr Vrba flew to Prague on Monday.",
			[]string{"Tomas Vrba|travelled-to|Prague"}, []string{"Jana Vrba|travelled-to|Prague"}},
		{"she skips a Ukrainian man", "Olena Kovalenko met Volodymyr Hrytsenko in Kyiv. She later flew to Warsaw.",
			[]string{"Olena Kovalenko|travelled-to|Warsaw"}, []string{"Volodymyr Hrytsenko|travelled-to|Warsaw"}},
		{"he skips a Turkish woman", "The police questioned Zeynep Kaya on Monday. He then flew to Berlin.",
			nil, []string{"Zeynep Kaya|travelled-to|Berlin"}},
		{"her husband is a Ghanaian woman's", "Kwame Mensah met Ngozi Okafor and her husband, Emeka Okafor, in Accra.",
			[]string{"Emeka Okafor|family-of|Ngozi Okafor"}, []string{"Emeka Okafor|family-of|Kwame Mensah"}},
		{"an honorific outranks the given name", "Mr Maria Lopes, a priest, met the bishop. He then flew to Lisbon.",
			[]string{"Maria Lopes|travelled-to|Lisbon"}, nil},
		{"a given name borne by both constrains nothing", "The police questioned Andrea Rossi on Monday. He then flew to Rome.",
			[]string{"Andrea Rossi|travelled-to|Rome"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkTriples(t, tc.text, tc.want, tc.not)
		})
	}
}

// TestTopicAlias checks that a headline's topic label with a leading
// country ("Kenya Goldbridge scandal") is also known by the name the story
// uses, so that a question naming "the Goldbridge scandal" finds it.
func TestTopicAlias(t *testing.T) {
	b := extractText(t, "Kenya Goldbridge scandal: minister jailed\n\nJoseph Kamau was convicted of paying bribes to Goldbridge officials.")
	for _, e := range b.Entities {
		if e.Type != "event" {
			continue
		}
		for _, a := range e.Aliases {
			if a == "Goldbridge scandal" {
				return
			}
		}
		t.Errorf("event %q aliases %q: no \"Goldbridge scandal\"", e.Name, e.Aliases)
		return
	}
	t.Errorf("no event in %v", b.Entities)
}

// TestContextTyping checks that the words around a name type it when the
// tagger would not: a town before a comma and its state or country, and a
// person killed, born or widowed. Each sentence was written for the test.
func TestContextTyping(t *testing.T) {
	tests := []struct {
		name, text string
		want       map[string]graph.Type
	}{
		{"towns before a state abbreviation", "Quarry workers from Selbyville, Del., and Tunkhannock, Pa., joined the strike.",
			map[string]graph.Type{"Selbyville": graph.Place, "Tunkhannock": graph.Place}},
		{"a town before a country's possessive and a place noun", "Karvanik, Armenia's second-largest city, was rebuilt after the quake.",
			map[string]graph.Type{"Karvanik": graph.Place}},
		{"a person before a country's possessive and a title", "Hosokawa, Japan's prime minister, arrived on Monday.",
			map[string]graph.Type{"Hosokawa": graph.Person}},
		{"the subject of a passive killing verb", "Okafor was fatally stabbed outside a bar in Enugu.",
			map[string]graph.Type{"Okafor": graph.Person}},
		{"the object of a killing verb", "Police say Brannigan shot Castellane as he left the club.",
			map[string]graph.Type{"Castellane": graph.Person}},
		{"the victim of a slaying", "The slaying of Castellane shocked the port.",
			map[string]graph.Type{"Castellane": graph.Person}},
		{"the possessor of a kin noun", "Castellane's widow spoke to reporters in the port.",
			map[string]graph.Type{"Castellane": graph.Person}},
		{"an age after the name", "Two crewmen were missing. Carrick, 34, was found on the beach on Friday.",
			map[string]graph.Type{"Carrick": graph.Person}},
		{"an age before the name", "The crew of the ferry included 23-year-old Carrick, the cook.",
			map[string]graph.Type{"Carrick": graph.Person}},
		{"a kin noun before the name", "The senator flew home with his wife, Verbena, on Sunday.",
			map[string]graph.Type{"Verbena": graph.Person}},
		{"who after a sentence's subject", "Carrick, who has sailed for forty years, retired in June.",
			map[string]graph.Type{"Carrick": graph.Person}},
		{"who after a body is the clause on the head", "Ada Eze, the head of Kanuri Cement, who signed the deal, resigned.",
			map[string]graph.Type{"Kanuri Cement": graph.Organization}},
		{"a place after a preposition of nearness", "The ferry sank off Skerrvik in the night.",
			map[string]graph.Type{"Skerrvik": graph.Place}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := map[string]graph.Type{}
			for _, e := range extractText(t, tc.text).Entities {
				got[e.Name] = e.Type
			}
			for name, typ := range tc.want {
				if got[name] != typ {
					t.Errorf("%s typed %q, want %q (all: %v)", name, got[name], typ, got)
				}
			}
		})
	}
}

// TestDefiniteDescriptions checks that a definite description ("the
// company", "the ministry", "the former premier") stands for the one body
// or person of the article it fits, so that relations stated through it
// are read, and for nobody when it fits none or several equally. Session 4
// (H21); each sentence was written for the test.
func TestDefiniteDescriptions(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "Subject|predicate|Object" or with "|status"
		not        []string
	}{
		{"the company, which is based in", "Residents sued Valmora Chemical Corp. on Monday. The company, which is based in Tulsa, denied the claim.",
			[]string{"Valmora Chemical Corp.|located-in|Tulsa"}, nil},
		{"the firm for a company", "Police raided Kestrel Holdings on Monday. Luis Soto, a director of the firm, was arrested in Lyon.",
			[]string{"Luis Soto|member-of|Kestrel Holdings"}, nil},
		{"the company's founder", "Residents sued Valmora Chemical Corp. on Monday. The company's founder, Luis Soto, denied the claim.",
			[]string{"Luis Soto|member-of|Valmora Chemical Corp."}, nil},
		{"the group for a group", "Amnesty International, a human rights group, criticised the trial. Ana Ruiz, a researcher with the group, said the verdict was unfair.",
			[]string{"Ana Ruiz|member-of|Amnesty International"}, nil},
		{"the ministry", "The Ministry of Mines fined the miners. Ana Ruiz, a spokeswoman for the ministry, confirmed the fine.",
			[]string{"Ana Ruiz|member-of|Ministry of Mines"}, nil},
		{"the former premier accused", "Former Premier Luis Soto resigned in 1994. Ana Ruiz accused the former premier of taking bribes.",
			[]string{"Ana Ruiz|accused|Luis Soto"}, nil},
		{"the colonel", "Colonel Pablo Vera commanded the Harbour Brigade. Witnesses said the colonel flew to Lisbon in May.",
			[]string{"Pablo Vera|travelled-to|Lisbon"}, nil},
		{"the colonel described in an apposition", "Pablo Vera, a retired colonel, commanded the Harbour Brigade. Witnesses said the colonel flew to Lisbon in May.",
			[]string{"Pablo Vera|travelled-to|Lisbon"}, nil},
		{"the ringleader", "Police arrested Tomas Gil, the alleged ringleader, and four others. The ringleader had flown to Lisbon in May.",
			[]string{"Tomas Gil|travelled-to|Lisbon"}, nil},
		{"the minister for the one minister", "Interior Minister Luis Soto opened the port. The minister flew to Lisbon on Monday.",
			[]string{"Luis Soto|travelled-to|Lisbon"}, nil},
		{"the elder of two by age", "Choi Min-ho, 71, and his son Choi Jae-won, 44, were charged. The elder Choi flew to Tokyo on Monday.",
			[]string{"Choi Min-ho|travelled-to|Tokyo"}, []string{"Choi Jae-won|travelled-to|Tokyo"}},
		{"the younger of two by age", "Choi Min-ho, 71, and his son Choi Jae-won, 44, were charged. The younger Choi flew to Tokyo on Monday.",
			[]string{"Choi Jae-won|travelled-to|Tokyo"}, []string{"Choi Min-ho|travelled-to|Tokyo"}},
		{"the younger by kinship", "Choi Jae-won said he acted on the orders of his father, Choi Min-ho. Police said the younger Choi flew to Tokyo on Monday.",
			[]string{"Choi Jae-won|travelled-to|Tokyo"}, []string{"Choi Min-ho|travelled-to|Tokyo"}},
		{"the elder by kinship", "Choi Jae-won said he acted on the orders of his father, Choi Min-ho. Police said the elder Choi flew to Tokyo on Monday.",
			[]string{"Choi Min-ho|travelled-to|Tokyo"}, []string{"Choi Jae-won|travelled-to|Tokyo"}},
		{"of two firms, the one named last and most", "Residents sued Valmora Chemical Corp. on Monday. Their lawyer, Ana Ruiz of the Tulsa firm Hale & Webb, accused Valmora of lying. Valmora's president, Tomas Gil, denied the claim. The company, which is based in Dayton, employs 600 people.",
			[]string{"Valmora Chemical Corp.|located-in|Dayton"}, []string{"Hale & Webb|located-in|Dayton"}},
		// Must not fire.
		{"of two firms named last in one sentence, neither", "Residents sued Valmora Chemical Corp. on Monday. Kestrel Holdings and Valmora denied the claim. The company, which is based in Dayton, employs 600 people.",
			nil, []string{"Valmora Chemical Corp.|located-in|Dayton", "Kestrel Holdings|located-in|Dayton"}},
		{"of two firms, the one named last but less often, neither", "Valmora Chemical Corp. was sued on Monday. Valmora denied the claim. Kestrel Holdings said nothing. The company, which is based in Dayton, employs 600 people.",
			nil, []string{"Valmora Chemical Corp.|located-in|Dayton", "Kestrel Holdings|located-in|Dayton"}},
		{"a body never called a group is not the group", "Police seized a Delta Freight truck in Gdansk. Officers said the leader of the group, Tomas Gil, had fled.",
			nil, []string{"Tomas Gil|member-of|Delta Freight"}},
		{"a firm never called a group is not the group", "Gunmen seized a Meridian Airways jet on Friday. The leader of the group, Tomas Gil, surrendered.",
			nil, []string{"Tomas Gil|member-of|Meridian Airways"}},
		{"the elder of two without ages is nobody", "Choi Min-ho and his son Choi Jae-won were charged. The elder Choi flew to Tokyo on Monday.",
			nil, []string{"Choi Jae-won|travelled-to|Tokyo"}},
		{"no firm named", "Shares fell sharply on Monday. The company, which is based in Tulsa, denied the claim.",
			nil, []string{"Tulsa|located-in|Tulsa"}},
		{"two firms named", "Valmora Chemical Corp. sued Kestrel Holdings on Monday. Luis Soto, a director of the firm, was arrested in Lyon.",
			nil, []string{"Luis Soto|member-of|Kestrel Holdings", "Luis Soto|member-of|Valmora Chemical Corp."}},
		{"a company is not the company", "Residents sued Valmora Chemical Corp. on Monday. Luis Soto, a director of a company, was arrested in Lyon.",
			nil, []string{"Luis Soto|member-of|Valmora Chemical Corp."}},
		{"two ministers named", "Interior Minister Luis Soto met Foreign Minister Ana Ruiz in Lima. Witnesses said the minister flew to Lisbon on Monday.",
			nil, []string{"Luis Soto|travelled-to|Lisbon", "Ana Ruiz|travelled-to|Lisbon"}},
		{"a critic of the colonel is no colonel", "Pablo Vera, a critic of the colonel, spoke. Witnesses said the colonel flew to Lisbon in May.",
			nil, []string{"Pablo Vera|travelled-to|Lisbon"}},
		{"the colonel in a quote", `Pablo Vera, a retired colonel, commanded the brigade. "We know the colonel flew to Lisbon in May," said Ana Ruiz.`,
			nil, []string{"Pablo Vera|travelled-to|Lisbon"}},
		{"the court with no court named is not a firm", "Luis Soto ran Delta Freight Ltd until 2010. Soto told the court that he had met Ana Ruiz.",
			nil, []string{"Delta Freight Ltd|met|Luis Soto"}},
		{"told hearers the firm had", "Ana Ruiz, an engineer with Delta Freight Ltd, told reporters the firm had done nothing wrong.",
			[]string{"Ana Ruiz|member-of|Delta Freight Ltd"}, []string{"Ana Ruiz|met|Delta Freight Ltd"}},
		{"the firm in a quote", `Police raided Kestrel Holdings on Monday. "Luis Soto, a director of the firm, fled to Lyon," said Ana Ruiz.`,
			nil, []string{"Luis Soto|member-of|Kestrel Holdings"}},
		{"a state body is no group", "The Ministry of Mines fined the miners. Ana Ruiz, a researcher with the group, said the fine was fair.",
			nil, []string{"Ana Ruiz|member-of|Ministry of Mines"}},
		{"a person for the company is not a firm", "Luis Soto sued the hospital. The company, which is based in Tulsa, denied the claim.",
			nil, []string{"Luis Soto|located-in|Tulsa"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkTriples(t, tc.text, tc.want, tc.not)
		})
	}
}

// TestRelativesAndUnboundReferences checks that two people sharing a family
// name stay two, that a bare family name refers to nobody when either could
// be meant, that an accusation takes a description bound to one person,
// and that "the minister" refers to nobody when two ministers are named or
// when a speaker says it inside a quote. Session 4 (H23); each sentence was
// written for the test.
func TestRelativesAndUnboundReferences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "Subject|predicate|Object" or with "|status"
		not        []string
	}{
		// Relatives with close given names stay apart.
		{"a brother with a close given name is another person", "Farid Mansour led the group. Mansour's brother, Karim Mansour, is serving a life sentence.",
			[]string{"Karim Mansour|family-of|Farid Mansour"}, nil},
		{"a sister with a close given name", "Dana Kovac ran the clinic. Her sister, Jana Kovac, was arrested in Split.",
			[]string{"Jana Kovac|family-of|Dana Kovac", "Jana Kovac|held-at|Split"}, []string{"Dana Kovac|held-at|Split"}},
		{"the bare surname after a relative named later is the principal", "Farid Mansour led the group. Mansour's brother, Karim Mansour, is serving a life sentence. Mansour was arrested in Nicosia.",
			[]string{"Farid Mansour|held-at|Nicosia"}, []string{"Karim Mansour|held-at|Nicosia"}},
		{"a misspelt given name is still one person", "Moammar Haddad flew to Rome. Muammar Haddad met Luis Soto there.",
			[]string{"Moammar Haddad|met|Luis Soto"}, nil},
		{"a bare surname after two of the name in one sentence is nobody", "Tomas Vrba and Milan Vrba ran the firm. Vrba flew to Vienna.",
			nil, []string{"Tomas Vrba|travelled-to|Vienna", "Milan Vrba|travelled-to|Vienna"}},
		{"a bare surname after the one named last alone is that one", "Tomas Vrba met Milan Vrba in Brno. Tomas Vrba later flew to Vienna. Vrba said he was innocent.",
			[]string{"Tomas Vrba|travelled-to|Vienna", "Tomas Vrba|met|Milan Vrba"}, nil},
		{"a bare surname right after one of two named apart", "Tomas Vrba met Milan Vrba in Brno. Vrba flew to Vienna.",
			nil, []string{"Tomas Vrba|travelled-to|Vienna", "Milan Vrba|travelled-to|Vienna"}},

		// Accusations through a description bound to one person.
		{"accused the minister of a deed", "Interior Minister Luis Soto opened the port. Ana Ruiz accused the minister of lying.",
			[]string{"Ana Ruiz|accused|Luis Soto"}, nil},
		{"accused the colonel of a deed", "Colonel Pablo Vera commanded the Harbour Brigade. Ana Ruiz accused the colonel of taking bribes.",
			[]string{"Ana Ruiz|accused|Pablo Vera"}, nil},
		{"accused the minister of two ministers is nobody", "Interior Minister Luis Soto met Foreign Minister Tomas Gil in Lima. Ana Ruiz accused the minister of lying.",
			nil, []string{"Ana Ruiz|accused|Luis Soto", "Ana Ruiz|accused|Tomas Gil"}},
		{"the minister of a country is a longer post", "Interior Minister Luis Soto opened the port. Ana Ruiz accused the minister of Ghana of lying.",
			nil, []string{"Ana Ruiz|accused|Luis Soto"}},
		{"met the minister of mines is no accusation", "Interior Minister Luis Soto opened the port. Ana Ruiz met the minister of mines.",
			nil, []string{"Ana Ruiz|accused|Luis Soto", "Ana Ruiz|met|Luis Soto"}},

		// "The minister" at a sentence's start, and inside quotes.
		{"the one minister flew", "Interior Minister Luis Soto opened the port. The minister flew to Lisbon on Monday.",
			[]string{"Luis Soto|travelled-to|Lisbon"}, nil},
		{"the minister of two ministers flew: nobody", "Interior Minister Luis Soto met Foreign Minister Ana Ruiz in Lima. The minister flew to Lisbon on Monday.",
			nil, []string{"Luis Soto|travelled-to|Lisbon", "Ana Ruiz|travelled-to|Lisbon"}},
		{"the titled minister inside a quote", `Interior Minister Luis Soto opened the port. "The interior minister flew to Lisbon," said Ana Ruiz.`,
			nil, []string{"Luis Soto|travelled-to|Lisbon"}},
		{"the titled minister outside a quote", `Interior Minister Luis Soto opened the port. Ana Ruiz said the interior minister flew to Lisbon.`,
			[]string{"Luis Soto|travelled-to|Lisbon"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkTriples(t, tc.text, tc.want, tc.not)
		})
	}
}
