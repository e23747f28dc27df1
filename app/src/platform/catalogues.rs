//! The interface's Fluent catalogues (`app/locales/<code>/*.ftl`), compiled into the server:
//! messages in the visitor's language with German as the fallback, the language a request
//! asks for (cookie, then `Accept-Language`), and the island's share of a catalogue.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast::Entry;

use crate::shared::i18n::{Locale, PluralCategory, Texts, plural_category};

/// The cookie that remembers the chosen language (a preference, not tracking: it holds the
/// language code only).
pub const LANGUAGE_COOKIE: &str = "chancenkarte_sprache";

/// One catalogue file: the map island's messages (sent to the browser) or the pages' (server
/// only).
struct Source {
    locale: Locale,
    island: &'static str,
    pages: &'static str,
}

macro_rules! source {
    ($locale:expr, $code:literal) => {
        Source {
            locale: $locale,
            island: include_str!(concat!("../../locales/", $code, "/karte.ftl")),
            pages: include_str!(concat!("../../locales/", $code, "/seiten.ftl")),
        }
    };
}

const SOURCES: [Source; 5] = [
    source!(Locale::German, "de"),
    source!(Locale::English, "en"),
    source!(Locale::Turkish, "tr"),
    source!(Locale::Arabic, "ar"),
    source!(Locale::Ukrainian, "uk"),
];

fn source(locale: Locale) -> &'static Source {
    SOURCES
        .iter()
        .find(|source| source.locale == locale)
        .expect("every locale has a catalogue")
}

fn parse(locale: Locale, text: &'static str) -> FluentResource {
    FluentResource::try_new(text.to_string()).unwrap_or_else(|(_, errors)| {
        panic!(
            "the {} catalogue has syntax errors: {errors:?}",
            locale.code()
        )
    })
}

fn language_id(locale: Locale) -> unic_langid::LanguageIdentifier {
    locale.code().parse().expect("valid language code")
}

/// Every catalogue, parsed once. A syntax error stops the server at its first page, and the
/// unit tests before that.
static BUNDLES: LazyLock<Vec<(Locale, FluentBundle<FluentResource>)>> = LazyLock::new(|| {
    Locale::ALL
        .into_iter()
        .map(|locale| {
            let source = source(locale);
            let mut bundle = FluentBundle::new_concurrent(vec![language_id(locale)]);
            // Markup is HTML, not plain text: direction is set with `dir`, and Unicode
            // isolation marks would only get in the way of copying and searching.
            bundle.set_use_isolating(false);
            for text in [source.island, source.pages] {
                bundle
                    .add_resource(parse(locale, text))
                    .unwrap_or_else(|errors| panic!("{}: {errors:?}", locale.code()));
            }
            (locale, bundle)
        })
        .collect()
});

fn bundle(locale: Locale) -> &'static FluentBundle<FluentResource> {
    &BUNDLES
        .iter()
        .find(|(l, _)| *l == locale)
        .expect("every locale has a bundle")
        .1
}

/// Formats message `id` in `locale`, or in German where that catalogue lacks it.
pub fn message(locale: Locale, id: &str, args: Option<&FluentArgs>) -> String {
    for locale in [locale, Locale::German] {
        let bundle = bundle(locale);
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = vec![];
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
    }
    // Only a programming error gets here (the unit tests list every id German lacks); the id
    // shows what is missing instead of an empty space.
    tracing::warn!(id, "no such message in the German catalogue");
    id.to_string()
}

/// The language of the page being rendered (see [`locale_of`]).
pub fn current_locale() -> Locale {
    leptos::prelude::use_context::<Locale>().unwrap_or_else(|| {
        leptos::prelude::use_context::<axum::http::request::Parts>()
            .map(|parts| locale_of(&parts.headers))
            .unwrap_or_default()
    })
}

