//! Text normalisation for search: case-, umlaut- and ß-insensitive, so that "Fruehe Hilfen",
//! "fruhe hilfen" and "Frühe Hilfen" all find the same offers.

/// Folds text into a canonical search form: lower case, umlauts and their two-letter spellings
/// reduced to the bare vowel, ß to "ss", other accents removed, punctuation to single spaces.
pub fn normalize(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for ch in text.chars().flat_map(char::to_lowercase) {
        match ch {
            'ä' | 'à' | 'á' | 'â' | 'ã' | 'å' => folded.push('a'),
            'ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ø' => folded.push('o'),
            'ü' | 'ù' | 'ú' | 'û' => folded.push('u'),
            'é' | 'è' | 'ê' | 'ë' => folded.push('e'),
            'í' | 'ì' | 'î' | 'ï' => folded.push('i'),
            'ç' | 'č' | 'ć' => folded.push('c'),
            'ş' | 'š' | 'ś' => folded.push('s'),
            'ğ' => folded.push('g'),
            'ı' => folded.push('i'),
            'ß' => folded.push_str("ss"),
            'ё' => folded.push('е'),
            // Arabic: short-vowel marks and the stretching tatweel are left out, the alef forms
            // and the final yā and tā' marbūṭa written one way, as people type them either way.
            c if is_dropped_mark(c) => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => folded.push('ا'),
            'ى' => folded.push('ي'),
            'ة' => folded.push('ه'),
            c if c.is_alphanumeric() => folded.push(c),
            _ => folded.push(' '),
        }
    }
    // "ae"/"oe"/"ue" are how umlauts are typed without a German keyboard; folding them the same
    // way on both sides of a comparison makes both spellings meet.
    let folded = folded
        .replace("ae", "a")
        .replace("oe", "o")
        .replace("ue", "u");
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Marks that change no letter for a search: Arabic short vowels (U+064B–U+065F, U+0670), the
/// tatweel (U+0640), Latin combining accents (U+0300–U+036F) as in a decomposed "ü", and the
/// apostrophes inside a word (Ukrainian "сім'я" is typed with any of three).
fn is_dropped_mark(c: char) -> bool {
    matches!(
        c,
        '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{0640}'
            | '\u{0300}'..='\u{036F}'
            | '\''
            | '\u{2019}'
            | '\u{02BC}'
    )
}

/// True when every word of the (already normalised) query occurs in the normalised haystack.
pub fn matches_all_words(normalized_haystack: &str, normalized_query: &str) -> bool {
    normalized_query
        .split(' ')
        .filter(|word| !word.is_empty())
        .all(|word| normalized_haystack.contains(word))
}

/// A `<textarea>`'s initial text, for views rendered on the server only. Leptos writes a
/// textarea's children unescaped (as for `<script>`), so a value containing `</textarea>`
/// would close the element and the rest would run as markup; the browser decodes the
/// entities back into the value.
pub fn textarea_text(value: &str) -> String {
    escape_html(value)
}

/// Text made safe for HTML content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => safe.push_str("&amp;"),
            '<' => safe.push_str("&lt;"),
            '>' => safe.push_str("&gt;"),
            '"' => safe.push_str("&quot;"),
            '\'' => safe.push_str("&#39;"),
            c => safe.push(c),
        }
    }
    safe
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            escape_html(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }

    #[test]
    fn umlaut_spellings_meet() {
        assert_eq!(normalize("Frühe Hilfen"), normalize("Fruehe Hilfen"));
        assert_eq!(normalize("FRÜHE HILFEN"), normalize("frühe hilfen"));
        assert_eq!(normalize("Straße"), normalize("Strasse"));
        assert_eq!(normalize("Dülmen"), normalize("Duelmen"));
    }

    #[test]
    fn arabic_spelling_variants_meet() {
        // With and without short vowels, tatweel, hamza on the alef, and tā' marbūṭa.
        assert_eq!(normalize("قَابِلَة"), normalize("قابله"));
        assert_eq!(normalize("قابـــلة"), "قابله");
        assert_eq!(normalize("أم"), normalize("ام"));
        assert_eq!(normalize("إرضاع"), normalize("ارضاع"));
        assert_eq!(normalize("مستشفى"), "مستشفي");
        assert_eq!(normalize("رضاعة طبيعية"), "رضاعه طبيعيه");
    }

    #[test]
    fn cyrillic_is_lower_cased_and_decomposed_accents_dropped() {
        assert_eq!(normalize("АКУШЕРКА"), "акушерка");
        assert_eq!(normalize("Ёлка"), "елка");
        assert_eq!(normalize("Fru\u{0308}he"), normalize("Frühe"));
        assert_eq!(normalize("сім'я"), normalize("сім\u{02BC}я"));
        assert_eq!(normalize("сім’я"), "сімя");
    }

    #[test]
    fn punctuation_and_spaces_collapse() {
        assert_eq!(normalize("  Kita & Betreuung!  "), "kita betreuung");
    }

    #[test]
    fn all_words_must_occur() {
        let hay = normalize("Frühe Hilfen im Familienbüro Coesfeld");
        assert!(matches_all_words(&hay, &normalize("fruehe coesfeld")));
        assert!(matches_all_words(&hay, &normalize("FAMILIENBUERO")));
        assert!(!matches_all_words(&hay, &normalize("frühe dülmen")));
        assert!(matches_all_words(&hay, ""));
    }
}
