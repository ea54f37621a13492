//! The reader-facing words of the timeline in each supported language, and which way it reads.
//!
//! Dates are written by the browser (`Intl.DateTimeFormat`) where it knows the language, else by
//! the core from the month names kept here (`core/words.rs`).
//!
//! Every table is written here, but the reader's builds (feature `fetched-words`) compile in
//! English's only: a story in another language has its table loaded at run time from the file
//! [`WordTable::file`] writes for it (`words/<tag>.txt`, beside the reader's code), so an English
//! story does not download seven languages' words. The files are checked against these tables by
//! a test, and read as hostile text: a word that is missing, too long or has other placeholders
//! than English's stays English.

/// The languages the interface speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    English,
    Albanian,
    Hebrew,
    Arabic,
    French,
    German,
    Spanish,
    Persian,
}

pub const LANGUAGES: [Language; 8] = [
    Language::English,
    Language::Albanian,
    Language::Hebrew,
    Language::Arabic,
    Language::French,
    Language::German,
    Language::Spanish,
    Language::Persian,
];

impl Language {
    /// The language of a BCP 47 tag ("he", "sq-AL", "pt-BR"), if the interface speaks it.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        LANGUAGES
            .into_iter()
            .find(|language| language.tag() == primary)
    }

    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Albanian => "sq",
            Language::Hebrew => "he",
            Language::Arabic => "ar",
            Language::French => "fr",
            Language::German => "de",
            Language::Spanish => "es",
            Language::Persian => "fa",
        }
    }

    /// Hebrew, Arabic and Persian read right to left, and so does their timeline.
    pub fn is_right_to_left(self) -> bool {
        matches!(
            self,
            Language::Hebrew | Language::Arabic | Language::Persian
        )
    }

    /// `text` with its ASCII digits written in this language's own: Persian's ۰–۹, as its `Intl`
    /// writes them in dates; the other languages keep 0–9 (their `Intl` does too).
    pub fn digits(self, text: String) -> String {
        if self != Language::Persian {
            return text;
        }
        text.chars()
            .map(|character| match character.to_digit(10) {
                Some(digit) if character.is_ascii_digit() => {
                    char::from_u32(0x06F0 + digit).unwrap_or(character)
                }
                _ => character,
            })
            .collect()
    }

    /// A count in this language's digits ("۱۲" in Persian, "12" elsewhere).
    pub fn number(self, count: usize) -> String {
        self.digits(count.to_string())
    }

    /// The first of these tags that the interface speaks (the data's language, the embed's `lang`,
    /// the page's), else English.
    pub fn choose<'a>(tags: impl IntoIterator<Item = Option<&'a str>>) -> Language {
        tags.into_iter()
            .flatten()
            .find_map(Language::from_tag)
            .unwrap_or_default()
    }

    /// Every word of the interface in this language: English's where the build loads the
    /// language's words at run time and they have not been loaded (see [`Language::load_words`]).
    pub fn words(self) -> &'static Words {
        #[cfg(feature = "fetched-words")]
        return self
            .fetched()
            .map_or(&ENGLISH_TABLE.words, |table| &table.words);
        #[cfg(not(feature = "fetched-words"))]
        return self.built_in_words();
    }

    /// The names of the months, January first: the core writes dates with them (English, and
    /// languages whose `Intl` the browser lacks). Typed, so a missing month does not compile.
    pub fn month_names(self) -> &'static [&'static str; 12] {
        #[cfg(feature = "fetched-words")]
        return self
            .fetched()
            .map_or(&ENGLISH_TABLE.months, |table| &table.months);
        #[cfg(not(feature = "fetched-words"))]
        return self.built_in_months();
    }

    /// Whether this language's own words are at hand: always, but in a build that loads them at
    /// run time, until they are loaded.
    pub fn has_words(self) -> bool {
        #[cfg(feature = "fetched-words")]
        return self.fetched().is_some();
        #[cfg(not(feature = "fetched-words"))]
        return true;
    }

    /// Takes this language's words from its word file (what [`WordTable::file`] wrote), in a
    /// build that loads them at run time; the first file loaded stays. Returns whether the
    /// language has its words now. Elsewhere every table is built in, and this does nothing.
    pub fn load_words(self, file: &str) -> bool {
        #[cfg(feature = "fetched-words")]
        FETCHED.load(self, file);
        let _ = file;
        self.has_words()
    }

    #[cfg(feature = "fetched-words")]
    fn fetched(self) -> Option<&'static WordTable> {
        FETCHED.get(self)
    }

    #[cfg_attr(feature = "fetched-words", allow(dead_code))]
    fn built_in_words(self) -> &'static Words {
        match self {
            Language::English => &ENGLISH,
            Language::Albanian => &ALBANIAN,
            Language::Hebrew => &HEBREW,
            Language::Arabic => &ARABIC,
            Language::French => &FRENCH,
            Language::German => &GERMAN,
            Language::Spanish => &SPANISH,
            Language::Persian => &PERSIAN,
        }
    }

    #[cfg_attr(feature = "fetched-words", allow(dead_code))]
    fn built_in_months(self) -> &'static [&'static str; 12] {
        match self {
            Language::English => &ENGLISH_MONTHS,
            Language::Albanian => &ALBANIAN_MONTHS,
            Language::Hebrew => &HEBREW_MONTHS,
            Language::Arabic => &ARABIC_MONTHS,
            Language::French => &FRENCH_MONTHS,
            Language::German => &GERMAN_MONTHS,
            Language::Spanish => &SPANISH_MONTHS,
            Language::Persian => &PERSIAN_MONTHS,
        }
    }
}

