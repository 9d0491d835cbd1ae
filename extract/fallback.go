package extract

import (
	"strings"

	"github.com/kgraph/kg/graph"
)

// A small general gazetteer used until extract/gazetteer lands: countries
// and their demonyms, world capitals and large cities, international bodies
// and news agencies, and common given names.

const fbCountries = `Afghanistan:Afghan|Albania:Albanian|Algeria:Algerian|Angola:Angolan|Argentina:Argentine,Argentinian|Armenia:Armenian|Australia:Australian|Austria:Austrian|Azerbaijan:Azerbaijani|Bahrain:Bahraini|Bangladesh:Bangladeshi|Belarus:Belarusian|Belgium:Belgian|Bolivia:Bolivian|Bosnia:Bosnian|Brazil:Brazilian|Bulgaria:Bulgarian|Cambodia:Cambodian|Cameroon:Cameroonian|Canada:Canadian|Chad:Chadian|Chile:Chilean|China:Chinese|Colombia:Colombian|Congo:Congolese|Croatia:Croatian|Cuba:Cuban|Cyprus:Cypriot|Czech Republic:Czech|Denmark:Danish|Ecuador:Ecuadorian,Ecuadorean|Egypt:Egyptian|Eritrea:Eritrean|Estonia:Estonian|Ethiopia:Ethiopian|Finland:Finnish|France:French|Georgia:Georgian|Germany:German|Ghana:Ghanaian|Greece:Greek|Guatemala:Guatemalan|Haiti:Haitian|Honduras:Honduran|Hungary:Hungarian|Iceland:Icelandic|India:Indian|Indonesia:Indonesian|Iran:Iranian|Iraq:Iraqi|Ireland:Irish|Israel:Israeli|Italy:Italian|Japan:Japanese|Jordan:Jordanian|Kazakhstan:Kazakh|Kenya:Kenyan|Kosovo:Kosovar|Kuwait:Kuwaiti|Laos:Laotian|Latvia:Latvian|Lebanon:Lebanese|Liberia:Liberian|Libya:Libyan|Lithuania:Lithuanian|Malaysia:Malaysian|Mali:Malian|Mexico:Mexican|Mongolia:Mongolian|Morocco:Moroccan|Mozambique:Mozambican|Myanmar:Burmese|Nepal:Nepalese,Nepali|Netherlands:Dutch|New Zealand:New Zealander|Nicaragua:Nicaraguan|Niger:Nigerien|Nigeria:Nigerian|North Korea:North Korean|Norway:Norwegian|Oman:Omani|Pakistan:Pakistani|Palestine:Palestinian|Panama:Panamanian|Paraguay:Paraguayan|Peru:Peruvian|Philippines:Filipino,Philippine|Poland:Polish|Portugal:Portuguese|Qatar:Qatari|Romania:Romanian|Russia:Russian|Rwanda:Rwandan|Saudi Arabia:Saudi|Scotland:Scottish,Scots|Senegal:Senegalese|Serbia:Serbian|Singapore:Singaporean|Slovakia:Slovak|Slovenia:Slovenian|Somalia:Somali|South Africa:South African|South Korea:South Korean|Spain:Spanish|Sri Lanka:Sri Lankan|Sudan:Sudanese|Sweden:Swedish|Switzerland:Swiss|Syria:Syrian|Taiwan:Taiwanese|Tajikistan:Tajik|Tanzania:Tanzanian|Thailand:Thai|Tunisia:Tunisian|Turkey:Turkish|Uganda:Ugandan|Ukraine:Ukrainian|United Arab Emirates:Emirati|Britain:British|United States:American|Uruguay:Uruguayan|Uzbekistan:Uzbek|Venezuela:Venezuelan|Vietnam:Vietnamese|Wales:Welsh|Yemen:Yemeni|Zambia:Zambian|Zimbabwe:Zimbabwean|England:English|Europe:European|Africa:African|Asia:Asian|Arabia:Arab|Korea:Korean`

