//! The reader-facing words of the timeline in each supported language, and which way it reads.
//!
//! Dates are written by the browser (`Intl.DateTimeFormat`) where it knows the language, else by
//! the core from the month names kept here (`core/words.rs`).

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

    /// Every word of the interface in this language.
    pub fn words(self) -> &'static Words {
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

    /// The names of the months, January first: the core writes dates with them (English, and
    /// languages whose `Intl` the browser lacks). Typed, so a missing month does not compile.
    pub fn month_names(self) -> &'static [&'static str; 12] {
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

/// Declares the table of interface words once: every language's table is a [`Words`] value, so
/// a word missing in one language does not compile, and [`Words::entries`] lists them for tests.
macro_rules! interface_words {
    ($($(#[$doc:meta])* $word:ident),* $(,)?) => {
        /// The interface's words in one language. Some hold `{name}` placeholders for [`fill`].
        #[derive(Debug)]
        pub struct Words {
            $($(#[$doc])* pub $word: &'static str,)*
        }

        impl Words {
            /// Every word with its field name, in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($word), self.$word)),*]
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

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

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn every_language_has_every_word_with_the_same_placeholders() {
        let english = ENGLISH.entries();
        for language in LANGUAGES {
            for ((name, text), (_, english)) in language.words().entries().into_iter().zip(&english)
            {
                assert!(!text.trim().is_empty(), "{language:?}: {name} is empty");
                assert_eq!(
                    placeholders(text),
                    placeholders(english),
                    "{language:?}: {name}"
                );
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