/// A word file longer than this is not read (the longest written is under 3 KB).
pub const MAX_WORD_FILE_BYTES: usize = 32 * 1024;

/// The mark some editors put at the start of a UTF-8 file.
const BYTE_ORDER_MARK: char = '\u{feff}';

/// A word from a file longer than this stays English (the longest written is under 120).
const MAX_WORD_CHARS: usize = 400;

/// The tables loaded at run time, by language, in a build that loads them.
#[cfg(feature = "fetched-words")]
static FETCHED: LoadedWords = LoadedWords::new();

static ENGLISH_TABLE: WordTable = WordTable {
    words: ENGLISH,
    months: ENGLISH_MONTHS,
};

/// Word tables loaded at run time, one per language, English's built in. (Built in every build,
/// so the default tests check it too.)
#[cfg_attr(not(feature = "fetched-words"), allow(dead_code))]
struct LoadedWords([std::sync::OnceLock<WordTable>; LANGUAGES.len()]);

#[cfg_attr(not(feature = "fetched-words"), allow(dead_code))]
impl LoadedWords {
    const fn new() -> LoadedWords {
        LoadedWords([const { std::sync::OnceLock::new() }; LANGUAGES.len()])
    }

    fn get(&self, language: Language) -> Option<&WordTable> {
        if language == Language::English {
            return Some(&ENGLISH_TABLE);
        }
        self.0[language as usize].get()
    }

    /// Reads `file` as `language`'s words unless some were loaded already (or it is too long to
    /// be a word file).
    fn load(&self, language: Language, file: &str) {
        let slot = &self.0[language as usize];
        if language != Language::English
            && slot.get().is_none()
            && file.len() <= MAX_WORD_FILE_BYTES
        {
            // Kept for the page's life, as built-in words are: one file per language at most.
            let file: &'static str = Box::leak(file.to_owned().into_boxed_str());
            let _ = slot.set(WordTable::read(file));
        }
    }
}

/// One language's words and month names, as a word file carries them.
#[derive(Clone, Debug, PartialEq)]
pub struct WordTable {
    pub words: Words,
    pub months: [&'static str; 12],
}

impl WordTable {
    /// The table compiled in for `language` (in a build that loads words at run time, the
    /// non-English tables are only compiled for writing and checking their files).
    #[cfg_attr(feature = "fetched-words", allow(dead_code))]
    pub fn built_in(language: Language) -> WordTable {
        WordTable {
            words: language.built_in_words().clone(),
            months: *language.built_in_months(),
        }
    }

    /// The word file: a first line naming the words' order (`storyline-words` and a hash of their
    /// names, so a file written for another version of the table is not read as this one), then
    /// one word per line in the table's order, then the twelve months. By position, so the reader
    /// carries no names.
    pub fn file(&self) -> String {
        let mut file = format!("{WORD_FILE_HEADER} {WORD_ORDER}\n");
        for word in self.words.all().into_iter().chain(self.months) {
            file.push_str(word);
            file.push('\n');
        }
        file
    }

    /// Reads a word file as hostile text: English's words stay all if its first line is not this
    /// table's order, and one by one wherever its line is missing, empty, longer than 400
    /// characters or has other placeholders than English's (a translation that lost `{count}`
    /// would hide the count). Linear in the file's length.
    pub fn read(file: &'static str) -> WordTable {
        let mut table = ENGLISH_TABLE.clone();
        let file = file.strip_prefix(BYTE_ORDER_MARK).unwrap_or(file);
        let mut lines = file.lines();
        let order = lines
            .next()
            .and_then(|line| line.strip_prefix(WORD_FILE_HEADER))
            .and_then(|rest| rest.trim().parse::<u32>().ok());
        if order != Some(WORD_ORDER) {
            return table;
        }
        let slots = table.words.all_mut().into_iter().chain(&mut table.months);
        for (slot, word) in slots.zip(lines) {
            let fits = !word.trim().is_empty() && word.chars().nth(MAX_WORD_CHARS).is_none();
            if fits && same_placeholders(word, slot) {
                *slot = word;
            }
        }
        table
    }
}

/// The first word of a word file's first line.
const WORD_FILE_HEADER: &str = "storyline-words";

/// Whether the two words have the same `{name}` placeholders, each as often. Counted rather than
/// sorted (no sort for the reader to carry): a word has at most 200 of them.
fn same_placeholders(word: &str, english: &str) -> bool {
    let (found, expected) = (placeholders(word), placeholders(english));
    let count = |names: &[&str], name: &str| names.iter().filter(|other| **other == name).count();
    found.len() == expected.len()
        && found
            .iter()
            .all(|name| count(&found, name) == count(&expected, name))
}

/// The names inside `{…}` in a word, in order.
fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for part in text.split('{').skip(1) {
        if let Some((name, _)) = part.split_once('}') {
            names.push(name);
        }
    }
    names
}