const fbPlaces = `UK|U.K.|United Kingdom|US|U.S.|USA|U.S.A.|America|Great Britain|Sao Paulo|São Paulo|Latin America|Middle East|Gulf|West Bank|Gaza|Kabul|Tirana|Algiers|Luanda|Buenos Aires|Canberra|Sydney|Melbourne|Vienna|Baku|Manama|Dhaka|Minsk|Brussels|Brasilia|Rio de Janeiro|Sofia|Phnom Penh|Ottawa|Toronto|Montreal|Vancouver|Santiago|Beijing|Shanghai|Hong Kong|Macau|Bogota|Havana|Nicosia|Prague|Copenhagen|Quito|Cairo|Alexandria|Tallinn|Addis Ababa|Helsinki|Paris|Marseille|Tbilisi|Berlin|Munich|Frankfurt|Hamburg|Accra|Athens|Budapest|Reykjavik|New Delhi|Delhi|Mumbai|Jakarta|Tehran|Baghdad|Basra|Dublin|Jerusalem|Tel Aviv|Rome|Milan|Tokyo|Amman|Nairobi|Kuwait City|Riga|Beirut|Monrovia|Tripoli|Benghazi|Misrata|Brega|Sirte|Tobruk|Zawiya|Ajdabiya|Vilnius|Kuala Lumpur|Mexico City|Rabat|Casablanca|Amsterdam|The Hague|Rotterdam|Wellington|Auckland|Abuja|Lagos|Pyongyang|Seoul|Oslo|Muscat|Islamabad|Karachi|Lahore|Lima|Manila|Warsaw|Lisbon|Doha|Bucharest|Moscow|St Petersburg|Riyadh|Jeddah|Edinburgh|Glasgow|Aberdeen|Dakar|Belgrade|Mogadishu|Johannesburg|Cape Town|Madrid|Barcelona|Colombo|Khartoum|Stockholm|Geneva|Zurich|Bern|Damascus|Aleppo|Taipei|Bangkok|Tunis|Djerba|Ankara|Istanbul|Kampala|Kiev|Kyiv|Abu Dhabi|Dubai|London|Manchester|Birmingham|Liverpool|Washington|New York|Los Angeles|Chicago|Boston|San Francisco|Miami|Houston|Dallas|Atlanta|Seattle|Caracas|Hanoi|Ho Chi Minh City|Sanaa|Aden|Harare|Lockerbie|Kent|Surrey|Hampshire|Sussex|Essex|Yorkshire|Cornwall|Devon|California|Texas|Florida|Virginia|Maryland|Ohio|Europe|Africa|Asia|Antarctica|Arctic|Mediterranean|Atlantic|Pacific|Westminster|Whitehall|Downing Street|Wall Street|Capitol Hill|Silicon Valley|Crimea|Chechnya|Kashmir|Darfur|Sinai|Kurdistan|Balkans|Caribbean|Scandinavia|Siberia|Tibet|Xinjiang`

const fbOrgs = `United Nations|UN|U.N.|UN Security Council|Security Council|UN General Assembly|General Assembly|European Union|EU|NATO|Nato|Arab League|African Union|International Criminal Court|ICC|Interpol|Europol|World Bank|International Monetary Fund|IMF|World Health Organization|WHO|Red Cross|Amnesty International|Human Rights Watch|Reuters|Associated Press|AP|Agence France-Presse|AFP|BBC|CNN|Al Jazeera|Al-Jazeera|Sky News|Fox News|New York Times|Washington Post|Guardian|The Guardian|The Times|The Independent|Financial Times|Wall Street Journal|Bloomberg|Xinhua|Tass|Itar-Tass|RT|FBI|CIA|NSA|MI5|MI6|KGB|FSB|Pentagon|White House|Kremlin|Foreign Office|Home Office|State Department|Congress|Senate|Parliament|Labour|Conservatives|Taliban|al-Qaeda|Al Qaeda|Hamas|Hezbollah|Opec|OPEC|WikiLeaks|Wikileaks|Google|Apple|Microsoft|Facebook|Twitter|Petrobras|Gazprom|Scotland Yard|Met Police|Metropolitan Police|National Transitional Council|Muslim Brotherhood`

const fbFirstNames = `aaron abdel abdul abdullah abdulati abdurrahman abu adam adel adolf ahmed ahmad ali alan alex alexander alexei alice alison amir amr andrew andrei angela ann anna anne anthony antonio barack ben benjamin bill bob boris bradley brian carlos catherine charles chris christopher claire daniel david dilma dmitry donald edward elizabeth emily emma eric fathi francis frank fred george gerhard gordon hamid hassan helen henry hillary hosni hugh hussein ibrahim ivan jack jacques james jane jean jeff jennifer jim joe john jonathan jorge jose joseph juan julian karen khalid kim laura lee luis luiz maria mark martin mary marcelo matthew michael mike mohamed mohammad mohammed moussa muammar muhammad mustafa nasser nicholas nicolas nick omar paul peter philip rachel ri richard rick robert ronald sam sarah saif seif sergei shokri shukri simon stephen steven susan thomas tim tom tony vladimir william yvonne`

// fbSameAs lists names of one place, the canonical name first.
const fbSameAs = `United Kingdom,UK,U.K.,Britain,Great Britain|United States,US,U.S.,USA,U.S.A.,America,United States of America`

var (
	fallbackGazetteer  = map[string]gazEntry{}
	fallbackDemonyms   = map[string]string{}
	fallbackFirstNames = map[string]bool{}
)

func init() {
	add := func(name string, t graph.Type, country string) {
		k := graph.NameKey(name)
		if _, ok := fallbackGazetteer[k]; !ok {
			fallbackGazetteer[k] = gazEntry{Name: name, Type: t, Country: country}
		}
	}
	for _, c := range strings.Split(fbCountries, "|") {
		name, dems, _ := strings.Cut(c, ":")
		add(name, graph.Place, name)
		for _, d := range strings.Split(dems, ",") {
			fallbackDemonyms[strings.ToLower(d)] = name
		}
	}
	for _, p := range strings.Split(fbPlaces, "|") {
		add(p, graph.Place, "")
	}
	for _, o := range strings.Split(fbOrgs, "|") {
		add(o, graph.Organization, "")
	}
	for _, group := range strings.Split(fbSameAs, "|") {
		names := strings.Split(group, ",")
		for _, n := range names {
			fallbackGazetteer[graph.NameKey(n)] = gazEntry{Name: names[0], Type: graph.Place, Kind: "country", Country: names[0]}
		}
	}
	for _, n := range strings.Fields(fbFirstNames) {
		fallbackFirstNames[n] = true
	}
}
