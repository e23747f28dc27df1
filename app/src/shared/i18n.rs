//! The interface languages, their plural rules, and the texts the map island needs in the
//! active language. The catalogues themselves are Fluent files (`app/locales/<code>/`) read on
//! the server (`server::i18n`); the browser only receives the island's messages, already in
//! the active language, in the page data.

use leptos::prelude::WithValue;
use serde::{Deserialize, Serialize};

/// A language of the interface. Offers themselves stay German.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    #[serde(rename = "de")]
    German,
    #[serde(rename = "en")]
    English,
    #[serde(rename = "tr")]
    Turkish,
    #[serde(rename = "ar")]
    Arabic,
    #[serde(rename = "uk")]
    Ukrainian,
}

impl Locale {
    /// In the order the language switch shows them.
    pub const ALL: [Locale; 5] = [
        Locale::German,
        Locale::English,
        Locale::Turkish,
        Locale::Arabic,
        Locale::Ukrainian,
    ];

    /// The BCP 47 code, for `lang` attributes, the cookie and the catalogue folders.
    pub fn code(self) -> &'static str {
        match self {
            Locale::German => "de",
            Locale::English => "en",
            Locale::Turkish => "tr",
            Locale::Arabic => "ar",
            Locale::Ukrainian => "uk",
        }
    }

    /// The language's name in itself, as the switch offers it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::German => "Deutsch",
            Locale::English => "English",
            Locale::Turkish => "Türkçe",
            Locale::Arabic => "العربية",
            Locale::Ukrainian => "Українська",
        }
    }

    /// Writing direction, for the `dir` attribute.
    pub fn direction(self) -> &'static str {
        match self {
            Locale::Arabic => "rtl",
            _ => "ltr",
        }
    }

    /// A language tag such as `tr`, `tr-TR` or `AR`; `None` for languages the interface lacks.
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL
            .into_iter()
            .find(|locale| locale.code() == primary)
    }

    /// The first language of an `Accept-Language` header the interface has, by the client's
    /// preference (`q`); `None` if there is none (then German applies).
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut wanted: Vec<(f32, usize, Locale)> = header
            .split(',')
            .enumerate()
            .filter_map(|(position, item)| {
                let mut parts = item.split(';');
                let locale = Locale::parse(parts.next()?)?;
                let quality = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (quality > 0.0).then_some((quality, position, locale))
            })
            .collect();
        wanted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        wanted.first().map(|(_, _, locale)| *locale)
    }
}

/// CLDR plural categories of whole numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    pub const ALL: [PluralCategory; 6] = [
        PluralCategory::Zero,
        PluralCategory::One,
        PluralCategory::Two,
        PluralCategory::Few,
        PluralCategory::Many,
        PluralCategory::Other,
    ];

    /// The name Fluent uses for the category's variant.
    pub fn name(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }
}

/// The CLDR cardinal plural rule of `locale` for a whole number. Written out here because the
/// browser needs only these five (the full rule data would cost the Wasm far more); a server
/// test checks them against the CLDR data Fluent uses.
pub fn plural_category(locale: Locale, n: u64) -> PluralCategory {
    let (last, last_two) = (n % 10, n % 100);
    match locale {
        Locale::German | Locale::English | Locale::Turkish => {
            if n == 1 {
                PluralCategory::One
            } else {
                PluralCategory::Other
            }
        }
        Locale::Ukrainian => match (last, last_two) {
            (1, l2) if l2 != 11 => PluralCategory::One,
            (2..=4, l2) if !(12..=14).contains(&l2) => PluralCategory::Few,
            _ => PluralCategory::Many,
        },
        Locale::Arabic => match (n, last_two) {
            (0, _) => PluralCategory::Zero,
            (1, _) => PluralCategory::One,
            (2, _) => PluralCategory::Two,
            (_, 3..=10) => PluralCategory::Few,
            (_, 11..=99) => PluralCategory::Many,
            _ => PluralCategory::Other,
        },
    }
}

/// The island's messages in one language: `{$name}` marks where an argument goes; a message
/// that depends on a number is stored once per plural category as `id[category]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Texts {
    pub locale: Locale,
    /// Sorted by id: a plain list decodes with less code in the Wasm than a map.
    messages: Vec<(String, String)>,
}

impl crate::shared::json_read::ReadJson for Locale {
    /// The code serde writes (`"de"` …).
    fn read_json<S: crate::shared::json_read::JsonSource>(source: &S) -> Result<Self, String> {
        let code = source.text().unwrap_or_default();
        Locale::ALL
            .into_iter()
            .find(|locale| locale.code() == code)
            .ok_or_else(|| format!("keine Sprache: {code}"))
    }
}

impl crate::shared::json_read::ReadJson for Texts {
    fn read_json<S: crate::shared::json_read::JsonSource>(source: &S) -> Result<Self, String> {
        let m = crate::shared::json_read::Members(source);
        // Sorted again: the lookup's binary search must not depend on the sender.
        Ok(Texts::new(
            m.get("locale")?,
            m.get::<Vec<(String, String)>>("messages")?,
        ))
    }
}

