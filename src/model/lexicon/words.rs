//! The word lists: which words are determiners, roles, documents, time
//! words... (one class bit each, see [`super`]) and the reporting cues
//! with their grammar.
//!
//! Pure data, so that adding a word is a one-line change here: the table
//! ([`super::table`]) and the cue filter ([`super::filter`]) are built
//! from these lists on first use.

use super::key::{Key, word_keys};
use super::{
    C_BASE, C_COMPL, C_DOC_ONLY, C_NEXT_OF, C_NEXT_TO, C_NOT_TO, C_NOUN, C_PART, C_QUOTE, C_STRONG,
    C_THAT, C_WRITTEN, Special,
};
use crate::model::CueKind;

#[rustfmt::skip]
pub(super) const DETS_DEF: &[&str] = &[
    "the", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your",
];

#[rustfmt::skip]
pub(super) const DETS_INDEF: &[&str] = &[
    "a", "an", "another", "any", "each", "every", "no",
];

#[rustfmt::skip]
pub(super) const QUANTS: &[&str] = &[
    "some", "many", "most", "several", "few", "others", "all", "various", "numerous", "multiple",
    "both", "certain", "other", "more", "fewer", "much",
    // Also a determiner; alone it is one more of a group ("Another said").
    "another",
];

#[rustfmt::skip]
pub(super) const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "i'd", "we'd", "they'd",
    // A third person with its auxiliary: "He's telling allies that ...".
    // The first and second persons are left out: "you're worried" in
    // opinion copy is a scenario the reader is asked to imagine.
    "he's", "she's", "they're", "he'd", "she'd", "they've", "he'll", "she'll", "they'll",
];

#[rustfmt::skip]
pub(super) const NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "dozen", "dozens", "hundreds", "thousands", "millions", "half", "twenty", "thirty",
    "fifty",
    "third", "quarter", "majority", "minority", "percent", "pct", "fifth", "tenth", "handful",
    "number",
];

#[rustfmt::skip]
pub(super) const VAGUE_NOUNS: &[&str] = &[
    "official", "officials", "critic", "critics", "expert", "experts", "analyst", "analysts",
    "observer", "observers", "people", "person", "scientist", "scientists", "researcher",
    "researchers", "economist", "economists", "diplomat", "diplomats", "lawmaker", "lawmakers",
    "legislator", "legislators", "resident", "residents", "witness", "witnesses", "activist",
    "activists", "advocate", "advocates", "opponent", "opponents", "supporter", "supporters",
    "skeptic", "skeptics", "sceptic", "sceptics", "commentator", "commentators", "pundit",
    "pundits", "historian", "historians", "scholar", "scholars", "academic", "academics",
    "specialist", "specialists", "authorities", "investor", "investors", "trader", "traders",
    "banker", "bankers", "strategist", "strategists", "campaigner", "campaigners", "proponent",
    "proponents", "backer", "backers", "detractor", "detractors", "allies", "aide", "aides",
    "adviser", "advisers", "advisor", "advisors", "watchers", "voters", "citizens", "locals",
    "leaders", "politicians", "regulators", "doctors", "physicians", "economists", "participants",
    "members", "employees", "workers", "executives", "observers", "onlookers", "bystanders",
    "neighbors", "neighbours", "conservatives", "liberals", "progressives", "officers",
    "protesters", "protestors", "demonstrators", "organizers", "organisers", "lawyers", "attorneys",
    "dealers", "brokers", "fans", "users", "parents", "teachers", "students", "staff", "staffers",
    "consumers", "customers", "shoppers", "farmers", "villagers", "survivors", "relatives",
    "families", "victims", "colleagues", "friends", "rivals", "competitors", "policymakers",
    "forecasters", "economists", "technicians", "engineers", "developers", "manufacturers",
    "producers", "suppliers", "importers", "exporters", "refiners", "miners", "landlords",
    "tenants", "owners", "drivers", "passengers", "travelers", "travellers", "tourists",
    "companies", "firms", "banks", "countries", "nations", "governments", "groups", "unions",
    "parties", "institutions", "organizations", "organisations", "insurers", "lenders", "airlines",
    "carriers", "automakers", "retailers", "utilities", "funds", "states", "sides", "both",
];

#[rustfmt::skip]
pub(super) const ANON_WORDS: &[&str] = &[
    "source", "sources", "insider", "insiders", "anonymity", "anonymous", "anonymously", "unnamed",
    "unidentified",
];