/// A hash (FNV-1a) of the words' names in order and the count of months, worked out as the code
/// compiles: a word file for a table of other words or in another order has another.
const fn order_hash(names: &[&str]) -> u32 {
    const PRIME: u32 = 0x0100_0193;
    let mut hash: u32 = 0x811c_9dc5;
    let mut index = 0;
    while index < names.len() {
        let bytes = names[index].as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            hash = (hash ^ bytes[at] as u32).wrapping_mul(PRIME);
            at += 1;
        }
        hash = (hash ^ b'\n' as u32).wrapping_mul(PRIME);
        index += 1;
    }
    (hash ^ 12).wrapping_mul(PRIME)
}

/// Declares the table of interface words once: every language's table is a [`Words`] value, so
/// a word missing in one language does not compile, and [`Words::entries`] lists them for tests.
macro_rules! interface_words {
    ($($(#[$doc:meta])* $word:ident),* $(,)?) => {
        /// The interface's words in one language. Some hold `{name}` placeholders for [`fill`].
        #[derive(Clone, Debug, PartialEq)]
        pub struct Words {
            $($(#[$doc])* pub $word: &'static str,)*
        }

        impl Words {
            /// Every word with its field name, in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($word), self.$word)),*]
            }

            /// Every word, in declaration order.
            pub fn all(&self) -> Vec<&'static str> {
                vec![$(self.$word),*]
            }

            /// Every word, in declaration order, to be replaced.
            fn all_mut(&mut self) -> Vec<&mut &'static str> {
                vec![$(&mut self.$word),*]
            }
        }

        /// The words' names in declaration order, hashed: what a word file's first line says.
        const WORD_ORDER: u32 = order_hash(&[$(stringify!($word)),*]);
    };
}

interface_words! {
    zoom_in,
    zoom_out,
    fit_all,
    list,
    all,
    none,
    categories,
    zoom,
    events_total,
    events_shown,
    select_hint,
    close_details,
    sources,
    event_details,
    time_area,
    events,
    overview,
    list_label,
    list_summary,
    show_more,
    cluster_name,
    cluster_label,
    /// A break's length on the axis, kept short: it sits inside the break.
    gap_years,
    gap_months,
    gap_days,
    circa,
    loading,
    window_span,
    play,
    play_video,
    plays_from,
    watch_on,
    narrative,
    narrative_position,
    previous,
    previous_event,
    next,
    next_event,
    start,
}

/// A word with its `{name}` placeholders filled from `values`: `fill(words.events_shown,
/// &[("shown", "14"), ("total", "19")])`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const ALBANIAN_MONTHS: [&str; 12] = [
    "janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht", "shtator", "tetor",
    "nëntor", "dhjetor",
];

const HEBREW_MONTHS: [&str; 12] = [
    "ינואר",
    "פברואר",
    "מרץ",
    "אפריל",
    "מאי",
    "יוני",
    "יולי",
    "אוגוסט",
    "ספטמבר",
    "אוקטובר",
    "נובמבר",
    "דצמבר",
];

const ARABIC_MONTHS: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

const FRENCH_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

const GERMAN_MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

const SPANISH_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// The Gregorian months as Iranian news writes them; the timeline's calendar is Gregorian in
/// every language (see `ui/dates.rs`). `Intl` adds the ezafe in a date ("۱۵ ژوئیهٔ ۲۰۲۲");
/// the fallback writes the plain name ("15 ژوئیه 2022"), as Persian also does.
const PERSIAN_MONTHS: [&str; 12] = [
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
];

