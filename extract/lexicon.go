package extract

import (
	"strings"

	"github.com/kgraph/kg/graph"
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// honorifics mark the next name as a person's and are kept in alias forms
// ("Mr Koussa", "Colonel Gaddafi").
var honorifics = setOf("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "col", "colonel",
	"gen", "general", "lt", "lieutenant", "capt", "captain", "maj", "major", "sgt", "sergeant", "adm", "admiral",
	"judge", "justice", "president", "pres", "senator", "sen", "rep", "gov", "governor", "king", "queen",
	"prince", "princess", "sheikh", "sheik", "emir", "imam", "ayatollah", "pope", "rev", "father", "brother",
	"pc", "dc", "di", "dci", "insp", "inspector", "supt", "superintendent", "det", "detective", "chancellor",
	"ambassador", "prof", "professor", "mayor", "commander", "marshal", "field", "brig", "brigadier", "premier",
	"minister", "secretary", "officer", "constable", "chief", "deputy", "vice", "prime", "foreign", "interior",
	"defence", "defense", "oil", "finance", "justice", "home", "health", "trade", "energy", "economy",
	"information", "education", "transport", "former", "acting", "senior", "first", "second", "third",
	"attorney", "solicitor", "counsel", "special", "envoy", "spokesman", "spokeswoman", "speaker", "leader",
	"chairman", "chairwoman", "director", "head", "commissioner", "state", "assistant", "under", "treasury",
	"democrat", "republican", "tory", "labour", "conservative", "liberal",
	"herr", "frau", "signor", "signora", "senor", "señor", "senora", "señora", "senhor", "senhora", "mme", "mlle",
	"madame", "monsieur", "mullah", "maulana", "monsignor", "rabbi")

// courtesyTitles are other languages' "Mr" and "Mrs": part of an alias
// ("Herr Brandt"), no post.
var courtesyTitles = setOf("herr", "frau", "signor", "signora", "senor", "señor", "senora", "señora", "senhor",
	"senhora", "mme", "mlle", "madame", "monsieur")

// coreTitles end a title prefix: "Deputy Foreign Minister", "Colonel".
var coreTitles = setOf("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "col", "colonel", "gen",
	"general", "lt", "lieutenant", "capt", "captain", "maj", "major", "sgt", "sergeant", "adm", "admiral", "judge",
	"justice", "president", "pres", "senator", "sen", "rep", "gov", "governor", "king", "queen", "prince",
	"princess", "sheikh", "sheik", "emir", "imam", "ayatollah", "pope", "rev", "pc", "dc", "di", "dci", "insp",
	"inspector", "supt", "superintendent", "det", "detective", "chancellor", "ambassador", "prof", "professor",
	"mayor", "commander", "marshal", "brigadier", "brig", "premier", "minister", "secretary", "officer",
	"constable", "envoy", "spokesman", "spokeswoman", "speaker", "chairman", "chairwoman", "director",
	"commissioner", "counsel", "attorney", "solicitor", "chief", "democrat", "republican", "tory",
	"herr", "frau", "signor", "signora", "senor", "señor", "senora", "señora", "senhor", "senhora", "mme", "mlle",
	"madame", "monsieur", "mullah", "maulana", "monsignor", "rabbi")

// aliasHonorifics are the titles kept in an alias form ("Mr Koussa").
var aliasHonorifics = setOf("mr", "mrs", "ms", "miss", "dr", "sir", "col", "colonel", "gen", "general", "judge",
	"president", "pc", "king", "queen", "prince", "sheikh", "lord", "lady", "dame",
	"herr", "frau", "signor", "signora", "senor", "señor", "senora", "señora", "senhor", "senhora", "mme", "mlle",
	"madame", "monsieur", "mullah", "maulana", "monsignor", "rabbi")

// roleNouns name posts a person holds; before a name they type it as a
// person ("spy chief Abdullah Senussi"), in an apposition they relate it.
var roleNouns = setOf("minister", "secretary", "chief", "head", "spokesman", "spokeswoman", "spokesperson",
	"ambassador", "president", "chairman", "chairwoman", "chair", "director", "leader", "founder", "co-founder",
	"commander", "officer", "official", "member", "representative", "envoy", "diplomat", "prosecutor", "judge",
	"general", "colonel", "manager", "executive", "ceo", "editor", "correspondent", "reporter", "analyst",
	"lawyer", "attorney", "counsel", "adviser", "advisor", "aide", "deputy", "assistant", "henchman",
	"politician", "dictator", "ruler", "governor", "mayor", "senator", "lawmaker", "mp", "agent", "spy",
	"stalwart", "loyalist", "employee", "staffer", "worker", "partner", "owner", "boss", "tycoon",
	"businessman", "businesswoman", "king", "queen", "prince", "emir", "sheikh", "premier", "chancellor",
	"strongman", "leaker", "whistleblower", "activist", "campaigner", "journalist", "soldier", "captain",
	"lieutenant", "sergeant", "inspector", "detective", "professor", "economist", "banker", "figure",
	"militant", "rebel", "commissioner", "cleric", "imam", "dissident", "opponent", "critic", "supporter",
	"successor", "predecessor", "counterpart", "negotiator", "mediator", "candidate", "nominee", "speaker",
	"man", "woman", "staff", "officials", "treasurer", "attaché", "attache")

// adviserNouns make an apposition "advised".
var adviserNouns = setOf("adviser", "advisor", "aide", "henchman", "deputy", "assistant", "confidant",
	"right-hand", "lieutenant", "counsellor", "counselor", "consigliere")

// kinNouns make an apposition "family-of".
var kinNouns = setOf("son", "daughter", "wife", "husband", "brother", "sister", "father", "mother",
	"brother-in-law", "sister-in-law", "son-in-law", "daughter-in-law", "father-in-law", "mother-in-law",
	"half-brother", "half-sister", "stepson", "stepdaughter", "stepfather", "stepmother", "cousin", "uncle",
	"aunt", "nephew", "niece", "grandson", "granddaughter", "grandfather", "grandmother", "widow", "widower",
	"fiancee", "fiancée", "fiance", "sibling", "relative", "in-law", "twin", "sons", "daughters", "brothers")

// memberNouns make an apposition "member-of" an organization.
var memberNouns = setOf("minister", "secretary", "chief", "head", "spokesman", "spokeswoman", "spokesperson",
	"ambassador", "president", "chairman", "chairwoman", "chair", "director", "leader", "founder", "co-founder",
	"commander", "officer", "official", "member", "representative", "envoy", "diplomat", "prosecutor", "judge",
	"manager", "executive", "ceo", "editor", "correspondent", "reporter", "analyst", "agent", "stalwart",
	"loyalist", "employee", "staffer", "worker", "boss", "governor", "general", "colonel", "lawmaker", "mp",
	"staff", "partner", "owner", "figure", "deputy", "commissioner", "negotiator", "adviser", "advisor", "aide",
	"attorney", "lawyer", "counsel", "publisher", "anchor", "anchorman", "economist", "professor", "researcher",
	"scientist", "engineer", "treasurer", "attaché", "attache")

// occupationAt reports whether w, a lower-case noun not among the role
// nouns, names a trade whose holder works for the body named after "at",
// "with" or "for": "an ecologist at Cornell University", "a plant
// physiologist with the USDA", "a technician for the company". Agent
// suffixes stand for the open class of trades; "of" is left out, since "a
// critic of" or "a supporter of" a body is no post in it.
func occupationAt(w string) bool {
	if len(w) < 5 || strings.ContainsAny(w, "'’.-0123456789") {
		return false
	}
	if occupationNouns[w] {
		return true
	}
	if occupationExceptions[w] {
		return false
	}
	for _, suf := range []string{"ist", "ologer", "ician", "eer", "ant", "grapher", "er", "or"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// occupationNouns are trades without an agent suffix.
var occupationNouns = setOf("nurse", "clerk", "scholar", "fellow", "pilot", "guard", "chemist", "surgeon",
	"physician", "technician", "consultant")

// occupationExceptions end like trades but name no post: the relation of a
// customer, rival or visitor to a body is no membership.
var occupationExceptions = setOf("customer", "visitor", "supporter", "opponent", "rival", "competitor",
	"player", "donor", "investor", "shareholder", "holder", "buyer", "seller", "lender", "borrower", "tenant",
	"passenger", "prisoner", "detainee", "partner", "sponsor", "bidder", "founder", "defector", "other",
	"together", "another", "either", "neither", "whether", "after", "under", "over", "later", "former",
	"longer", "minor", "major", "senior", "junior", "prior", "interior", "exterior", "superior", "inferior",
	"error", "order", "border", "center", "water", "letter", "matter", "number", "member", "never",
	"manner", "quarter", "chapter", "summer", "winter", "corner", "power", "paper", "poster", "factor",
	"sector", "motor", "floor", "door", "honor", "favor", "labor", "harbor", "neighbor", "tumor", "rumor",
	"terror", "mirror", "horror", "behavior", "elevator", "vendor", "distributor", "subcontractor",
	"contractor", "creditor", "debtor", "ambassador", "plant", "giant", "grant", "restaurant")

// orgHeads end an organization's name ("General People's Congress").
var orgHeads = setOf("government", "ministry", "council", "party", "court", "foundation", "office", "congress",
	"assembly", "agency", "service", "services", "police", "army", "forces", "commission", "committee",
	"league", "union", "bank", "group", "institute", "university", "college", "school", "company", "corporation",
	"corp", "inc", "ltd", "plc", "llc", "watch", "news", "press", "times", "post", "telegraph", "journal",
	"herald", "tribune", "organization", "organisation", "association", "front", "movement", "brigade",
	"brigades", "authority", "department", "bureau", "federation", "alliance", "coalition", "parliament",
	"senate", "cabinet", "navy", "guard", "guards", "network", "tv", "television", "radio", "airline",
	"airlines", "airways", "society", "trust", "fund", "club", "board", "regime", "administration",
	"directorate", "centre", "center", "prosecutors", "brotherhood", "church", "ministries", "agencies",
	"industries", "holdings", "group's", "secretariat", "tribunal", "conference", "institution", "unit",
	"battalion", "division", "militia", "junta", "diet", "knesset", "duma", "majlis", "chamber", "exchange",
	"reserve", "mission", "delegation", "authorities", "campaign", "firm", "conglomerate", "council's",
	"regiment", "rifles", "fusiliers", "corps", "legion", "commandos", "dragoons", "hussars", "lancers")

// orgClassNouns name a kind of body; a name right after one is that body's:
// "the construction firm Danubia Build", "the port operator X".
var orgClassNouns = setOf("firm", "company", "operator", "group", "bank", "airline", "carrier", "conglomerate",
	"lender", "insurer", "broadcaster", "newspaper", "daily", "weekly", "tabloid", "party", "movement", "charity",
	"consultancy", "contractor", "developer", "manufacturer", "maker", "producer", "retailer", "supplier",
	"exporter", "importer", "agency", "militia", "union", "network", "outlet", "subsidiary", "giant", "insurgency",
	"organisation", "organization", "ngo", "foundation", "think-tank", "watchdog", "regulator", "utility", "club")

// placeHeads end a place's name ("Farnham Castle", "Djerba airport").
var placeHeads = setOf("counties", "provinces", "districts", "valleys", "airport", "castle", "embassy", "street", "square", "tower", "hotel", "palace", "prison",
	"hospital", "island", "islands", "river", "mountain", "mountains", "province", "county", "city", "bay",
	"gulf", "sea", "ocean", "valley", "road", "avenue", "bridge", "port", "harbour", "harbor", "station",
	"base", "camp", "stadium", "park", "desert", "lake", "peninsula", "region", "district", "state", "coast",
	"strait", "straits", "canal", "mosque", "cathedral", "temple", "building", "house", "hall", "centre",
	"consulate", "compound", "village", "town", "oasis", "field", "fields", "heights", "hill", "hills",
	"quarter", "plaza", "boulevard", "lane", "airbase", "crossing", "refinery", "terminal", "oilfield", "mine")

// eventHeads end an event's name ("Lockerbie bombing", "Mueller probe").
var eventHeads = setOf("bombing", "bombings", "killing", "killings", "murder", "murders", "assassination",
	"massacre", "attack", "attacks", "conflict", "war", "uprising", "revolution", "scandal", "probe", "inquiry",
	"investigation", "crisis", "election", "elections", "referendum", "trial", "summit", "coup", "raid",
	"shooting", "invasion", "genocide", "disaster", "crash", "explosion", "siege", "rebellion", "insurgency",
	"protests", "riots", "affair", "hijacking", "kidnapping", "poisoning", "blast", "offensive", "ceasefire",
	"agreement", "accord", "treaty", "deal", "olympics", "games", "cup", "race", "spring", "operation",
	"relays", "championships", "championship", "marathon", "regatta", "tournament", "festival", "prix",
	"paralympics", "jamboree")

// victimNouns open an event named by its victim: "the murder of X".
var victimNouns = setOf("murder", "killing", "assassination", "death", "shooting", "poisoning", "kidnapping",
	"abduction", "execution", "stabbing")

// lowerModifiers may sit between a name and a lowercase head: "Libyan rebel
// government", "Benghazi city council", "Libyan state TV".
var lowerModifiers = setOf("rebel", "state", "city", "interim", "provisional", "transitional", "military",
	"national", "federal", "opposition", "security", "intelligence", "secret", "central", "regional", "local",
	"municipal", "presidential", "foreign", "external", "internal", "royal", "armed", "special", "elite",
	"airport", "town", "border", "naval", "air", "oil", "civil", "new", "former", "defence", "defense",
	"police", "election", "campaign", "district", "supreme", "criminal", "top", "communist", "ruling",
	"governing", "revolutionary", "islamist", "trade", "observer", "diplomatic", "electoral", "spy",
	"counterintelligence", "counter-intelligence", "peacekeeping", "monitoring")

// lowerHeads are lowercase nouns that, after a capitalized name or a
// demonym, make the phrase an entity of the given type.
var lowerHeads = map[string]graph.Type{
	"government": graph.Organization, "regime": graph.Organization, "administration": graph.Organization,
	"police": graph.Organization, "authorities": graph.Organization, "army": graph.Organization,
	"forces": graph.Organization, "troops": graph.Organization, "parliament": graph.Organization,
	"council": graph.Organization, "ministry": graph.Organization, "delegation": graph.Organization,
	"party": graph.Organization, "foundation": graph.Organization, "group": graph.Organization,
	"campaign": graph.Organization, "tv": graph.Organization, "television": graph.Organization,
	"navy": graph.Organization, "junta": graph.Organization, "militia": graph.Organization,
	"cabinet": graph.Organization, "airline": graph.Organization, "agency": graph.Organization,
	"court": graph.Organization, "service": graph.Organization, "intelligence": graph.Organization,
	"mission": graph.Organization, "commission": graph.Organization, "committee": graph.Organization,
	"embassy": graph.Place, "airport": graph.Place, "castle": graph.Place,
	"hotel": graph.Place, "prison": graph.Place, "palace": graph.Place, "consulate": graph.Place,
	"compound": graph.Place, "base": graph.Place, "border": graph.Place, "region": graph.Place,
	"bombing": graph.Event, "killing": graph.Event, "murder": graph.Event, "assassination": graph.Event,
	"massacre": graph.Event, "conflict": graph.Event, "war": graph.Event, "uprising": graph.Event,
	"revolution": graph.Event, "scandal": graph.Event, "probe": graph.Event, "inquiry": graph.Event,
	"investigation": graph.Event, "crisis": graph.Event, "coup": graph.Event, "bombings": graph.Event,
	"attack": graph.Event, "attacks": graph.Event, "election": graph.Event, "trial": graph.Event,
	"summit": graph.Event, "raid": graph.Event, "shooting": graph.Event, "invasion": graph.Event,
	"rebellion": graph.Event, "crackdown": graph.Event, "disaster": graph.Event, "crash": graph.Event,
	"hijacking": graph.Event, "poisoning": graph.Event, "affair": graph.Event, "insurgency": graph.Event,
}

// demonymHeads are the lowercase heads a demonym alone may name an entity
// with ("the British government", "Malaysian police", "the Libyan conflict");
// "Libyan officials" stays a description.
var demonymHeads = setOf("government", "regime", "administration", "police", "authorities", "army", "navy",
	"parliament", "embassy", "consulate", "conflict", "war", "uprising", "revolution", "delegation", "junta",
	"cabinet", "crisis", "coup", "tv", "television", "airline", "ministry", "council", "forces", "service",
	"intelligence", "mission", "commission", "committee")

// nonNames are capitalized words that begin sentences or headlines but are
// not names.
var nonNames = setOf("the", "a", "an", "but", "and", "or", "nor", "so", "yet", "as", "in", "on", "at", "for",
	"from", "with", "by", "to", "of", "after", "before", "meanwhile", "this", "that", "these", "those", "it",
	"its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "if", "when",
	"while", "although", "though", "despite", "amid", "last", "next", "currently", "former", "educated",
	"speaking", "there", "here", "what", "who", "whom", "which", "where", "why", "how", "is", "are", "was",
	"were", "be", "been", "has", "have", "had", "do", "does", "did", "not", "no", "yes", "also", "still",
	"then", "now", "today", "yesterday", "tomorrow", "tonight", "during", "under", "over", "about", "into",
	"through", "since", "until", "between", "against", "among", "without", "within", "some", "many", "most",
	"all", "both", "each", "every", "other", "another", "such", "only", "even", "just", "more", "less",
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third",
	"fourth", "latest", "new", "veteran", "senior", "top", "defected", "may", "might", "could", "would",
	"should", "will", "can", "must", "share", "published", "copyright", "photo", "read", "click", "sign",
	"home", "contact", "advertise", "about", "skip", "download", "find", "get", "leave", "comments", "filed",
	"updated", "posted", "follow", "subscribe", "watch", "see", "said", "says", "according", "asked",
	"backing", "having", "being", "whether", "unless", "because", "instead", "however", "nevertheless",
	"indeed", "moreover", "furthermore", "finally", "earlier", "later", "once", "again", "back", "up",
	"down", "out", "off", "very", "much", "well", "either", "neither", "several", "few", "any", "none",
	"nothing", "everything", "something", "someone", "everyone", "nobody", "mrs", "ms", "mr", "dr",
	"with", "like", "unlike", "near", "outside", "inside", "around", "across", "along", "behind", "beyond",
	"towards", "toward", "upon", "via", "per", "whose", "let", "please", "thank", "thanks", "hello", "oh",
	"rumours", "rumors", "reports", "sources", "officials", "members", "people", "police",
	"unverified", "documented", "start", "end", "more", "closed", "close", "copy", "copied", "moment",
	"press", "releases", "book", "reviews", "radio", "zone", "place", "archive", "times", "wires", "min",
	"chief", "chamber", "court", "judge")

// months and weekdays are capitalized but are dates, not names.
var months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1,
	"feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11,
	"dec": 12}

var weekdays = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// connectors may join capitalized words inside one name.
var connectors = setOf("al", "el", "bin", "ibn", "bint", "abu", "da", "de", "di", "do", "dos", "das", "du",
	"del", "della", "van", "von", "der", "den", "la", "le", "y", "ul", "ad", "as", "ash", "at", "az", "&")

// legalForms end a company's name: "Ltd", "SA", "GmbH" (full stop trimmed).
var legalForms = setOf("ltd", "inc", "corp", "plc", "llc", "llp", "co", "bros", "sa", "ag", "gmbh", "nv", "bv", "spa", "ab",
	"asa", "oy", "oyj", "pty", "bhd", "tbk", "srl", "sarl", "sas", "kk", "lp", "pte", "pvt", "s.a", "n.v", "b.v", "s.p.a")

// tradeWords end a firm's name when it opens with no given name: "Tallow
// Ridge Mining", "Baltic Amber Trading".
var tradeWords = setOf("trading", "shipping", "mining", "minerals", "engineering", "petroleum", "steel", "motors",
	"electronics", "pharmaceuticals", "logistics", "construction", "insurance", "investments", "enterprises",
	"ventures", "securities", "properties", "chemicals", "textiles", "breweries", "brewery", "consulting",
	"contractors", "shipyards", "shipbuilding", "airways", "bancorp", "telecom", "telecommunications", "developers",
	"manufacturing", "exports", "imports", "freight", "haulage", "refineries", "plantations")

// openingArticles open a noun phrase, never a firm's name.
var openingArticles = setOf("the", "a", "an", "this", "that", "these", "those")

// appositionAfter may follow the head of a description set off by commas:
// "X, a Lagos shipping company based in Oslo", "X, the firm that ...".
var appositionAfter = setOf("based", "in", "of", "that", "which", "whose", "owned", "controlled", "run", "founded",
	"with", "from", "registered", "headquartered", "linked", "set", "and")

// secondParticles follow another particle inside a name: "van der", "van
// den", "de la", "de los", "von der", "dos".
var secondParticles = setOf("der", "den", "de", "la", "le", "las", "los", "les", "del", "van", "ter", "ten")

// officeHeads may follow a post's possessive inside a body's name:
// "Federal Prosecutor's Office", "Attorney General's Department".
var officeHeads = setOf("office", "department", "bureau", "chambers")

// groupHeads open the names of associations of people, and may be followed
// by "of the": "Mothers of the Plaza de Mayo", "Friends of the Earth",
// "Daughters of the American Revolution".
// Not "soldiers", "families" or "relatives": "Soldiers of the Kessel Rifles"
// and "Families of the Lockerbie victims" are people of a body or a deed.
var groupHeads = setOf("mothers", "grandmothers", "fathers", "friends", "sons", "daughters", "knights",
	"brothers", "sisters", "guardians", "defenders", "partisans", "servants", "martyrs", "brotherhood",
	"sisterhood")

// wordOrdinals open a unit's name: "Third Army Corps", "First Infantry
// Division".
var wordOrdinals = setOf("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
	"tenth", "eleventh", "twelfth")

// ofHeads may be followed by "of" inside a name ("Ministry of Defence").
var ofHeads = setOf("ministry", "department", "bank", "university", "republic", "kingdom", "council", "court",
	"office", "institute", "league", "union", "federation", "party", "museum", "church", "gulf", "bay", "isle",
	"island", "sea", "cape", "duke", "prince", "king", "queen", "lord", "mayor", "governor", "chamber",
	"school", "college", "board", "commission", "committee", "organization", "organisation", "association",
	"confederation", "assembly", "academy", "house", "province", "city", "state", "states", "emirates",
	"secretary", "minister", "director", "bureau", "agency", "army", "people's", "united", "federal",
	"democratic", "islamic", "front", "movement", "strait", "port", "tower", "palace", "prisoner",
	"court's", "guardians", "friends", "sons", "daughters", "knights", "order", "directorate",
	"society", "foundation", "corps", "inspectorate", "secretariat", "tribunal", "mothers", "grandmothers",
	"fathers", "brothers", "sisters", "veterans", "defenders", "partisans", "servants", "martyrs")

// pronouns that may stand for a person subject.
var personPronouns = setOf("he", "she", "him", "her")

// suffixes that are part of a person's name ("Donald Trump Jr.").
var nameSuffixes = setOf("jr", "jr.", "sr", "sr.", "ii", "iii", "iv")

// usStates maps the AP-style abbreviations of US states, written with their
// full stops ("AIKEN, S.C. (AP)", "Hartford, Conn."), to the state's name.
// Only the dotted form counts, so "Mass" and "Pa" stay words.
var usStates = map[string]string{"Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas",
	"Calif.": "California", "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
	"Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas",
	"Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan",
	"Minn.": "Minnesota", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska",
	"Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
	"N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
	"R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
	"Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
	"Wis.": "Wisconsin", "Wyo.": "Wyoming"}

// governingModifiers say what kind of rule a body named in lower case holds
// ("the provisional government", "the rebel council"); governingHeads are
// the bodies.
var governingModifiers = setOf("provisional", "interim", "transitional", "rebel", "caretaker", "military",
	"breakaway", "exiled", "puppet", "opposition", "unity", "revolutionary")

var governingHeads = setOf("government", "council", "leadership", "authority", "junta", "administration")

// titlePrefixes qualify a title without being one: "Deputy Foreign Minister".
var titlePrefixes = setOf("deputy", "vice", "acting", "assistant", "former", "interim")

// negotiationVerbs take as object a thing agreed between parties, which
// the article then treats as an event: "negotiated a plea deal".
var negotiationVerbs = setOf("negotiated", "negotiating", "negotiate", "negotiates", "brokered", "brokering",
	"broker", "brokers", "secured", "securing", "secure", "secures", "struck", "clinched")

// negotiationDeterminers may open a negotiated thing's phrase.
var negotiationDeterminers = setOf("a", "an", "the", "his", "her", "its", "their", "this", "that")

// negotiableHeads are the nouns that name a negotiated thing.
var negotiableHeads = setOf("release", "deal", "package", "agreement", "settlement", "ceasefire", "truce",
	"accord", "pact", "treaty", "handover", "extradition", "exchange", "compensation", "swap")

// negotiationCompounds are nouns that form one name with a negotiable head
// ("plea deal", "peace accord", "prisoner swap").
var negotiationCompounds = setOf("plea", "peace", "trade", "prisoner", "hostage", "arms", "debt", "nuclear",
	"compensation", "ceasefire", "settlement")

// phraseEnds close the "of"/"for" phrase of a negotiated thing.
var phraseEnds = setOf("and", "or", "with", "in", "on", "at", "last", "as", "after", "before", "from", "to",
	"which", "who", "that", "while", "but", "by", "this", "next", "earlier", "later", "when")

// postNouns are occupations, posts and ranks, by class: a person described
// by one holds a post in the body the description names ("A ministry
// inspector, X", "a Baltvira dispatcher, X", "X, a surgeon at Y"). They
// join roleNouns and memberNouns at start-up. Nouns for what befalls a
// person or what they do once (victim, witness, passenger, suspect,
// customer) are not posts and are kept out: kg's gold counts only a post
// held in a body as member-of.
var postNouns = setOf(
	// government and civil service
	"undersecretary", "under-secretary", "permanent-secretary", "administrator", "registrar", "auditor",
	"comptroller", "accountant-general", "ombudsman", "councillor", "councilor", "alderman",
	"selectman", "legislator", "congressman", "congresswoman", "assemblyman", "assemblywoman", "deputy-mayor",
	"consul", "vice-consul", "plenipotentiary", "emissary", "bureaucrat",
	"civil-servant", "functionary", "clerk", "inspector", "examiner", "assessor", "surveyor", "planner",
	"regulator", "superintendent", "supervisor", "coordinator",
	"postmaster", "archivist", "statistician", "census-taker", "magistrate", "prefect", "subprefect",
	"intendant", "viceroy", "regent", "vizier", "secretary-general", "undersheriff", "coroner",
	// police, security and intelligence
	"policeman", "policewoman", "constable", "patrolman", "trooper", "sheriff", "marshal", "deputy-sheriff",
	"investigator", "officer-in-charge", "warden", "jailer", "gaoler", "bodyguard", "sentry",
	"dispatcher", "operative", "interrogator", "censor", "customs-officer",
	"superintendant", "chief-inspector", "gendarme", "carabiniere", "ranger", "watchman",
	// military ranks and posts
	"corporal", "lance-corporal", "brigadier", "commodore", "admiral", "rear-admiral",
	"vice-admiral", "field-marshal", "lieutenant-colonel", "lieutenant-general", "major-general",
	"ensign", "cadet", "conscript", "infantryman", "paratrooper", "sailor", "seaman",
	"airman", "gunner", "sapper", "rifleman", "commando", "chaplain", "quartermaster", "adjutant",
	"aide-de-camp", "warrant-officer", "petty-officer", "midshipman", "skipper", "navigator", "platoon-leader",
	"commandant", "garrison-commander",
	// judiciary and law
	"chief-justice", "barrister", "solicitor", "advocate", "notary", "paralegal", "bailiff",
	"clerk-of-court", "arbitrator", "juror", "public-defender", "litigator", "jurist",
	"attorney-general", "solicitor-general", "procurator", "investigating-judge",
	// religious
	"priest", "bishop", "archbishop", "pastor", "vicar", "curate", "deacon",
	"preacher", "missionary", "monk", "nun", "abbot", "abbess", "friar", "patriarch",
	"mufti", "ayatollah", "cantor", "bishop-elect", "dean", "rector",
	"evangelist", "lama", "swami", "guru", "muezzin", "hafiz",
	// corporate and financial
	"vice-president", "vice-chairman", "cfo", "coo", "cto", "cio", "accountant",
	"bookkeeper", "cashier", "teller", "broker", "underwriter", "actuary", "auditor",
	"salesman", "saleswoman", "salesperson", "foreman", "forewoman", "supervisor",
	"superintendent", "director-general", "managing-director", "receptionist",
	"typist", "stenographer", "bookseller", "storekeeper", "shopkeeper", "proprietor", "franchisee",
	"chairperson", "trustee", "board-member", "fund-manager", "strategist", "consultant",
	"lobbyist", "publicist", "marketer", "purchaser", "buyer-in-chief", "procurer",
	// medical
	"doctor", "physician", "surgeon", "nurse", "midwife", "paramedic", "pharmacist", "dentist",
	"anaesthetist", "anesthetist", "radiologist", "pathologist", "psychiatrist", "psychologist",
	"therapist", "orderly", "medic", "matron", "registrar", "consultant", "pediatrician", "paediatrician",
	"cardiologist", "oncologist", "epidemiologist", "virologist", "toxicologist", "coroner",
	"veterinarian", "optician", "physiotherapist", "hospital-director", "health-worker",
	// education and science
	"teacher", "schoolteacher", "headmaster", "headmistress", "headteacher", "lecturer",
	"tutor", "instructor", "dean", "provost", "chancellor", "vice-chancellor", "rector",
	"chemist", "physicist", "biologist", "geologist", "technician",
	"librarian", "curator", "historian", "archaeologist", "mathematician", "astronomer",
	// press and arts
	"journalist", "sub-editor", "columnist", "commentator",
	"photographer", "cameraman", "broadcaster", "presenter", "newsreader",
	"novelist", "poet", "playwright", "actor", "actress",
	"composer", "musician", "singer", "designer", "architect", "illustrator", "cartoonist",
	// transport and trades
	"pilot", "co-pilot", "copilot", "captain", "first-officer", "flight-engineer", "steward", "stewardess",
	"purser", "driver", "chauffeur", "stationmaster", "harbourmaster", "harbormaster",
	"pilot-officer", "boatswain", "deckhand", "dockworker", "docker", "longshoreman", "stevedore",
	"courier", "mechanic", "electrician", "plumber", "carpenter", "welder", "miner",
	"foreman", "labourer", "laborer", "farmhand", "fisherman", "trawlerman", "lorry-driver", "trucker",
	"baggage-handler", "air-traffic-controller", "machinist", "storeman",
	"warehouseman", "janitor", "caretaker", "chef", "waiter", "waitress", "bartender", "cleaner",
	// sport
	"referee", "umpire", "linesman", "goalkeeper", "midfielder",
	"winger", "sprinter", "jockey", "boxer", "cyclist",
	"footballer", "cricketer", "batsman", "quarterback", "physio",
	"team-doctor",
	// politics and civil society
	"unionist", "shop-steward", "convenor",
	"strategist", "party-secretary", "apparatchik", "commissar",
)

// surnameTrades are posts kept out of roleNouns, which strip a role word
// from a name's edges: common surnames and name parts ("John Bishop",
// "James Dean", "Regent Street") and the arts' trades a wire prints
// capitalised as part of a name ("Actress Helen Hayes", CoNLL04's
// convention). They still relate an apposition as memberNouns do.
var surnameTrades = setOf("bishop", "carpenter", "singer", "miner", "dean", "marshal", "abbot", "teller", "broker",
	"sheriff", "monk", "nun", "pilot", "priest", "chef", "plumber", "fisherman", "driver", "steward", "waiter",
	"cleaner", "warden", "constable", "ranger", "gunner", "trooper", "sailor", "seaman", "boxer", "jockey", "friar",
	"cantor", "hafiz", "mufti", "swami", "guru", "lama", "regent", "doctor", "butler", "welder", "mechanic",
	"curator", "ensign", "skipper", "cashier", "deacon", "vicar", "rector", "pastor", "admiral", "brigadier",
	"commodore", "corporal", "cadet", "chaplain", "consul", "prefect", "viceroy", "nurse", "medic", "coroner",
	"actor", "actress", "novelist", "poet", "playwright", "composer", "musician", "designer", "architect",
	"illustrator", "cartoonist", "photographer", "columnist", "commentator", "broadcaster", "presenter",
	"newsreader", "cameraman", "historian", "astronomer", "mathematician", "archaeologist")

func init() {
	for w := range postNouns {
		if kinNouns[w] || adviserNouns[w] {
			continue
		}
		memberNouns[w] = true
		// A compound ("vice-president") stays a title prefix the
		// name rules keep ("Vice-President Joe Biden").
		if !surnameTrades[w] && !strings.Contains(w, "-") {
			roleNouns[w] = true
		}
	}
}