#[rustfmt::skip]
pub(super) const ROLE_NOUNS: &[&str] = &[
    "police", "prosecutor", "prosecutors", "company", "firm", "ministry", "court", "spokesman",
    "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen", "government",
    "administration", "agency", "department", "minister", "president", "secretary", "chairman",
    "chairwoman", "chair", "ceo", "chief", "director", "executive", "governor", "mayor", "senator",
    "judge", "attorney", "lawyer", "commissioner", "commission", "committee", "council", "board",
    "bank", "army", "military", "navy", "embassy", "office", "union", "party", "campaign", "team",
    "club", "league", "group", "organization", "organisation", "institute", "university",
    "hospital", "school", "foundation", "network", "newspaper", "magazine", "broadcaster",
    "channel", "website", "regulator", "watchdog", "authority", "inquiry", "panel", "jury",
    "parliament", "congress", "senate", "cabinet", "sheriff", "coroner", "examiner", "prosecution",
    "defense", "defence", "manager", "founder", "spokesmen", "representative", "ambassador",
    "envoy", "chancellor", "premier", "prime", "leader", "head", "officer", "detective",
    "inspector", "superintendent", "constable", "commander", "general", "colonel", "captain",
    "sergeant", "lieutenant", "admiral", "counsel", "solicitor", "barrister", "registrar", "clerk",
    "treasurer", "auditor", "ombudsman", "coach", "manager", "owner", "partner", "editor",
    "reporter", "correspondent", "author", "professor", "lecturer", "principal", "dean", "provost",
    "bishop", "archbishop", "pope", "priest", "imam", "rabbi", "pastor", "king", "queen", "prince",
    "princess", "emperor", "monarch", "palace", "state", "city", "county", "district", "province",
    "region", "municipality", "airline", "carrier", "operator", "utility", "insurer", "lender",
    "retailer", "automaker", "carmaker", "manufacturer", "producer", "supplier", "developer",
    "studio", "publisher", "label", "charity", "ngo", "institution", "exchange", "fund", "bureau",
    "secretariat", "tribunal", "plaintiff", "plaintiffs", "defendant", "defendants", "victim",
    "family", "mother", "father", "wife", "husband", "son", "daughter", "brother", "sister",
    "widow", "uncle", "aunt", "friend", "neighbor", "neighbour", "spouse", "partner", "employer",
    "landlord", "teacher", "doctor", "nurse", "surgeon", "pilot", "driver", "suspect", "accused",
    "legislature", "assembly", "regime", "junta", "militia", "command", "headquarters",
    "ministries", "agencies", "courts", "firefighters", "paramedics", "troopers", "deputies",
    "investigators", "detectives", "inspectors", "auditors", "examiners",
    "rival", "challenger", "opponent", "nominee", "candidate", "incumbent", "delegate",
];

#[rustfmt::skip]
pub(super) const DOC_NOUNS: &[&str] = &[
    "report", "study", "survey", "poll", "statement", "filing", "document", "letter", "analysis",
    "review", "paper", "memo", "audit", "investigation", "complaint", "indictment", "lawsuit",
    "release", "assessment", "ruling", "judgment", "judgement", "verdict",
    "affidavit", "transcript", "census", "index", "forecast", "estimate",
    "article", "book", "column", "editorial", "website", "record", "tally", "count", "notice",
    "bulletin", "communique", "dossier", "probe", "inquiry", "summary",
];

#[rustfmt::skip]
pub(super) const DOCV_NOUNS: &[&str] = &[
    "reports", "studies", "surveys", "polls", "documents", "records", "research", "data",
    "statistics", "estimates", "analyses", "reviews", "papers", "findings", "evidence", "polling",
    "projections", "models", "forecasts", "accounts", "rumors", "rumours", "media", "press",
    // Evidence that shows or finds (issue 17, PolNeAR): "filings show",
    // "exit poll results showed", "footage from the game shows".
    "results", "filings", "emails", "files", "figures", "video", "footage", "recordings",
];

#[rustfmt::skip]
pub(super) const ADJECTIVES: &[&str] = &[
    "senior", "top", "former", "current", "local", "foreign", "federal", "city", "regional",
    "national", "international", "independent", "outside", "private", "public", "legal", "medical",
    "financial", "economic", "political", "intelligence", "security", "health", "industry", "trade",
    "finance", "energy", "western", "eastern", "northern", "southern", "deputy", "assistant",
    "acting", "interim", "lead", "junior", "young", "old", "new", "prominent", "leading",
    "high-ranking", "high-level", "mid-level", "longtime", "long-time", "veteran", "retired",
    "outgoing", "incoming", "elected", "influential", "respected", "fellow", "rival", "opposition",
    "ruling", "conservative", "liberal", "progressive", "administration", "government", "company",
    "military", "police", "defense", "defence", "justice", "treasury", "state", "county",
    "provincial", "municipal", "top-level", "knowledgeable", "informed", "well-placed",
    "well-informed", "credible", "reliable", "unofficial", "official", "european", "american",
    "global", "world", "leading", "independent", "academic", "scientific", "technical",
    "environmental", "human", "rights", "civil", "party", "campaign", "election", "union", "labor",
    "labour", "business", "banking", "oil", "market", "stock", "investment", "insurance", "tech",
    "technology", "hospital", "school", "university", "court", "news", "press", "media", "wire",
    "broadcast", "television", "tv", "radio", "online", "social", "main", "chief", "general",
    "vice", "co", "managing", "executive", "principal", "other", "several", "concerned", "worried",
    "angry", "frustrated", "grieving", "many",
];