const ENGLISH: Words = Words {
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    fit_all: "Fit all",
    list: "List",
    all: "All",
    none: "None",
    categories: "Categories",
    zoom: "Zoom",
    events_total: "{total} events",
    events_shown: "{shown} of {total} events shown",
    select_hint: "Select an event on the timeline to read about it here.",
    close_details: "Close details",
    sources: "Sources",
    event_details: "Event details",
    time_area: "Time area: drag or use the arrow keys to move through time, + and - to zoom",
    events: "Events",
    overview: "Visible part of the story",
    list_label: "Events as a list",
    list_summary: "{count} events from {from} to {to}, in time order.",
    show_more: "Show {count} more",
    cluster_name: "{count} events from {from} to {to}: zoom in to see them",
    cluster_label: "{count} events",
    gap_years: "{count} yrs",
    gap_months: "{count} mos",
    gap_days: "{count} days",
    circa: "c.",
    loading: "Loading the timeline",
    window_span: "from {from} to {to}",
    play: "Play",
    play_video: "Play video: {title}",
    plays_from: "Plays from {provider} only when you press Play",
    watch_on: "Watch on {provider}",
    narrative: "Event by event",
    narrative_position: "{n} of {total}",
    previous: "Previous",
    previous_event: "Previous event",
    next: "Next",
    next_event: "Next event",
    start: "Start",
};

const ALBANIAN: Words = Words {
    zoom_in: "Zmadho",
    zoom_out: "Zvogëlo",
    fit_all: "Shfaqi të gjitha",
    list: "Listë",
    all: "Të gjitha",
    none: "Asnjë",
    categories: "Kategoritë",
    zoom: "Zmadhimi",
    events_total: "{total} ngjarje",
    events_shown: "{shown} nga {total} ngjarje të shfaqura",
    select_hint: "Zgjidhni një ngjarje në vijën kohore për të lexuar për të këtu.",
    close_details: "Mbyll hollësitë",
    sources: "Burimet",
    event_details: "Hollësitë e ngjarjes",
    time_area: "Zona kohore: tërhiqni ose përdorni shigjetat për të lëvizur në kohë, + dhe - për të zmadhuar",
    events: "Ngjarjet",
    overview: "Pjesa e dukshme e historisë",
    list_label: "Ngjarjet si listë",
    list_summary: "{count} ngjarje nga {from} deri në {to}, sipas kohës.",
    show_more: "Shfaq {count} të tjera",
    cluster_name: "{count} ngjarje nga {from} deri në {to}: zmadhoni për t'i parë",
    cluster_label: "{count} ngjarje",
    gap_years: "{count} vjet",
    gap_months: "{count} muaj",
    gap_days: "{count} ditë",
    circa: "rreth",
    loading: "Vija kohore po ngarkohet",
    window_span: "nga {from} deri në {to}",
    play: "Luaj",
    play_video: "Luaj videon: {title}",
    plays_from: "Luhet nga {provider} vetëm kur shtypni Luaj",
    watch_on: "Shikojeni në {provider}",
    narrative: "Ngjarje pas ngjarjeje",
    narrative_position: "{n} nga {total}",
    previous: "E mëparshme",
    previous_event: "Ngjarja e mëparshme",
    next: "Tjetër",
    next_event: "Ngjarja tjetër",
    start: "Fillo",
};

const HEBREW: Words = Words {
    zoom_in: "הגדלה",
    zoom_out: "הקטנה",
    fit_all: "הצג הכול",
    list: "רשימה",
    all: "הכול",
    none: "כלום",
    categories: "קטגוריות",
    zoom: "זום",
    events_total: "{total} אירועים",
    events_shown: "מוצגים {shown} מתוך {total} אירועים",
    select_hint: "בחרו אירוע בציר הזמן כדי לקרוא עליו כאן.",
    close_details: "סגירת הפרטים",
    sources: "מקורות",
    event_details: "פרטי האירוע",
    time_area: "אזור הזמן: גררו או השתמשו במקשי החיצים כדי לנוע בזמן, + ו־- לזום",
    events: "אירועים",
    overview: "החלק הנראה של הסיפור",
    list_label: "האירועים כרשימה",
    list_summary: "{count} אירועים מ־{from} עד {to}, לפי סדר הזמן.",
    show_more: "הצג עוד {count}",
    cluster_name: "{count} אירועים מ־{from} עד {to}: הגדילו כדי לראות אותם",
    cluster_label: "{count} אירועים",
    gap_years: "{count} שנים",
    gap_months: "{count} חודשים",
    gap_days: "{count} ימים",
    circa: "בערך",
    loading: "ציר הזמן נטען",
    window_span: "מ־{from} עד {to}",
    play: "הפעלה",
    play_video: "הפעלת הסרטון: {title}",
    plays_from: "מופעל מ־{provider} רק כשלוחצים על הפעלה",
    watch_on: "לצפייה ב־{provider}",
    narrative: "אירוע אחר אירוע",
    narrative_position: "{n} מתוך {total}",
    previous: "הקודם",
    previous_event: "האירוע הקודם",
    next: "הבא",
    next_event: "האירוע הבא",
    start: "התחלה",
};