/// The language a request asks for: the remembered choice, else the browser's preference,
/// else German.
pub fn locale_of(headers: &axum::http::HeaderMap) -> Locale {
    let chosen = headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(LANGUAGE_COOKIE)?.strip_prefix('='))
        .and_then(Locale::parse);
    chosen
        .or_else(|| {
            headers
                .get(axum::http::header::ACCEPT_LANGUAGE)
                .and_then(|value| value.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or_default()
}

/// Message `id` in the page's language.
pub fn t(id: &str) -> String {
    message(current_locale(), id, None)
}

/// Message `id` in the page's language with arguments (numbers select plural forms).
pub fn t_with(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    message(current_locale(), id, Some(&fluent_args))
}

/// The ids of the messages in one catalogue text.
fn message_ids(text: &'static str) -> Vec<String> {
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// A whole number for each plural category `locale` uses: the smallest from 2 up that falls
/// into it (0 and 1 only where nothing else does), so that exact-number variants such as
/// `[1]` do not stand in for a whole category.
fn plural_examples(locale: Locale) -> Vec<(PluralCategory, u64)> {
    PluralCategory::ALL
        .into_iter()
        .filter_map(|category| {
            (2..200u64)
                .chain(0..2)
                .find(|n| plural_category(locale, *n) == category)
                .map(|n| (category, n))
        })
        .collect()
}

/// The map island's messages in `locale`, German where it lacks one, as templates: `{$name}`
/// for each argument and, for messages that depend on `$count`, one template per plural
/// category.
pub fn island_texts(locale: Locale) -> Texts {
    static ALL: LazyLock<Vec<Texts>> =
        LazyLock::new(|| Locale::ALL.into_iter().map(build_island_texts).collect());
    ALL.iter()
        .find(|texts| texts.locale == locale)
        .cloned()
        .unwrap_or_default()
}

fn build_island_texts(locale: Locale) -> Texts {
    let bundles: Vec<fluent_bundle::FluentBundle<FluentResource>> = [locale, Locale::German]
        .into_iter()
        .map(|locale| {
            let mut bundle = fluent_bundle::FluentBundle::new(vec![language_id(locale)]);
            bundle.set_use_isolating(false);
            // The count stays a placeholder; the browser puts the number in.
            bundle.set_formatter(Some(|value, _| {
                matches!(value, FluentValue::Number(_)).then(|| "{$count}".to_string())
            }));
            bundle
                .add_resource(parse(locale, source(locale).island))
                .expect("island catalogue");
            bundle
        })
        .collect();
    let mut messages = BTreeMap::new();
    for id in message_ids(source(Locale::German).island) {
        let Some((bundle, pattern)) = bundles
            .iter()
            .find_map(|bundle| Some((bundle, bundle.get_message(&id)?.value()?)))
        else {
            continue;
        };
        let forms: BTreeMap<&str, String> = plural_examples(bundle_locale(bundle, locale))
            .into_iter()
            .map(|(category, n)| {
                let mut args = FluentArgs::new();
                args.set("count", n);
                let mut errors = vec![];
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                (category.name(), text.into_owned())
            })
            .collect();
        let distinct: BTreeSet<&String> = forms.values().collect();
        if distinct.len() > 1 {
            for (category, text) in forms {
                messages.insert(format!("{id}[{category}]"), text);
            }
        } else if let Some(text) = distinct.into_iter().next() {
            messages.insert(id, text.clone());
        }
    }
    Texts::new(locale, messages)
}

/// Which locale a bundle of the pair built for `wanted` is: the first, or the German fallback.
fn bundle_locale(bundle: &fluent_bundle::FluentBundle<FluentResource>, wanted: Locale) -> Locale {
    let first = bundle.locales.first().map(|id| id.language.as_str());
    if first == Some(wanted.code()) {
        wanted
    } else {
        Locale::German
    }
}

/// The message ids German has and `locale` lacks, for each file; empty when complete.
pub fn missing_messages(locale: Locale) -> Vec<String> {
    let german = source(Locale::German);
    let other = source(locale);
    [(german.island, other.island), (german.pages, other.pages)]
        .into_iter()
        .flat_map(|(german, other)| {
            let present: BTreeSet<String> = message_ids(other).into_iter().collect();
            message_ids(german)
                .into_iter()
                .filter(move |id| !present.contains(id))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_catalogue_misses_a_message_german_has() {
        let missing: Vec<String> = Locale::ALL
            .into_iter()
            .filter_map(|locale| {
                let missing = missing_messages(locale);
                (!missing.is_empty()).then(|| format!("{}: {}", locale.code(), missing.join(", ")))
            })
            .collect();
        // The list is the report: each language's missing ids, shown in German meanwhile.
        assert!(
            missing.is_empty(),
            "missing translations:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn no_catalogue_has_messages_german_lacks() {
        for locale in Locale::ALL {
            let german: BTreeSet<String> =
                [source(Locale::German).island, source(Locale::German).pages]
                    .into_iter()
                    .flat_map(message_ids)
                    .collect();
            let extra: Vec<String> = [source(locale).island, source(locale).pages]
                .into_iter()
                .flat_map(message_ids)
                .filter(|id| !german.contains(id))
                .collect();
            assert!(
                extra.is_empty(),
                "{}: ids German lacks (typos?): {extra:?}",
                locale.code()
            );
        }
    }

    #[test]
    fn every_catalogue_parses() {
        assert_eq!(BUNDLES.len(), Locale::ALL.len());
    }

    #[test]
    fn a_missing_message_falls_back_to_german() {
        // The German catalogue's own messages resolve in every language; an id only German
        // has is checked by hand through the fallback loop with a bundle lookup.
        let id = message_ids(source(Locale::German).pages)
            .into_iter()
            .next()
            .expect("German has messages");
        let german = message(Locale::German, &id, None);
        assert!(!german.is_empty());
        assert_eq!(
            message(Locale::German, "kein-solcher-text", None),
            "kein-solcher-text"
        );
    }

    #[test]
    fn the_hand_written_plural_rules_agree_with_cldr() {
        use intl_pluralrules::{PluralCategory as Cldr, PluralRuleType, PluralRules};
        for locale in Locale::ALL {
            let rules = PluralRules::create(language_id(locale), PluralRuleType::CARDINAL).unwrap();
            // Up to 102: this version of the rule data puts Arabic 103 into "other", where
            // CLDR's rule (n % 100 = 3..10) says "few", as this module does.
            for n in 0..=102u64 {
                let expected = match rules.select(n).unwrap() {
                    Cldr::ZERO => PluralCategory::Zero,
                    Cldr::ONE => PluralCategory::One,
                    Cldr::TWO => PluralCategory::Two,
                    Cldr::FEW => PluralCategory::Few,
                    Cldr::MANY => PluralCategory::Many,
                    Cldr::OTHER => PluralCategory::Other,
                };
                assert_eq!(
                    plural_category(locale, n),
                    expected,
                    "{} {n}",
                    locale.code()
                );
            }
        }
    }

    #[test]
    fn island_texts_keep_placeholders_and_plural_forms() {
        let texts = island_texts(Locale::German);
        assert_eq!(texts.count("karte-gefunden", 1, &[]), "1 Angebot gefunden");
        assert_eq!(
            texts.count("karte-gefunden", 17, &[]),
            "17 Angebote gefunden"
        );
        let arabic = island_texts(Locale::Arabic);
        assert_eq!(arabic.locale, Locale::Arabic);
        assert!(arabic.ids().any(|k| k.starts_with("karte-gefunden[")));
    }

    #[test]
    fn the_language_comes_from_the_cookie_then_the_browser() {
        let mut headers = axum::http::HeaderMap::new();
        assert_eq!(locale_of(&headers), Locale::German);
        headers.insert(
            axum::http::header::ACCEPT_LANGUAGE,
            "tr-TR,tr;q=0.9".parse().unwrap(),
        );
        assert_eq!(locale_of(&headers), Locale::Turkish);
        headers.insert(
            axum::http::header::COOKIE,
            format!("a=b; {LANGUAGE_COOKIE}=ar").parse().unwrap(),
        );
        assert_eq!(locale_of(&headers), Locale::Arabic);
        headers.insert(
            axum::http::header::COOKIE,
            format!("{LANGUAGE_COOKIE}=xx").parse().unwrap(),
        );
        assert_eq!(
            locale_of(&headers),
            Locale::Turkish,
            "an unknown cookie value is ignored"
        );
    }
}