#[rustfmt::skip]
pub(super) const SKIPS: &[&str] = &[
    "also", "later", "has", "have", "had", "did", "does", "do", "will", "would", "could", "should",
    "may", "might", "must", "can", "not", "never", "always", "often", "previously", "repeatedly",
    "earlier", "further", "again", "separately", "recently", "publicly", "privately", "still",
    "already", "just", "once", "initially", "first", "subsequently", "ultimately", "finally",
    "additionally", "specifically", "explicitly", "flatly", "strongly", "firmly", "long", "too",
    "themselves", "himself", "herself", "itself", "then", "now", "reportedly", "allegedly",
    "apparently", "simply", "only", "openly", "quietly", "angrily", "bluntly", "emphatically",
    "immediately", "soon", "even", "cannot", "didn't", "doesn't", "don't", "won't", "wouldn't",
    "hasn't", "haven't", "hadn't", "can't", "couldn't", "shouldn't", "isn't", "aren't", "wasn't",
    "weren't", "n't", "however", "meanwhile", "moreover", "furthermore", "nonetheless",
    "nevertheless", "though", "generally", "widely", "commonly", "broadly", "largely", "mostly",
    "personally", "privately", "formally", "officially", "previously", "consistently", "frequently",
    "routinely", "regularly", "sometimes", "usually", "already", "clearly", "plainly", "correctly",
    "wrongly", "falsely", "mistakenly", "rightly", "tearfully", "calmly", "confidently",
    "cautiously", "optimistically", "reluctantly", "proudly", "jokingly", "repeatedly", "variously",
    "increasingly", "deeply", "very", "so", "really", "certainly", "probably", "likely",
    "genuinely", "sincerely", "truly", "actually", "indeed", "both", "each", "all", "privately",
    "directly", "separately", "eventually", "afterward", "afterwards", "herself", "himself",
    "having",
    "here", "overall", "instead",
    "yet",
];

#[rustfmt::skip]
pub(super) const BE_FORMS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "get", "got", "gets",
];

#[rustfmt::skip]
pub(super) const LINK_VERBS: &[&str] = &[
    "remain", "remains", "remained", "became", "become", "becomes", "grew", "grow", "grows", "seem",
    "seems", "seemed", "appear", "appears", "appeared", "feel", "feels", "felt", "stay", "stays",
    "stayed",
];

#[rustfmt::skip]
pub(super) const BOUNDS: &[&str] = &[
    "that", "and", "but", "or", "nor", "when", "while", "whilst", "because", "although", "if", "as",
    "after", "before", "since", "yet", "where", "whereas", "unless", "until", "than", "whether",
    "what", "how", "why", "though", "so", "once", "whenever", "wherever", "lest",
];

#[rustfmt::skip]
pub(super) const PREPS: &[&str] = &[
    "of", "at", "for", "from", "with", "including", "in", "by", "like", "among",
    "about", "against", "into", "over", "under", "without", "despite", "amid", "through", "across",
    "toward", "towards", "upon", "via",
];

#[rustfmt::skip]
pub(super) const RELS: &[&str] = &[
    "who", "whose", "whom", "which",
];

#[rustfmt::skip]
pub(super) const TIMES: &[&str] = &[
    "on", "last", "today", "yesterday", "tonight", "tomorrow", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "during",  "earlier", "later",
    "recently", "ago", "overnight", "weekend", "morning", "afternoon", "evening", "night",
    "week", "month", "year", "spring", "summer", "fall", "autumn", "winter", "hours", "days",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "a.m", "p.m", "noon", "midnight",
];

#[rustfmt::skip]
pub(super) const STATEMENTS: &[&str] = &[
    "statement", "statements", "interview", "interviews", "post", "posting", "tweet", "letter",
    "speech", "filing", "release", "email", "e-mail", "memo", "remarks", "briefing", "op-ed",
    "editorial", "blog", "video", "message", "note", "report", "conference", "testimony", "address",
    "broadcast", "podcast", "press", "hearing", "communique", "declaration", "announcement",
    "essay", "column", "article", "book", "letter", "newsletter", "documentary",
];

#[rustfmt::skip]
pub(super) const PLATFORMS: &[&str] = &[
    "twitter", "x", "facebook", "instagram", "telegram", "linkedin", "tiktok", "youtube", "threads",
    "bluesky", "truth", "television", "tv", "radio", "air", "camera", "social", "weibo", "wechat",
    "substack", "reddit",
];