const ARABIC: Words = Words {
    zoom_in: "تكبير",
    zoom_out: "تصغير",
    fit_all: "عرض الكل",
    list: "قائمة",
    all: "الكل",
    none: "لا شيء",
    categories: "الفئات",
    zoom: "التكبير",
    events_total: "{total} حدثًا",
    events_shown: "يُعرض {shown} من {total} حدثًا",
    select_hint: "اختر حدثًا على الخط الزمني لتقرأ عنه هنا.",
    close_details: "إغلاق التفاصيل",
    sources: "المصادر",
    event_details: "تفاصيل الحدث",
    time_area: "منطقة الزمن: اسحب أو استخدم مفاتيح الأسهم للتنقل عبر الزمن، و+ و- للتكبير",
    events: "الأحداث",
    overview: "الجزء الظاهر من القصة",
    list_label: "الأحداث كقائمة",
    list_summary: "{count} حدثًا من {from} إلى {to}، بترتيب زمني.",
    show_more: "عرض {count} أخرى",
    cluster_name: "{count} حدثًا من {from} إلى {to}: كبّر لرؤيتها",
    cluster_label: "{count} حدثًا",
    gap_years: "{count} سنة",
    gap_months: "{count} شهرًا",
    gap_days: "{count} يومًا",
    circa: "حوالي",
    loading: "جارٍ تحميل الخط الزمني",
    window_span: "من {from} إلى {to}",
    play: "تشغيل",
    play_video: "تشغيل الفيديو: {title}",
    plays_from: "يُشغَّل من {provider} فقط عند الضغط على تشغيل",
    watch_on: "شاهد على {provider}",
    narrative: "حدثًا بعد حدث",
    narrative_position: "{n} من {total}",
    previous: "السابق",
    previous_event: "الحدث السابق",
    next: "التالي",
    next_event: "الحدث التالي",
    start: "ابدأ",
};

const FRENCH: Words = Words {
    zoom_in: "Zoom avant",
    zoom_out: "Zoom arrière",
    fit_all: "Tout afficher",
    list: "Liste",
    all: "Toutes",
    none: "Aucune",
    categories: "Catégories",
    zoom: "Zoom",
    events_total: "{total} événements",
    events_shown: "{shown} événements affichés sur {total}",
    select_hint: "Choisissez un événement sur la frise pour le lire ici.",
    close_details: "Fermer le détail",
    sources: "Sources",
    event_details: "Détail de l’événement",
    time_area:
        "Frise : faites glisser ou utilisez les flèches pour vous déplacer, + et - pour zoomer",
    events: "Événements",
    overview: "Partie visible de l’histoire",
    list_label: "Les événements en liste",
    list_summary: "{count} événements de {from} à {to}, dans l’ordre chronologique.",
    show_more: "Afficher {count} de plus",
    cluster_name: "{count} événements de {from} à {to} : zoomez pour les voir",
    cluster_label: "{count} événements",
    gap_years: "{count} ans",
    gap_months: "{count} mois",
    gap_days: "{count} jours",
    circa: "vers",
    loading: "Chargement de la frise",
    window_span: "de {from} à {to}",
    play: "Lire",
    play_video: "Lire la vidéo : {title}",
    plays_from: "Lue depuis {provider} seulement quand vous appuyez sur Lire",
    watch_on: "Voir sur {provider}",
    narrative: "Événement par événement",
    narrative_position: "{n} sur {total}",
    previous: "Précédent",
    previous_event: "Événement précédent",
    next: "Suivant",
    next_event: "Événement suivant",
    start: "Commencer",
};

const GERMAN: Words = Words {
    zoom_in: "Vergrößern",
    zoom_out: "Verkleinern",
    fit_all: "Alles zeigen",
    list: "Liste",
    all: "Alle",
    none: "Keine",
    categories: "Kategorien",
    zoom: "Zoom",
    events_total: "{total} Ereignisse",
    events_shown: "{shown} von {total} Ereignissen angezeigt",
    select_hint: "Wählen Sie ein Ereignis auf dem Zeitstrahl, um hier darüber zu lesen.",
    close_details: "Details schließen",
    sources: "Quellen",
    event_details: "Details zum Ereignis",
    time_area:
        "Zeitbereich: ziehen oder mit den Pfeiltasten durch die Zeit gehen, + und - zum Zoomen",
    events: "Ereignisse",
    overview: "Sichtbarer Teil der Geschichte",
    list_label: "Ereignisse als Liste",
    list_summary: "{count} Ereignisse von {from} bis {to}, in zeitlicher Folge.",
    show_more: "{count} weitere zeigen",
    cluster_name: "{count} Ereignisse von {from} bis {to}: vergrößern, um sie zu sehen",
    cluster_label: "{count} Ereignisse",
    gap_years: "{count} J.",
    gap_months: "{count} Mon.",
    gap_days: "{count} Tage",
    circa: "um",
    loading: "Zeitstrahl wird geladen",
    window_span: "von {from} bis {to}",
    play: "Abspielen",
    play_video: "Video abspielen: {title}",
    plays_from: "Wird erst beim Abspielen von {provider} geladen",
    watch_on: "Auf {provider} ansehen",
    narrative: "Ereignis für Ereignis",
    narrative_position: "{n} von {total}",
    previous: "Zurück",
    previous_event: "Zurück zum vorherigen Ereignis",
    next: "Weiter",
    next_event: "Weiter zum nächsten Ereignis",
    start: "Starten",
};