impl Texts {
    pub fn new(locale: Locale, messages: impl IntoIterator<Item = (String, String)>) -> Texts {
        let mut messages: Vec<(String, String)> = messages.into_iter().collect();
        messages.sort_by(|a, b| a.0.cmp(&b.0));
        Texts { locale, messages }
    }

    fn lookup(&self, id: &str) -> Option<&String> {
        self.messages
            .binary_search_by(|(known, _)| known.as_str().cmp(id))
            .ok()
            .map(|index| &self.messages[index].1)
    }

    /// Whether the catalogue has message `id` (plain, or in plural forms).
    pub fn has(&self, id: &str) -> bool {
        self.lookup(id).is_some() || self.lookup(&format!("{id}[other]")).is_some()
    }

    /// The ids it holds (plural forms as `id[category]`).
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.messages.iter().map(|(id, _)| id.as_str())
    }
    /// The message `id`; its id if the catalogue lacks it (the server falls back to German,
    /// so this shows only a programming error, and visibly).
    pub fn get(&self, id: &str) -> String {
        self.lookup(id).cloned().unwrap_or_else(|| id.to_string())
    }

    /// The message `id` with its arguments filled in.
    pub fn with(&self, id: &str, args: &[(&str, &str)]) -> String {
        fill(self.get(id), args)
    }

    /// The message `id` for the number `count` (its plural form), with `{$count}` and the
    /// other arguments filled in.
    pub fn count(&self, id: &str, count: usize, args: &[(&str, &str)]) -> String {
        let category = plural_category(self.locale, count as u64);
        let message = [category.name(), "other"]
            .iter()
            .find_map(|name| self.lookup(&format!("{id}[{name}]")))
            .cloned()
            .unwrap_or_else(|| self.get(id));
        fill(message.replace("{$count}", &count.to_string()), args)
    }
}

fn fill(mut message: String, args: &[(&str, &str)]) -> String {
    for (name, value) in args {
        message = message.replace(&format!("{{${name}}}"), value);
    }
    message
}

/// The island's texts as a handle that copies into closures freely.
#[derive(Clone, Copy)]
pub struct Translate(leptos::prelude::StoredValue<Texts>);

impl Translate {
    pub fn new(texts: Texts) -> Translate {
        Translate(leptos::prelude::StoredValue::new(texts))
    }
    /// See [`Texts::get`].
    pub fn get(self, id: &str) -> String {
        self.0.with_value(|texts| texts.get(id))
    }
    /// See [`Texts::with`].
    pub fn with(self, id: &str, args: &[(&str, &str)]) -> String {
        self.0.with_value(|texts| texts.with(id, args))
    }
    /// See [`Texts::count`].
    pub fn count(self, id: &str, count: usize, args: &[(&str, &str)]) -> String {
        self.0.with_value(|texts| texts.count(id, count, args))
    }
    /// Whether the catalogue has message `id`.
    pub fn has(self, id: &str) -> bool {
        self.0.with_value(|texts| texts.has(id))
    }
}

/// The island's texts from the context (provided from the page data); message ids if missing.
pub fn use_texts() -> Translate {
    leptos::prelude::use_context::<Translate>().unwrap_or_else(|| Translate::new(Texts::default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_parse_by_their_primary_subtag() {
        assert_eq!(Locale::parse("tr-TR"), Some(Locale::Turkish));
        assert_eq!(Locale::parse(" AR "), Some(Locale::Arabic));
        assert_eq!(Locale::parse("uk_UA"), Some(Locale::Ukrainian));
        assert_eq!(Locale::parse("ru"), None);
        assert_eq!(Locale::parse(""), None);
    }

    #[test]
    fn accept_language_picks_the_most_wanted_language_we_have() {
        assert_eq!(
            Locale::from_accept_language("ru-RU, uk;q=0.9, en;q=0.8"),
            Some(Locale::Ukrainian)
        );
        assert_eq!(
            Locale::from_accept_language("en;q=0.5, ar"),
            Some(Locale::Arabic)
        );
        assert_eq!(Locale::from_accept_language("fr, tr;q=0"), None);
        assert_eq!(Locale::from_accept_language(""), None);
        assert_eq!(
            Locale::from_accept_language("de-DE,de;q=0.9"),
            Some(Locale::German)
        );
    }

    #[test]
    fn arabic_is_written_right_to_left() {
        assert_eq!(Locale::Arabic.direction(), "rtl");
        assert!(
            Locale::ALL
                .iter()
                .filter(|l| **l != Locale::Arabic)
                .all(|l| l.direction() == "ltr")
        );
    }

    #[test]
    fn counted_messages_take_the_plural_form_of_the_number() {
        let texts = Texts::new(
            Locale::Ukrainian,
            [
                ("found[one]", "{$count} пропозиція"),
                ("found[few]", "{$count} пропозиції"),
                ("found[many]", "{$count} пропозицій"),
                ("near", "від {$place}"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string())),
        );
        assert_eq!(texts.count("found", 21, &[]), "21 пропозиція");
        assert_eq!(texts.count("found", 3, &[]), "3 пропозиції");
        assert_eq!(texts.count("found", 11, &[]), "11 пропозицій");
        assert_eq!(texts.with("near", &[("place", "Dülmen")]), "від Dülmen");
        assert_eq!(texts.get("unknown"), "unknown");
    }
}