#[rustfmt::skip]
pub(super) const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "sen", "sens", "rep", "reps", "gov", "govs", "gen", "lt",
    "col", "sgt", "capt", "cmdr", "adm", "maj", "prof", "rev", "hon", "pres", "supt", "det", "insp",
    "fr", "mt", "ft", "atty", "brig", "cpl", "pvt", "msgr", "sir", "dame", "lord", "lady", "judge",
    "justice", "president", "senator", "governor", "mayor", "minister", "secretary", "chancellor",
    "premier", "king", "queen", "prince", "princess", "pope", "bishop", "archbishop", "detective",
    "inspector", "officer", "general", "colonel", "captain", "sergeant", "lieutenant", "admiral",
    "commissioner", "ambassador", "chairman", "chairwoman", "director", "professor",
    "representative", "congressman", "congresswoman", "councilman", "councilwoman", "councillor",
    "alderman", "sheriff", "deputy", "chief",
];

#[rustfmt::skip]
pub(super) const COMMONS: &[&str] = &[
    "in", "on", "at", "after", "before", "when", "while", "if", "as", "although", "despite",
    "because", "since", "during", "under", "with", "without", "for", "from", "by", "asked",
    "speaking", "instead", "overall", "there", "here", "what", "why", "how", "where", "such",
    "even", "only", "indeed", "similarly", "likewise", "thus", "hence", "therefore", "currently",
    "together", "between", "among", "against", "amid", "following", "unlike", "perhaps", "maybe",
    "neither", "either", "not", "yes", "no", "but", "and", "or", "so", "still", "now", "then",
    "later", "earlier", "separately", "meanwhile", "however", "to", "into", "about", "over",
    "through", "across", "behind", "beyond", "within", "according", "citing", "given", "based",
    "following", "new", "more", "less", "best", "first", "second", "third", "last", "next", "just",
    "please", "thanks", "thank", "well", "oh", "ok", "okay", "of", "off", "out", "up", "down",
    "around", "near", "toward", "towards", "upon", "via", "per", "than", "too", "very", "much",
    "again", "back", "away", "let", "let's", "it's", "that's", "there's", "here's", "what's",
    "who's", "he's", "she's", "we're", "they're", "i'm", "you're", "we've", "they've", "i've",
    "you've", "we'll", "they'll", "i'll", "you'll", "he'll", "she'll", "it'll", "breaking",
    "update", "exclusive", "analysis", "opinion", "editorial", "photos", "video", "watch", "live",
    "read", "see",
   "nearly", "almost", "roughly", "approximately", "barely", "fully", "exactly", "precisely", "possibly", "half", "majority", "minority", "percent", "pct", "quarter", "third", "fifth", "tenth",
];

#[rustfmt::skip]
pub(super) const CONCERNS: &[&str] = &[
    "concern", "concerns", "doubt", "doubts", "hope", "hopes", "optimism", "confidence",
    "skepticism", "scepticism", "regret", "frustration", "disappointment", "surprise", "support",
    "alarm", "fear", "fears", "outrage", "anger", "satisfaction", "dismay", "reservations",
    "opposition", "sympathy", "condolences", "gratitude", "interest", "reluctance", "worry",
    "worries", "unease", "misgivings", "pessimism", "displeasure", "solidarity", "willingness",
    "readiness", "belief", "view", "views", "opinion", "desire",
];

/// State adjectives that with "be" report a state of mind.
#[rustfmt::skip]
pub(super) const BE_ADJECTIVES: &[&str] = &[
    "convinced", "worried", "concerned", "confident", "hopeful", "optimistic", "pessimistic",
    "skeptical", "sceptical", "afraid", "fearful", "persuaded", "adamant", "unconvinced",
    "doubtful",
];