const SPANISH: Words = Words {
    zoom_in: "Acercar",
    zoom_out: "Alejar",
    fit_all: "Ver todo",
    list: "Lista",
    all: "Todas",
    none: "Ninguna",
    categories: "Categorías",
    zoom: "Zoom",
    events_total: "{total} acontecimientos",
    events_shown: "{shown} de {total} acontecimientos visibles",
    select_hint: "Elija un acontecimiento en la cronología para leer sobre él aquí.",
    close_details: "Cerrar detalles",
    sources: "Fuentes",
    event_details: "Detalles del acontecimiento",
    time_area:
        "Zona de tiempo: arrastre o use las flechas para moverse en el tiempo, + y - para el zoom",
    events: "Acontecimientos",
    overview: "Parte visible de la historia",
    list_label: "Acontecimientos en lista",
    list_summary: "{count} acontecimientos de {from} a {to}, en orden cronológico.",
    show_more: "Mostrar {count} más",
    cluster_name: "{count} acontecimientos de {from} a {to}: acerque para verlos",
    cluster_label: "{count} acontecimientos",
    gap_years: "{count} años",
    gap_months: "{count} meses",
    gap_days: "{count} días",
    circa: "hacia",
    loading: "Cargando la cronología",
    window_span: "de {from} a {to}",
    play: "Reproducir",
    play_video: "Reproducir el vídeo: {title}",
    plays_from: "Se carga desde {provider} solo al pulsar Reproducir",
    watch_on: "Ver en {provider}",
    narrative: "Evento a evento",
    narrative_position: "{n} de {total}",
    previous: "Anterior",
    previous_event: "Evento anterior",
    next: "Siguiente",
    next_event: "Evento siguiente",
    start: "Empezar",
};

const PERSIAN: Words = Words {
    zoom_in: "بزرگ‌نمایی",
    zoom_out: "کوچک‌نمایی",
    fit_all: "نمایش همه",
    list: "فهرست",
    all: "همه",
    none: "هیچ‌کدام",
    categories: "دسته‌ها",
    zoom: "زوم",
    events_total: "{total} رویداد",
    events_shown: "نمایش {shown} از {total} رویداد",
    select_hint: "رویدادی را روی خط زمان برگزینید تا شرحش اینجا بیاید.",
    close_details: "بستن جزئیات",
    sources: "منابع",
    event_details: "جزئیات رویداد",
    time_area: "محدودهٔ زمان: بکشید یا با کلیدهای جهت‌نما جابه‌جا شوید؛ با + و - زوم کنید",
    events: "رویدادها",
    overview: "بخش نمایان روایت",
    list_label: "فهرست رویدادها",
    list_summary: "{count} رویداد از {from} تا {to}، به ترتیب زمانی.",
    show_more: "نمایش {count} مورد دیگر",
    cluster_name: "{count} رویداد از {from} تا {to}: برای دیدنشان زوم کنید",
    cluster_label: "{count} رویداد",
    gap_years: "{count} سال",
    gap_months: "{count} ماه",
    gap_days: "{count} روز",
    circa: "حدود",
    loading: "بارگذاری خط زمان",
    window_span: "از {from} تا {to}",
    play: "پخش",
    play_video: "پخش ویدیو: {title}",
    plays_from: "فقط با زدن «پخش» از {provider} پخش می‌شود",
    watch_on: "تماشا در {provider}",
    narrative: "گام به گام",
    narrative_position: "{n} از {total}",
    previous: "قبلی",
    previous_event: "رویداد قبلی",
    next: "بعدی",
    next_event: "رویداد بعدی",
    start: "شروع",
};

