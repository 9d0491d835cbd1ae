package text

import "strings"

// stopWords are English function words; prose is dense with them, page
// furniture and headlines are not.
var stopWords = setOf(
	"a", "about", "above", "after", "again", "against", "all", "also", "am", "among", "an", "and",
	"any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
	"but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either",
	"even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he",
	"her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in",
	"into", "is", "it", "its", "it's", "itself", "just", "least", "less", "like", "many", "may",
	"me", "might", "more", "most", "much", "must", "my", "myself", "neither", "never", "no", "nor",
	"not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "others", "ought", "our",
	"ours", "out", "over", "own", "per", "quite", "rather", "said", "same", "says", "she", "should",
	"since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them",
	"themselves", "then", "there", "these", "they", "this", "those", "though", "through", "thus",
	"to", "too", "under", "until", "up", "upon", "us", "very", "was", "we", "were", "what", "when",
	"where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
	"without", "would", "yet", "you", "your", "yours", "yourself", "already", "although", "another",
	"around", "away", "back", "became", "become", "almost", "across", "along", "towards", "toward",
	"whom", "onto", "amid", "despite", "beyond", "behind", "near", "whose", "there's", "that's",
	"he's", "she's", "they're", "we're", "i'm", "don't", "didn't", "wasn't", "weren't", "isn't",
	"aren't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "couldn't", "shouldn't", "can't",
	"made", "make", "told", "say", "two", "three", "last", "first", "later", "well", "get", "got",
)

// interfaceWords are the vocabulary of site navigation and sharing
// widgets. A short line made largely of them is page furniture.
var interfaceWords = setOf(
	"share", "shares", "shared", "sharing", "this", "article", "articles", "comment", "comments",
	"print", "email", "emails", "e-mail", "home", "homepage", "contact", "about", "us", "find", "follow",
	"read", "more", "page", "pages", "view", "views", "click", "here", "skip", "content", "main",
	"published", "updated", "posted", "filed", "under", "by", "video", "videos", "photo", "photos",
	"image", "images", "gallery", "link", "links", "copy", "paste", "menu", "search", "archive",
	"archives", "section", "sections", "back", "top", "next", "previous", "prev", "latest", "news",
	"stories", "story", "related", "popular", "tags", "topics", "topic", "register", "account",
	"app", "apps", "get", "download", "leave", "reply", "replies", "edition", "digital", "visit",
	"watch", "listen", "live", "close", "button", "open", "terms", "use", "privacy", "policy",
	"jobs", "careers", "subscribe", "login", "logout", "sign", "rss", "feed", "feeds", "podcast",
	"podcasts", "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit", "instagram",
	"youtube", "telegram", "tweet", "min", "mins", "minute", "minutes", "ago", "loading", "trending",
	"recommended", "sponsored", "promoted", "advertisement", "ad", "ads", "options", "settings",
	"notifications", "save", "saved", "bookmark", "font", "size", "text", "continue", "reading",
	"show", "hide", "expand", "collapse", "toggle", "navigation", "sitemap", "feedback", "help",
	"faq", "shop", "store", "offers", "deals", "newsletter", "newsletters", "alerts", "also",
	"see", "click", "wires", "agencies", "staff", "writer", "reporter", "editor", "correspondent",
	"weather", "sport", "sports", "opinion", "lifestyle", "entertainment", "tech", "business",
)

// strongPairs indexes the two-word entries of strongInterface by their
// first word, so that lookups need no string concatenation.
var strongPairs = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for k := range strongInterface {
		if a, b, ok := strings.Cut(k, " "); ok {
			if m[a] == nil {
				m[a] = map[string]bool{}
			}
			m[a][b] = true
		}
	}
	return m
}()

// strongInterface words and word pairs mark a short line as furniture on
// their own: they hardly occur in news prose.
var strongInterface = setOf(
	"advert", "adverts", "advertise", "advertisement", "advertising", "advertorial", "subscribe",
	"subscribers", "subscription", "newsletter", "newsletters", "cookie", "cookies", "login",
	"signup", "redirected", "clipboard", "embed", "javascript", "browser", "sitemap", "widget",
	"unmute", "fullscreen", "copyright", "rss", "podcast", "podcasts", "whatsapp", "pinterest",
	"linkedin", "comments", "sign up", "sign in", "log in", "min read", "per annum", "rights reserved",
	"privacy policy", "terms of", "read more", "see more", "view more", "more stories", "related stories",
	"related articles", "this article", "this story", "this page", "the page", "our newsletter",
	"click here", "tap here", "share this", "follow us", "contact us", "about us", "find us",
	"back to", "to top", "main content", "skip to", "email address", "your email", "play video",
	"watch video", "video embed", "salary", "vacancy", "vacancies", "recruitment", "apply now",
)