/// One reporting cue entry: the word, its kind, special grammar and flags.
type CueEntry = (&'static str, CueKind, Special, u16);

const S: CueKind = CueKind::Speech;

const B: CueKind = CueKind::Belief;

const T: CueKind = CueKind::Stance;

const N: Special = Special::None;

pub(super) const CUES: &[CueEntry] = &[
    ("said", S, N, C_PART | C_STRONG),
    ("says", S, N, C_STRONG),
    ("say", S, N, C_BASE),
    ("told", S, N, C_PART | C_STRONG),
    ("tells", S, N, C_STRONG),
    ("tell", S, N, C_BASE),
    ("according", S, Special::According, C_STRONG),
    ("wrote", S, N, 0),
    ("writes", S, N, 0),
    ("write", S, N, C_BASE),
    ("added", S, N, C_COMPL),
    ("adds", S, N, C_COMPL),
    ("stated", S, N, C_PART),
    ("states", S, N, C_THAT),
    ("announced", S, N, C_PART),
    ("announces", S, N, 0),
    ("announce", S, N, C_BASE),
    ("testified", S, N, 0),
    ("testifies", S, N, 0),
    ("testify", S, N, C_BASE),
    ("explained", S, N, C_PART),
    ("explains", S, N, 0),
    ("explain", S, N, C_BASE | C_COMPL),
    ("noted", S, N, C_PART),
    ("notes", S, N, C_NOUN),
    ("note", S, N, C_BASE | C_NOUN | C_COMPL),
    ("argued", S, N, C_PART),
    ("argues", S, N, 0),
    ("argue", S, N, C_BASE),
    ("asked", S, N, C_PART),
    ("asks", S, N, 0),
    ("ask", S, N, C_BASE),
    ("replied", S, N, C_NOT_TO),
    ("replies", S, N, C_NOUN | C_NOT_TO),
    ("responded", S, N, C_COMPL | C_NOT_TO),
    ("responds", S, N, C_COMPL | C_NOT_TO),
    ("answered", S, N, C_COMPL),
    ("warned", S, N, C_PART | C_NEXT_OF),
    ("warns", S, N, C_NEXT_OF),
    ("warn", S, N, C_BASE | C_NEXT_OF),
    ("claimed", S, N, C_PART | C_COMPL | C_NEXT_TO),
    ("claims", S, N, C_NOUN | C_NEXT_TO),
    ("claim", S, N, C_BASE | C_NOUN | C_NEXT_TO),
    ("insisted", S, N, 0),
    ("insists", S, N, 0),
    ("insist", S, N, C_BASE),
    ("reported", S, N, C_PART),
    ("reports", S, N, C_NOUN),
    ("confirmed", S, N, C_PART),
    ("confirms", S, N, 0),
    ("confirm", S, N, C_BASE),
    ("acknowledged", S, N, C_PART),
    ("acknowledges", S, N, 0),
    ("acknowledge", S, N, C_BASE),
    ("disclosed", S, N, C_PART),
    ("discloses", S, N, 0),
    ("disclose", S, N, C_BASE),
    ("admitted", S, N, C_PART),
    ("admits", S, N, 0),
    ("admit", S, N, C_BASE),
    ("conceded", S, N, C_PART),
    ("concedes", S, N, 0),
    ("concede", S, N, C_BASE),
    ("denied", S, N, C_PART),
    ("denies", S, N, 0),
    ("deny", S, N, C_BASE),
    ("alleged", S, N, C_PART),
    ("alleges", S, N, 0),
    ("allege", S, N, C_BASE),
    ("contended", S, N, 0),
    ("contends", S, N, 0),
    ("contend", S, N, C_BASE),
    ("maintained", S, N, C_PART | C_COMPL),
    ("maintains", S, N, C_COMPL),
    ("predicted", S, N, C_PART),
    ("predicts", S, N, 0),
    ("predict", S, N, C_BASE),
    ("cautioned", S, N, 0),
    ("emphasized", S, N, C_PART),
    ("emphasised", S, N, C_PART),
    ("emphasizes", S, N, 0),
    ("emphasises", S, N, 0),
    ("stressed", S, N, C_PART | C_COMPL),
    ("stresses", S, N, C_COMPL),
    ("recalled", S, N, C_PART | C_COMPL),
    ("recalls", S, N, C_NOUN | C_COMPL),
    ("remarked", S, N, 0),
    ("observed", S, N, C_PART | C_COMPL),
    ("commented", S, N, 0),
    ("comments", S, N, C_NOUN | C_QUOTE),
    // "declared victory", "declared themselves sanctuaries": acts; only a
    // complement ("declared that", a quotation) makes it a report.
    ("declared", S, N, C_PART | C_COMPL),
    ("boasted", S, N, 0),
    ("complained", S, N, 0),
    ("countered", S, N, C_COMPL),
    ("retorted", S, N, 0),
    ("shouted", S, N, 0),
    ("yelled", S, N, 0),
    ("tweeted", S, N, 0),
    ("vowed", S, N, 0),
    ("vows", S, N, C_NOUN | C_NEXT_TO),
    ("pledged", S, N, C_PART | C_COMPL | C_NEXT_TO),
    ("promised", S, N, C_PART | C_COMPL | C_NEXT_TO),
    ("urged", S, N, C_PART),
    ("demanded", S, N, C_PART),
    ("questioned", S, N, C_PART),
    ("wondered", S, N, 0),
    ("speculated", S, N, 0),
    ("hinted", S, N, 0),
    ("suggested", S, N, C_PART),
    ("suggests", S, N, 0),
    ("estimated", S, N, C_PART),
    ("estimates", S, N, C_NOUN),
    ("forecast", S, N, C_NOUN),
    ("reiterated", S, N, C_PART),
    ("revealed", S, N, C_PART),
    ("reveals", S, N, 0),
    ("indicated", S, N, C_PART | C_COMPL),
    ("concluded", S, N, C_PART | C_COMPL),
    ("concludes", S, N, C_COMPL),
    ("affirmed", S, N, C_PART),
    ("asserted", S, N, C_PART),
    ("asserts", S, N, 0),
    ("lamented", S, N, 0),
    ("exclaimed", S, N, 0),
    ("exclaims", S, N, 0),
    // Speech verbs of feature copy and quotes-heavy reporting.
    ("scoffed", S, N, 0),
    ("scoffs", S, N, 0),
    ("reasoned", S, N, C_PART | C_COMPL),
    ("quipped", S, N, 0),
    ("quips", S, N, C_NOUN),
    ("joked", S, N, 0),
    ("jokes", S, N, C_NOUN),
    ("mused", S, N, 0),
    ("muses", S, N, C_NOUN),
    ("bragged", S, N, 0),
    ("brags", S, N, 0),
    ("proclaimed", S, N, C_PART),
    ("proclaims", S, N, 0),
    ("declares", S, N, C_COMPL),
    ("pleaded", S, N, C_COMPL),
    ("pleads", S, N, C_COMPL),
    ("cautions", S, N, C_NOUN),
    ("laments", S, N, C_NOUN),
    ("complains", S, N, 0),
    ("remarks", S, N, C_NOUN | C_QUOTE),
    ("retorts", S, N, 0),
    ("counters", S, N, C_NOUN | C_COMPL),
    ("shouts", S, N, C_NOUN),
    ("yells", S, N, C_NOUN),
    ("screamed", S, N, C_QUOTE),
    ("snapped", S, N, C_QUOTE),
    ("sighed", S, N, C_QUOTE),
    ("tweets", S, N, C_NOUN),
    ("posted", S, N, C_PART | C_COMPL),
    ("continued", S, N, C_PART | C_QUOTE),
    ("continues", S, N, C_QUOTE),
    ("began", S, N, C_QUOTE),
    ("begins", S, N, C_QUOTE),
    ("laughed", S, N, C_QUOTE),
    ("laughs", S, N, C_NOUN | C_QUOTE),
    ("chuckled", S, N, C_QUOTE),
    ("recounted", S, N, C_PART | C_COMPL),
    ("recounts", S, N, C_COMPL),
    // Speech acts that judge: news reports them as said ("accused CNN of
    // a “vicious mistake”"). Passives need their agent.
    ("accused", S, N, C_PART),
    ("accuses", S, N, 0),
    ("criticized", S, N, C_PART),
    ("criticised", S, N, C_PART),
    ("criticizes", S, N, 0),
    ("criticises", S, N, 0),
    ("praised", S, N, C_PART),
    ("praises", S, N, C_NOUN),
    ("mocked", S, N, C_PART),
    ("mocks", S, N, 0),
    ("denounced", S, N, C_PART),
    ("denounces", S, N, 0),
    ("condemned", S, N, C_PART),
    ("condemns", S, N, 0),
    ("lambasted", S, N, C_PART),
    ("ridiculed", S, N, C_PART),
    ("derided", S, N, C_PART),
    ("decried", S, N, C_PART),
    ("decries", S, N, 0),
    ("rapped", S, N, C_QUOTE),
    ("read", S, N, C_WRITTEN),
    ("reads", S, N, C_WRITTEN),
    ("acknowledging", S, Special::Trailing, 0),
    ("found", S, N, C_PART | C_DOC_ONLY),
    ("finds", S, N, C_DOC_ONLY),
    ("showed", S, N, C_DOC_ONLY),
    ("shows", S, N, C_NOUN | C_DOC_ONLY),
    ("show", S, N, C_BASE | C_DOC_ONLY),
    ("citing", S, Special::Citing, 0),
    ("saying", S, Special::Trailing, 0),
    ("adding", S, Special::Trailing, 0),
    ("noting", S, Special::Trailing, 0),
    ("warning", S, Special::Trailing, 0),
    ("arguing", S, Special::Trailing, 0),
    ("insisting", S, Special::Trailing, 0),
    ("claiming", S, Special::Trailing, 0),
    ("stating", S, Special::Trailing, 0),
    ("explaining", S, Special::Trailing, 0),
    ("telling", S, Special::Trailing, 0),
    ("writing", S, Special::Trailing, 0),
    ("asking", S, Special::Trailing, 0),
    ("alleging", S, Special::Trailing, 0),
    // Also the progressive of news-wire present tense ("Trump is demanding
    // that ..."), read by `Finder::progressive`.
    ("demanding", S, Special::Trailing, 0),
    ("stressing", S, Special::Trailing, 0),
    ("pledging", S, Special::Trailing, 0),
    ("announcing", S, Special::Trailing, 0),
    ("complaining", S, Special::Trailing, 0),
    ("denying", S, Special::Trailing, 0),
    ("expressed", S, Special::Expressed, 0),
    ("voiced", S, Special::Expressed, 0),
    ("issued", S, Special::Issued, 0),
    ("released", S, Special::Issued, 0),
    ("described", S, Special::Described, 0),
    ("quoted", S, Special::Quoted, 0),
    ("raised", S, Special::Raised, 0),
    ("raises", S, Special::Raised, 0),
    ("cast", S, Special::Raised, 0),
    ("casts", S, Special::Raised, 0),
    ("pointed", S, Special::Pointed, 0),
    ("point", S, Special::Pointed, 0),
    ("points", S, Special::Pointed, 0),
    // "charged that" accuses; "charged with" is the law's.
    ("charged", S, N, C_THAT),
    ("charges", S, N, C_THAT),
    ("charge", S, N, C_BASE | C_THAT),
    ("believe", B, N, C_BASE),
    ("believes", B, N, 0),
    ("believed", B, N, C_PART),
    ("think", B, N, C_BASE),
    ("thinks", B, N, 0),
    ("thought", B, N, C_PART),
    ("fear", B, N, C_BASE | C_NOUN),
    ("fears", B, N, C_NOUN),
    ("feared", B, N, C_PART),
    ("worry", B, N, C_BASE | C_NOUN | C_NEXT_OF),
    ("worries", B, N, C_NOUN | C_NEXT_OF),
    ("worried", B, N, C_PART | C_NEXT_OF),
    ("hope", B, N, C_BASE | C_NOUN | C_NEXT_TO),
    ("hopes", B, N, C_NOUN | C_NEXT_TO),
    ("hoped", B, N, C_PART | C_NEXT_TO),
    ("feel", B, N, C_BASE),
    ("feels", B, N, 0),
    ("felt", B, N, C_PART),
    ("expect", B, N, C_BASE),
    ("expects", B, N, 0),
    ("expected", B, N, C_PART),
    ("suspect", B, N, C_BASE | C_NOUN),
    ("suspects", B, N, C_NOUN),
    ("suspected", B, N, C_PART),
    ("doubt", B, N, C_BASE | C_NOUN),
    ("doubts", B, N, C_NOUN),
    ("doubted", B, N, 0),
    // AP: "want" is no attribution either; "wants to close the depot" states
    // a wish as fact.
    ("want", B, N, C_BASE),
    ("wants", B, N, 0),
    ("wanted", B, N, C_PART),
    ("wishes", B, N, C_NOUN | C_NEXT_TO),
    ("wished", B, N, C_PART),
    // Stances (report only, see `CueKind::Stance`): what a source did or
    // held, which attribution corpora (PolNeAR) count as attribution.
    ("called", T, N, C_PART),
    // "Trump is betting that voters feel ...": a wager is its maker's
    // strategy, and what it counts on is the maker's view, not a source's.
    // Only with "that" (see `Finder::verb`): "sports betting", "big bets".
    ("betting", T, N, C_COMPL),
    ("bets", T, N, C_COMPL),
    ("wagering", T, N, C_COMPL),
    ("calls", T, N, C_NOUN | C_NEXT_TO),
    ("calling", T, Special::Trailing, 0),
    ("declined", T, N, C_PART),
    ("declines", T, N, 0),
    ("refused", T, N, C_PART),
    ("refuses", T, N, 0),
    ("endorsed", T, N, C_PART),
    ("endorses", T, N, 0),
    ("supporting", T, Special::Trailing, 0),
    ("opposed", T, N, C_PART),
    ("defended", T, N, C_PART),
    ("defends", T, N, 0),
    ("rejected", T, N, C_PART),
    ("rejects", T, N, 0),
    ("dismissed", T, N, C_PART),
    ("dismisses", T, N, 0),
    ("blamed", T, N, C_PART),
    ("blames", T, N, 0),
    ("blasted", T, N, C_PART),
    ("blasts", T, N, C_NOUN),
    ("attacked", T, N, C_PART),
    ("cited", T, N, C_PART),
    ("cites", T, N, 0),
    ("proposed", T, N, C_PART),
    ("proposes", T, N, 0),
    ("referred", T, N, C_PART),
    ("referring", T, Special::Trailing, 0),
    ("learned", T, N, C_PART),
    ("echoed", T, N, C_PART),
    ("repeated", T, N, C_PART),
    ("assured", T, N, C_PART),
    ("unveiled", T, N, C_PART),
    ("emailed", T, N, C_PART),
    ("pointing", T, Special::Trailing, 0),
    ("suggesting", T, Special::Trailing, 0),
    ("describing", T, Special::Trailing, 0),
    ("recalling", T, Special::Trailing, 0),
    ("denouncing", T, Special::Trailing, 0),
    ("hoping", T, Special::Trailing, 0),
    ("touting", T, Special::Trailing, 0),
    ("supported", T, N, C_PART),
    ("agreed", T, N, C_PART),
    ("agrees", T, N, 0),
    ("offered", T, N, C_PART),
    ("mentioned", T, N, C_PART),
    ("challenged", T, N, C_PART),
    ("railed", T, N, 0),
    ("prefer", T, N, C_BASE),
    ("prefers", T, N, 0),
    ("praising", T, Special::Trailing, 0),
    ("criticizing", T, Special::Trailing, 0),
    ("criticising", T, Special::Trailing, 0),
    ("blaming", T, Special::Trailing, 0),
    ("accusing", T, Special::Trailing, 0),
    ("attacking", T, Special::Trailing, 0),
    ("urging", T, Special::Trailing, 0),
    ("vowing", T, Special::Trailing, 0),
    ("promising", T, Special::Trailing, 0),
    ("predicting", T, Special::Trailing, 0),
    ("declaring", T, Special::Trailing, 0),
    ("questioning", T, Special::Trailing, 0),
    ("seeking", T, Special::Trailing, 0),
    ("defending", T, Special::Trailing, 0),
    ("rejecting", T, Special::Trailing, 0),
    ("dismissing", T, Special::Trailing, 0),
    // Positions held, which PolNeAR annotates as attribution ("Cruz
    // supports the ban"); report only. Forms whose precision on PolNeAR
    // train stayed under 0.65 are left out ("sought", "seems", "knows",
    // "support" as a noun-like base form).
    ("supports", T, N, 0),
    ("backing", T, Special::Trailing, 0),
    ("oppose", T, N, C_BASE),
    ("opposing", T, Special::Trailing, 0),
    ("favor", T, N, C_BASE),
    ("applauded", T, N, C_PART),
    ("thanked", T, N, C_PART),
    ("slammed", T, N, C_PART),
    ("slams", T, N, 0),
    ("assailed", T, N, C_PART),
    ("touted", T, N, C_PART),
    ("invoked", T, N, C_PART),
    ("outlined", T, N, C_PART),
    ("portrayed", T, N, C_PART),
    ("reminded", T, N, C_PART),
    ("discussed", T, N, C_PART),
    ("threatened", T, N, C_PART),
    ("wonder", T, N, C_BASE),
    ("wondering", T, Special::Trailing, 0),
    // How a source sees someone or something ("Democrats see him as a
    // liability", "is seen by party leaders as credible"): a view with its
    // holder, only with "as" and a holder that can see (see
    // `Special::Described`); "the year saw", "was seen as" are not. Marked
    // as nouns so that they do not end a noun phrase: "his views", "a
    // document seen by Reuters".
    ("sees", T, Special::Described, C_NOUN),
    ("see", T, Special::Described, C_NOUN),
    ("saw", T, Special::Described, C_NOUN),
    ("seen", T, Special::Described, C_NOUN),
    ("views", T, Special::Described, C_NOUN),
    ("view", T, Special::Described, C_NOUN),
    ("viewed", T, Special::Described, C_NOUN),
    ("regards", T, Special::Described, C_NOUN),
    ("regard", T, Special::Described, C_NOUN),
    ("regarded", T, Special::Described, C_NOUN),
    ("perceives", T, Special::Described, C_NOUN),
    ("perceive", T, Special::Described, C_NOUN),
    ("perceived", T, Special::Described, C_NOUN),
    // How a source seems to think ("Trump seemed to suggest"): only with
    // what seems after it, never "appeared on Fox News".
    ("seemed", T, N, C_COMPL | C_NEXT_TO),
    ("seem", T, N, C_BASE | C_COMPL | C_NEXT_TO),
    ("appeared", T, N, C_COMPL | C_NEXT_TO),
    ("appears", T, N, C_COMPL | C_NEXT_TO),
    ("appear", T, N, C_BASE | C_COMPL | C_NEXT_TO),
];

/// Statement nouns that report speech on their own ("In a statement, the
/// company denied ...").
#[rustfmt::skip]
pub(super) const SPOKEN_WORDS: [&str; 19] = [
    "statement", "statements", "interview", "post", "tweet", "letter", "speech", "email", "e-mail",
    "memo", "remarks", "briefing", "filing", "release", "conference", "testimony", "communique",
    "declaration", "announcement",
];

/// [`SPOKEN_WORDS`] as keys.
pub(crate) const SPOKEN: &[Key] = &word_keys(SPOKEN_WORDS);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::lexicon::key::MAX_WORD;

    #[test]
    fn every_listed_word_fits_a_key() {
        let lists = [
            DETS_DEF,
            DETS_INDEF,
            QUANTS,
            PRONOUNS,
            NUMBERS,
            VAGUE_NOUNS,
            ANON_WORDS,
            ROLE_NOUNS,
            DOC_NOUNS,
            DOCV_NOUNS,
            ADJECTIVES,
            SKIPS,
            BE_FORMS,
            LINK_VERBS,
            BOUNDS,
            PREPS,
            RELS,
            TIMES,
            STATEMENTS,
            PLATFORMS,
            TITLES,
            COMMONS,
            CONCERNS,
            BE_ADJECTIVES,
        ];
        for w in lists
            .iter()
            .flat_map(|l| l.iter())
            .chain(CUES.iter().map(|c| &c.0))
        {
            assert!(
                w.len() <= MAX_WORD && w.is_ascii() && *w == w.to_lowercase(),
                "{w}"
            );
        }
    }
}