/// Loads every language's words from its word file, as the reader does for a story's language
/// (in a build that loads them at run time; elsewhere they are built in already).
#[cfg(test)]
pub(crate) fn load_every_language() {
    for language in LANGUAGES {
        assert!(language.load_words(&WordTable::built_in(language).file()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the reader's builds find the word files: `words/` at the repository's root (trunk
    /// copies it beside the reader's code).
    fn word_folder() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../words")
    }

    fn leaked(text: &str) -> &'static str {
        Box::leak(text.to_owned().into_boxed_str())
    }

    /// The files are written from the tables: `STORYLINE_WRITE_WORDS=1 cargo test -p
    /// storyline-core word_files` writes them again after a word changes.
    #[test]
    fn word_files_are_the_tables() {
        let folder = word_folder();
        let write = std::env::var_os("STORYLINE_WRITE_WORDS").is_some();
        let mut expected = Vec::new();
        for language in LANGUAGES.into_iter().skip(1) {
            let name = format!("{}.txt", language.tag());
            let file = WordTable::built_in(language).file();
            if write {
                std::fs::create_dir_all(&folder).unwrap();
                std::fs::write(folder.join(&name), &file).unwrap();
            }
            let written = std::fs::read_to_string(folder.join(&name)).unwrap_or_default();
            assert!(
                written == file,
                "words/{name} differs from the {language:?} table: run STORYLINE_WRITE_WORDS=1 cargo test -p storyline-core word_files"
            );
            assert!(file.len() < MAX_WORD_FILE_BYTES / 4, "{name}");
            expected.push(name);
        }
        let mut found: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        found.sort();
        expected.sort();
        // English is built in: a file for it (or a stale one) would only mislead.
        assert_eq!(found, expected);
    }

    #[test]
    fn every_word_file_reads_back_as_its_table() {
        for language in LANGUAGES {
            let table = WordTable::built_in(language);
            let file = table.file();
            assert!(!file.contains("\r"));
            assert_eq!(file.lines().count(), 1 + table.words.all().len() + 12);
            assert_eq!(WordTable::read(leaked(&file)), table, "{language:?}");
            // With Windows line ends, and a byte-order mark, too.
            let windows = format!("\u{feff}{}", file.replace('\n', "\r\n"));
            assert_eq!(WordTable::read(leaked(&windows)), table, "{language:?}");
        }
    }

    /// A word file whose lines are these words, in the table's order (English's after them).
    fn file_of(words: &[&str]) -> &'static str {
        let english = WordTable::built_in(Language::English);
        let rest = english
            .words
            .all()
            .into_iter()
            .chain(english.months)
            .skip(words.len());
        let lines: Vec<&str> = words.iter().copied().chain(rest).collect();
        leaked(&format!(
            "{WORD_FILE_HEADER} {WORD_ORDER}\n{}\n",
            lines.join("\n")
        ))
    }

    #[test]
    fn a_word_file_keeps_english_wherever_its_line_is_unfit() {
        let english = WordTable::built_in(Language::English);
        let long = "ë".repeat(MAX_WORD_CHARS + 1);
        let table = WordTable::read(file_of(&[
            "Zmadho",
            // Empty, or spaces only.
            "",
            "   ",
            "Listë",
            "Të gjitha",
            "Asnjë",
            &long,
            "Zmadhimi",
            // Lost its placeholder: the count would not show.
            "ngjarje",
            // Its placeholders, in its own order: kept.
            "{total} ngjarje, {shown} të shfaqura",
            // A placeholder English does not fill.
            "Zgjidhni {event}",
        ]));
        let mut expected = english.clone();
        expected.words.zoom_in = "Zmadho";
        expected.words.list = "Listë";
        expected.words.all = "Të gjitha";
        expected.words.none = "Asnjë";
        expected.words.zoom = "Zmadhimi";
        expected.words.events_shown = "{total} ngjarje, {shown} të shfaqura";
        assert_eq!(table, expected);
        // A file cut short keeps English's words after its end.
        let short = WordTable::read(leaked(&format!("{WORD_FILE_HEADER} {WORD_ORDER}\nZmadho")));
        assert_eq!(short.words.zoom_in, "Zmadho");
        assert_eq!(short.words.zoom_out, "Zoom out");
        assert_eq!(short.months, english.months);
    }

    #[test]
    fn a_word_file_for_other_words_is_not_read() {
        let albanian = WordTable::built_in(Language::Albanian).file();
        let body = albanian.split_once('\n').unwrap().1;
        let english = WordTable::built_in(Language::English);
        for header in [
            String::new(),
            "storyline-words".to_string(),
            format!("storyline-words {}", WORD_ORDER.wrapping_add(1)),
            format!("storyline-words {WORD_ORDER}x"),
            format!("words {WORD_ORDER}"),
        ] {
            let file = leaked(&format!("{header}\n{body}"));
            assert_eq!(WordTable::read(file), english, "{header}");
        }
        // The hash tells the order of the names, not only the names.
        assert_ne!(
            order_hash(&["zoom_in", "zoom_out"]),
            order_hash(&["zoom_out", "zoom_in"])
        );
        assert_ne!(
            order_hash(&["zoom_in"]),
            order_hash(&["zoom_in", "zoom_out"])
        );
    }

    #[test]
    fn a_language_has_its_words_once_loaded_and_the_first_file_stays() {
        let loaded = LoadedWords::new();
        let albanian = WordTable::built_in(Language::Albanian);
        assert!(loaded.get(Language::Albanian).is_none());
        assert_eq!(loaded.get(Language::English), Some(&ENGLISH_TABLE));
        loaded.load(Language::Albanian, &albanian.file());
        loaded.load(
            Language::Albanian,
            &WordTable::built_in(Language::French).file(),
        );
        assert_eq!(loaded.get(Language::Albanian), Some(&albanian));
        // English cannot be replaced; a file too long to be a word file is not read.
        loaded.load(Language::English, &albanian.file());
        assert_eq!(loaded.get(Language::English), Some(&ENGLISH_TABLE));
        assert!(loaded.0[Language::English as usize].get().is_none());
        let german = WordTable::built_in(Language::German).file();
        let huge = german.clone() + &"\n".repeat(MAX_WORD_FILE_BYTES - german.len() + 1);
        loaded.load(Language::German, &huge);
        assert!(loaded.get(Language::German).is_none());
        loaded.load(Language::German, &huge[..MAX_WORD_FILE_BYTES]);
        assert_eq!(
            loaded.get(Language::German),
            Some(&WordTable::built_in(Language::German))
        );
        assert!(Language::English.has_words());
    }

    /// Each language's words, loaded from its file where the build fetches them, are its table.
    #[test]
    fn every_language_speaks_its_own_words_once_loaded() {
        load_every_language();
        for language in LANGUAGES {
            assert!(language.has_words());
            assert_eq!(*language.words(), WordTable::built_in(language).words);
            assert_eq!(
                *language.month_names(),
                WordTable::built_in(language).months
            );
        }
    }

    #[test]
    fn persian_writes_its_own_digits_and_the_others_keep_theirs() {
        assert_eq!(Language::Persian.number(2022), "۲۰۲۲");
        assert_eq!(
            Language::Persian.digits("1.2k, 23–25 اکتبر 2022".to_string()),
            "۱.۲k, ۲۳–۲۵ اکتبر ۲۰۲۲"
        );
        for language in LANGUAGES {
            if language != Language::Persian {
                assert_eq!(language.number(1234), "1234");
            }
        }
    }

    #[test]
    fn every_language_has_every_word_with_the_same_placeholders() {
        load_every_language();
        let english = ENGLISH.entries();
        for language in LANGUAGES {
            for ((name, text), (_, english)) in language.words().entries().into_iter().zip(&english)
            {
                assert!(!text.trim().is_empty(), "{language:?}: {name} is empty");
                assert!(same_placeholders(text, english), "{language:?}: {name}");
            }
        }
    }

    #[test]
    fn tags_choose_a_language_and_its_direction() {
        assert_eq!(Language::from_tag("he-IL"), Some(Language::Hebrew));
        assert_eq!(Language::from_tag("SQ"), Some(Language::Albanian));
        assert_eq!(Language::from_tag("pt-BR"), None);
        assert!(Language::Arabic.is_right_to_left() && !Language::French.is_right_to_left());
        assert_eq!(Language::from_tag("fa"), Some(Language::Persian));
        assert_eq!(Language::from_tag("fa-IR"), Some(Language::Persian));
        assert_eq!(Language::from_tag("FA_af"), Some(Language::Persian));
        assert!(Language::Persian.is_right_to_left());
        assert_eq!(
            Language::choose([Some("xx"), Some("fa-IR"), Some("en")]),
            Language::Persian
        );
        assert_eq!(
            Language::choose([None, Some("xx"), Some("de-AT")]),
            Language::German
        );
        assert_eq!(Language::choose([None]), Language::English);
    }

    /// Persian is written with its own yeh and kaf (ی, ک): the Arabic letters (ي, ك) look alike
    /// in some fonts but are other letters to search, screen readers and Persian typography.
    #[test]
    fn persian_words_use_persian_letters() {
        load_every_language();
        let words = Language::Persian.words().entries();
        let months = Language::Persian.month_names().map(|name| ("month", name));
        for (name, text) in words.into_iter().chain(months) {
            assert!(!text.contains(['\u{064A}', '\u{0643}']), "{name}: {text}");
            assert!(
                text.chars()
                    .any(|letter| ('\u{0600}'..='\u{06FF}').contains(&letter)),
                "{name} is not in Persian: {text}"
            );
        }
        assert_eq!(
            fill(
                Language::Persian.words().events_shown,
                &[("shown", "14"), ("total", "19")]
            ),
            "نمایش 14 از 19 رویداد"
        );
    }

    #[test]
    fn placeholders_are_filled() {
        load_every_language();
        assert_eq!(
            fill(
                Language::English.words().events_shown,
                &[("shown", "14"), ("total", "19")]
            ),
            "14 of 19 events shown"
        );
        assert_eq!(
            fill(
                Language::German.words().window_span,
                &[("from", "1939"), ("to", "2022")]
            ),
            "von 1939 bis 2022"
        );
        assert_eq!(Language::Albanian.words().zoom_in, "Zmadho");
        assert_eq!(Language::Albanian.month_names()[3], "prill");
        for language in LANGUAGES {
            assert!(
                language
                    .month_names()
                    .iter()
                    .all(|name| !name.trim().is_empty()),
                "{language:?}"
            );
        }
    }
}
