//! The forgiving free-text search over offers, the same on the server and in the browser: typos,
//! German compounds and inflections, and everyday words in five languages find the offers'
//! German vocabulary, and the matches are ranked by how well they met.
//!
//! Every query word must meet an offer (as before), each with a [`MatchQuality`]:
//! - exact: the offer has the word ("Hebamme"), or a synonym's first German word;
//! - prefix: an offer word contains it ("hilfen" in "Frühe Hilfen", "Hebamme" in
//!   "Familienhebamme"). A short word (up to [`SHORT_WORD_CHARS`] letters) only begins words,
//!   and only if it is neither an offer's word nor in the synonym table: "Heb", typed halfway,
//!   finds "Hebamme", but "Kur" (a word of its own) does not find every "Kurs";
//! - stem: same German stem ("Hebammen" – "Hebamme"), the query's stem inside an offer word, or
//!   the specific part of a compound ("Stillberatung" → "Stillen", "Familienhebamme" →
//!   "Hebamme"; see `SearchIndex::compound_parts`); also a synonym's further German words;
//! - fuzzy: only for a word nothing else found, a typo within [`typo_allowance`] ("hebame").
//!
//! The index is built once per offer list, a query is parsed once per search into one quality
//! table over the vocabulary per word; matching an offer then only looks its words up.
//!
//! This runs in the browser too, where every kind of collection and sort costs bundle size:
//! lookups are binary searches in sorted `(String, u32)` lists (one sort for all of them), and
//! orderings sort `(u32, usize)` pairs as the distance order already does.

use rust_stemmers::{Algorithm, Stemmer};

use crate::shared::text::normalize;

/// Query words of at most this many letters match whole words, or word starts while typing.
pub const SHORT_WORD_CHARS: usize = 3;
/// Stems and compound parts shorter than this say too little to match on.
const MIN_STEM_CHARS: usize = 4;
/// What is left of a compound beside a known part must be a word of its own, not an ending.
const MIN_COMPOUND_REST: usize = 3;
/// A compound part found in more than this share of offers ("Familien…", "…beratung") is too
/// common to stand for the compound.
const COMPOUND_PART_MAX_SHARE: usize = 4;
const MAX_SUGGESTIONS: usize = 3;

const SYNONYMS: &str = include_str!("synonyms.txt");

/// How well a query word met an offer; the order is the ranking (better is greater).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchQuality {
    Fuzzy = 1,
    Stem = 2,
    Prefix = 3,
    Exact = 4,
}

impl MatchQuality {
    fn from_level(level: u8) -> Option<Self> {
        Some(match level {
            1 => MatchQuality::Fuzzy,
            2 => MatchQuality::Stem,
            3 => MatchQuality::Prefix,
            4 => MatchQuality::Exact,
            _ => return None,
        })
    }
}

/// How well an offer met a whole query: first its weakest word, then how many words met it in
/// its name, then all words' qualities together. Greater is better; sort descending.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Relevance {
    pub weakest: MatchQuality,
    pub words_in_name: u8,
    pub total: u16,
}

impl Relevance {
    /// The same order as one number, for sorting `(u32, usize)` pairs.
    pub fn key(self) -> u32 {
        ((self.weakest as u32) << 24)
            | (u32::from(self.words_in_name) << 16)
            | u32::from(self.total)
    }
}

/// What a search text found among the offers (by their position in the index), with the words
/// to suggest if some query word met nothing. Computed where the index is — the server for the
/// page it renders, the browser's lazily loaded search part afterwards — and small to send: the
/// index itself (stemmer, distances, synonym table) stays out of the map's first download.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TextMatches {
    /// The search text as typed.
    pub text: String,
    /// Whether the text had words to search for (not only small words or signs): without,
    /// it filters nothing.
    pub words: bool,
    /// (offer position, [`Relevance::key`]) of every offer the text met, by position.
    pub hits: Vec<(u32, u32)>,
    /// Words of the offers close to a query word that met no offer ("Meinten Sie: Hebamme?").
    pub suggested_words: Vec<String>,
}

impl crate::shared::json_read::ReadJson for TextMatches {
    fn read_json<S: crate::shared::json_read::JsonSource>(source: &S) -> Result<Self, String> {
        let m = crate::shared::json_read::Members(source);
        Ok(TextMatches {
            text: m.get("text")?,
            words: m.get("words")?,
            hits: m.get("hits")?,
            suggested_words: m.get("suggested_words")?,
        })
    }
}

impl TextMatches {
    /// Per offer position (of `offers` offers): its relevance key, 0 if the text missed it.
    pub fn keys(&self, offers: usize) -> Vec<u32> {
        let mut keys = vec![0; offers];
        for &(offer, key) in &self.hits {
            if let Some(slot) = keys.get_mut(offer as usize) {
                *slot = key;
            }
        }
        keys
    }
}

/// Whether a [`Relevance::key`] says some query word met the offer's name.
pub fn key_names_a_word(key: u32) -> bool {
    (key >> 16) & 0xFF > 0
}

/// The typos forgiven in a word of `chars` letters: none up to 4, one up to 8, then two.
pub fn typo_allowance(chars: usize) -> usize {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Last parts of compounds that name no kind of help, only that something is offered.
const GENERIC_ENDINGS: [&str; 5] = ["angebot", "programm", "projekt", "dienst", "service"];

/// How far a vocabulary word may be from an unknown query word to be suggested instead.
fn suggestion_allowance(chars: usize) -> usize {
    if chars < SHORT_WORD_CHARS {
        0
    } else {
        typo_allowance(chars) + 1
    }
}

/// The text of one offer as the index reads it: its name (hits there rank higher) and the rest
/// (organisation, teaser, town, topic labels).
pub struct SearchDocument<'a> {
    pub name: &'a str,
    pub rest: &'a [&'a str],
}

/// The offers' vocabulary and each offer's words, built once per offer list.
pub struct SearchIndex {
    /// Normalised words, each once, sorted (a word's id is its position).
    words: Vec<String>,
    stems: Vec<String>,
    /// The word as first written in an offer ("Hebamme", "Frühe"), for suggestions.
    display: Vec<String>,
    /// In how many offers each word occurs.
    offer_counts: Vec<u32>,
    /// Words and stems of at least [`MIN_STEM_CHARS`] letters, sorted: what a compound is
    /// split into (the number is unused).
    pieces: Vec<(String, u32)>,
    /// Each offer's distinct word ids, those of its name first: `spans[i]` is (start, end of the
    /// name's words, end) in here.
    offer_words: Vec<u32>,
    spans: Vec<(u32, u32, u32)>,
    synonyms: Synonyms,
}

/// Whether the sorted list has `key`, and where its entries begin.
fn find_sorted(sorted: &[(String, u32)], key: &str) -> Option<usize> {
    let at = sorted.partition_point(|(entry, _)| entry.as_str() < key);
    (sorted.get(at)?.0 == key).then_some(at)
}

/// A parsed query: per word (or synonym phrase), what meets it with which quality.
#[derive(Clone, Debug, Default)]
pub struct SearchQuery {
    groups: Vec<WordGroup>,
}

#[derive(Clone, Debug)]
struct WordGroup {
    /// The normalised word or phrase as typed.
    typed: String,
    /// Quality per vocabulary word (0: no match) of the word itself and one-word synonyms.
    single: Vec<u8>,
    /// Synonym phrases ("Erste Hilfe"): each needs all its words, the weakest counts.
    phrases: Vec<Vec<Vec<u8>>>,
    /// Whether any vocabulary word met it: if not, suggestions are looked for.
    found: bool,
    /// A single word the synonym table does not know (suggestions are words, not phrases).
    plain_word: bool,
}

/// What a compound query word is looked for by, besides itself.
#[derive(Clone, Debug, PartialEq, Eq)]
enum CompoundParts {
    /// Its specific part alone ("still" for "Stillberatung").
    One(String),
    /// Both parts, in any of an offer's words ("eltern" and "berat" for "Elternberatung"), when
    /// each is common; only for a word no offer has.
    Both(String, String),
}

impl SearchQuery {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

fn chars(word: &str) -> usize {
    word.chars().count()
}

fn german_stem(stemmer: &Stemmer, word: &str) -> String {
    stemmer.stem(word).into_owned()
}

/// The normalised words of `text` (exactly those `normalize` yields), each with its written
/// form where that is plain to see ("Hebammen-Sprechstunde" → "Hebammen", "Sprechstunde").
fn written_words(text: &str) -> Vec<(String, String)> {
    let mut words = Vec::new();
    for piece in text.split_whitespace() {
        let normalised = normalize(piece);
        let parts: Vec<&str> = normalised.split(' ').filter(|w| !w.is_empty()).collect();
        let written: Vec<&str> = piece
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        for (position, word) in parts.iter().enumerate() {
            let shown = if written.len() == parts.len() {
                written[position]
            } else {
                word
            };
            words.push((word.to_string(), shown.to_string()));
        }
    }
    words
}

impl SearchIndex {
    pub fn new<'a>(documents: impl IntoIterator<Item = SearchDocument<'a>>) -> Self {
        let stemmer = Stemmer::create(Algorithm::German);
        // Every word of every offer in order, with its position; sorted, equal words meet.
        let mut written = Vec::new();
        let mut tokens: Vec<(String, u32)> = Vec::new();
        // Per offer: where its tokens start and where its name's end.
        let mut token_spans: Vec<(usize, usize)> = Vec::new();
        for document in documents {
            let start = tokens.len();
            let mut name_end = start;
            let texts = std::iter::once(document.name).chain(document.rest.iter().copied());
            for (part, text) in texts.enumerate() {
                for (word, form) in written_words(text) {
                    tokens.push((word, tokens.len() as u32));
                    written.push(form);
                }
                if part == 0 {
                    name_end = tokens.len();
                }
            }
            token_spans.push((start, name_end));
        }
        let token_count = tokens.len();
        let mut sorted = tokens;
        sorted.sort_unstable();
        let mut token_ids = vec![0u32; token_count];
        let mut words: Vec<String> = Vec::new();
        let mut display = Vec::new();
        for (word, position) in sorted {
            if words.last() != Some(&word) {
                // The first of equal words is the earliest: its written form is shown.
                display.push(std::mem::take(&mut written[position as usize]));
                words.push(word);
            }
            token_ids[position as usize] = words.len() as u32 - 1;
        }
        let mut offer_words = Vec::with_capacity(token_count);
        let mut spans = Vec::with_capacity(token_spans.len());
        let mut offer_counts = vec![0u32; words.len()];
        for (number, &(start, name_end)) in token_spans.iter().enumerate() {
            let end = token_spans
                .get(number + 1)
                .map_or(token_count, |next| next.0);
            let first = offer_words.len();
            let mut own_name_end = first;
            for (position, &id) in token_ids.iter().enumerate().take(end).skip(start) {
                // Few words per offer: a scan of this offer's ids beats a set.
                if !offer_words[first..].contains(&id) {
                    offer_words.push(id);
                    offer_counts[id as usize] += 1;
                }
                if position + 1 == name_end {
                    own_name_end = offer_words.len();
                }
            }
            if name_end == start {
                own_name_end = first;
            }
            spans.push((first as u32, own_name_end as u32, offer_words.len() as u32));
        }
        let stems: Vec<String> = words
            .iter()
            .map(|word| german_stem(&stemmer, word))
            .collect();
        let mut pieces: Vec<(String, u32)> = words
            .iter()
            .chain(&stems)
            .filter(|piece| chars(piece) >= MIN_STEM_CHARS)
            .map(|piece| (piece.clone(), 0))
            .collect();
        pieces.sort_unstable();
        pieces.dedup();
        SearchIndex {
            words,
            stems,
            display,
            offer_counts,
            pieces,
            offer_words,
            spans,
            synonyms: Synonyms::parse(SYNONYMS),
        }
    }

    fn has_word(&self, word: &str) -> bool {
        self.words
            .binary_search_by(|candidate| candidate.as_str().cmp(word))
            .is_ok()
    }

    /// How many offers the index holds.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Reads a query as typed: synonym phrases and words, small words left out.
    pub fn parse(&self, text: &str) -> SearchQuery {
        let normalised = normalize(text);
        let tokens: Vec<&str> = normalised.split(' ').filter(|t| !t.is_empty()).collect();
        let stemmer = Stemmer::create(Algorithm::German);
        let mut groups = Vec::new();
        let mut small_words = Vec::new();
        let mut at = 0;
        while at < tokens.len() {
            let longest = self.synonyms.longest_phrase.min(tokens.len() - at);
            let phrase = (2..=longest).rev().find_map(|length| {
                let concepts = self.synonyms.lookup(&tokens[at..at + length])?;
                Some((length, concepts))
            });
            if let Some((length, concepts)) = phrase {
                groups.push(self.phrase_group(tokens[at..at + length].join(" "), concepts));
                at += length;
                continue;
            }
            let word = tokens[at];
            at += 1;
            if self.synonyms.is_stop_word(word) {
                small_words.push(word);
                continue;
            }
            let concepts = self.synonyms.lookup(&[word]).unwrap_or_default();
            groups.push(self.word_group(&stemmer, word, concepts));
        }
        if groups.is_empty() {
            // Only small words ("in"): then they are what was asked for.
            groups = small_words
                .into_iter()
                .map(|word| self.word_group(&stemmer, word, Vec::new()))
                .collect();
        }
        SearchQuery { groups }
    }

    fn phrase_group(&self, typed: String, concepts: Vec<u32>) -> WordGroup {
        let mut group = WordGroup {
            typed,
            single: vec![0; self.words.len()],
            phrases: Vec::new(),
            found: false,
            plain_word: false,
        };
        self.add_concepts(&mut group, &concepts, MatchQuality::Exact);
        group.found = self.group_found(&group);
        group
    }

    fn word_group(&self, stemmer: &Stemmer, word: &str, concepts: Vec<u32>) -> WordGroup {
        let known = !concepts.is_empty();
        let mut group = WordGroup {
            typed: word.to_string(),
            single: vec![0; self.words.len()],
            phrases: Vec::new(),
            found: false,
            plain_word: !known,
        };
        let compound = if known {
            None
        } else {
            self.compound_parts(stemmer, word)
        };
        let specific_part = match &compound {
            Some(CompoundParts::One(part)) => Some(part.as_str()),
            _ => None,
        };
        self.mark_word(stemmer, &mut group.single, word, known, specific_part);
        let found_itself = group.single.iter().any(|level| *level > 0);
        if let Some(CompoundParts::Both(beginning, ending)) = &compound
            && !found_itself
        {
            let containing = |part: &str| -> Vec<u8> {
                let level = MatchQuality::Stem as u8;
                self.words
                    .iter()
                    .map(|candidate| if candidate.contains(part) { level } else { 0 })
                    .collect()
            };
            group
                .phrases
                .push(vec![containing(beginning), containing(ending)]);
        }
        self.add_concepts(&mut group, &concepts, MatchQuality::Exact);
        group.found = self.group_found(&group);
        if !group.found && !known {
            self.mark_typos(&mut group, word);
        }
        group
    }

    fn group_found(&self, group: &WordGroup) -> bool {
        group.single.iter().any(|level| *level > 0)
            || group
                .phrases
                .iter()
                .any(|tables| tables.iter().all(|table| table.iter().any(|l| *l > 0)))
    }

    /// Marks the vocabulary words `word` meets, with their quality. A short word that is `known`
    /// (from the synonym table) or an offer's word matches whole words only, not word starts.
    fn mark_word(
        &self,
        stemmer: &Stemmer,
        table: &mut [u8],
        word: &str,
        known: bool,
        compound_part: Option<&str>,
    ) {
        let length = chars(word);
        let short = length <= SHORT_WORD_CHARS;
        let whole_words_only = short && (known || self.has_word(word));
        let stem = german_stem(stemmer, word);
        let stem_counts = !short && chars(&stem) >= MIN_STEM_CHARS;
        for (id, candidate) in self.words.iter().enumerate() {
            let level = if candidate == word {
                MatchQuality::Exact
            } else if whole_words_only {
                continue;
            } else if (short && candidate.starts_with(word)) || (!short && candidate.contains(word))
            {
                MatchQuality::Prefix
            } else if (stem_counts && (self.stems[id] == stem || candidate.contains(stem.as_str())))
                || compound_part.is_some_and(|part| candidate.contains(part))
            {
                MatchQuality::Stem
            } else {
                continue;
            };
            table[id] = table[id].max(level as u8);
        }
    }

    /// What stands for a compound query word: of its longest known beginning ("still…" of
    /// "Stillberatung", from "Stillen") and its longest known ending ("…hebamme" of
    /// "Familienhebamme"), the one fewer offers contain, if that is at most a quarter of them;
    /// a part as common as "Familien…" or "…beratung" would find offers about anything. When
    /// both parts are that common, both ("Elternberatung": "eltern" and "berat").
    fn compound_parts(&self, stemmer: &Stemmer, word: &str) -> Option<CompoundParts> {
        let letters: Vec<char> = word.chars().collect();
        if letters.len() < MIN_STEM_CHARS + MIN_COMPOUND_REST {
            return None;
        }
        let stem: Vec<char> = german_stem(stemmer, word).chars().collect();
        let piece = |chars: &[char]| -> Option<String> {
            let text: String = chars.iter().collect();
            find_sorted(&self.pieces, &text).map(|_| text)
        };
        // The beginning ends before the word's own stem does: "familienberat" is no part of
        // "Familienberatung".
        let beginning_ends = stem
            .len()
            .min(letters.len())
            .saturating_sub(MIN_COMPOUND_REST);
        let beginning = (MIN_STEM_CHARS..=beginning_ends)
            .rev()
            .find_map(|end| piece(&letters[..end]));
        let ending = [&letters, &stem].into_iter().find_map(|form| {
            (MIN_COMPOUND_REST..=form.len().saturating_sub(MIN_STEM_CHARS))
                .find_map(|start| piece(&form[start..]))
        });
        // A last part that only says "an offer" ("Import|angebot") finds nothing by itself:
        // every offer is one, whatever its text calls it.
        if beginning.is_none()
            && ending.as_deref().is_some_and(|ending| {
                GENERIC_ENDINGS
                    .iter()
                    .any(|generic| ending.starts_with(generic))
            })
        {
            return None;
        }
        // "…schwimmen" stands for "Schwimmkurs" too.
        let stemmed = |part: String| {
            let stem = german_stem(stemmer, &part);
            if chars(&stem) >= MIN_STEM_CHARS {
                stem
            } else {
                part
            }
        };
        let most = (self.len() / COMPOUND_PART_MAX_SHARE).max(1);
        let counted: Vec<(usize, String)> = [beginning, ending]
            .into_iter()
            .flatten()
            .map(stemmed)
            .map(|part| (self.offers_containing(&part), part))
            .collect();
        let specific = counted
            .iter()
            .filter(|(count, _)| *count <= most)
            .min_by_key(|(count, part)| (*count, std::cmp::Reverse(chars(part))));
        if let Some((_, part)) = specific {
            return Some(CompoundParts::One(part.clone()));
        }
        match counted.as_slice() {
            [(_, beginning), (_, ending)] if beginning != ending => {
                Some(CompoundParts::Both(beginning.clone(), ending.clone()))
            }
            _ => None,
        }
    }

    /// How many offers have a word containing `part`.
    fn offers_containing(&self, part: &str) -> usize {
        let hit: Vec<bool> = self.words.iter().map(|w| w.contains(part)).collect();
        self.spans
            .iter()
            .filter(|(start, _, end)| {
                self.offer_words[*start as usize..*end as usize]
                    .iter()
                    .any(|id| hit[*id as usize])
            })
            .count()
    }

    /// Adds what the synonym concepts point to: each concept's first word as if typed (capped
    /// at `best`), its further words one tier lower, at most as stems.
    fn add_concepts(&self, group: &mut WordGroup, concepts: &[u32], best: MatchQuality) {
        let stemmer = Stemmer::create(Algorithm::German);
        for &concept in concepts {
            for (position, target) in self.synonyms.concepts[concept as usize].iter().enumerate() {
                let cap = if position == 0 {
                    best
                } else {
                    best.min(MatchQuality::Stem)
                };
                let tables: Vec<Vec<u8>> = target
                    .iter()
                    .map(|word| {
                        let mut table = vec![0; self.words.len()];
                        self.mark_word(&stemmer, &mut table, word, true, None);
                        for level in &mut table {
                            *level = (*level).min(cap as u8);
                        }
                        table
                    })
                    .collect();
                match <[Vec<u8>; 1]>::try_from(tables) {
                    Ok([table]) => {
                        for (mine, theirs) in group.single.iter_mut().zip(table) {
                            *mine = (*mine).max(theirs);
                        }
                    }
                    Err(tables) => group.phrases.push(tables),
                }
            }
        }
    }

    /// For a word nothing else met: the vocabulary words within the typo allowance, whole or as
    /// the beginning or end of a compound ("Hbeamme" in "Familienhebamme"), and synonyms within
    /// it stand in for it, everything they find counting as fuzzy.
    fn mark_typos(&self, group: &mut WordGroup, word: &str) {
        let allowance = typo_allowance(chars(word));
        if allowance == 0 {
            return;
        }
        for (id, candidate) in self.words.iter().enumerate() {
            if fuzzy_part_of(word, candidate, allowance) {
                group.single[id] = group.single[id].max(MatchQuality::Fuzzy as u8);
            }
        }
        let concepts = self.synonyms.near(word, allowance);
        self.add_concepts(group, &concepts, MatchQuality::Fuzzy);
        group.found = self.group_found(group);
    }

    /// How well offer number `offer` meets the query; `None` if some word does not meet it.
    pub fn relevance(&self, query: &SearchQuery, offer: usize) -> Option<Relevance> {
        let (start, name_end, end) = self.spans[offer];
        let all = &self.offer_words[start as usize..end as usize];
        let name = &self.offer_words[start as usize..name_end as usize];
        let mut relevance = Relevance {
            weakest: MatchQuality::Exact,
            words_in_name: 0,
            total: 0,
        };
        for group in &query.groups {
            let level = group.level_in(all);
            let quality = MatchQuality::from_level(level)?;
            if group.level_in(name) == level {
                relevance.words_in_name = relevance.words_in_name.saturating_add(1);
            }
            relevance.weakest = relevance.weakest.min(quality);
            relevance.total += u16::from(level);
        }
        Some(relevance)
    }

    /// The relevance of every offer, in index order.
    pub fn relevances(&self, query: &SearchQuery) -> Vec<Option<Relevance>> {
        (0..self.len())
            .map(|offer| self.relevance(query, offer))
            .collect()
    }

    /// What the search text `text` finds: the relevance of every offer it meets, and words to
    /// suggest for query words that met nothing.
    pub fn text_matches(&self, text: &str) -> TextMatches {
        let query = self.parse(text);
        if query.is_empty() {
            return TextMatches {
                text: text.to_string(),
                ..TextMatches::default()
            };
        }
        let hits = (0..self.len())
            .filter_map(|offer| Some((offer as u32, self.relevance(&query, offer)?.key())))
            .collect();
        TextMatches {
            text: text.to_string(),
            words: true,
            hits,
            suggested_words: self.suggestions(&query),
        }
    }

    /// For a query that found nothing: up to three of the offers' words close to a query word
    /// that met no offer at all ("Meinten Sie: Hebamme?"), the closest and most common first.
    pub fn suggestions(&self, query: &SearchQuery) -> Vec<String> {
        let mut suggestions: Vec<String> = Vec::new();
        for group in query.groups.iter().filter(|g| !g.found && g.plain_word) {
            let allowance = suggestion_allowance(chars(&group.typed));
            // (distance, then fewer offers later; word id)
            let mut near: Vec<(u32, usize)> = Vec::new();
            for (id, candidate) in self.words.iter().enumerate() {
                if chars(candidate) < SHORT_WORD_CHARS {
                    continue;
                }
                if let Some(distance) = within(&group.typed, candidate, allowance) {
                    let rarity = 0xFF_FFFF - self.offer_counts[id].min(0xFF_FFFF);
                    near.push((((distance as u32) << 24) | rarity, id));
                }
            }
            near.sort_unstable();
            for (_, id) in near {
                let word = &self.display[id];
                if suggestions.len() == MAX_SUGGESTIONS {
                    return suggestions;
                }
                // Different words, different written forms: equal ones are the same word.
                if !suggestions.contains(word) {
                    suggestions.push(word.clone());
                }
            }
        }
        suggestions
    }
}

/// Whether `word` is within `allowance` typos of `candidate`, of its beginning or of its end.
fn fuzzy_part_of(word: &str, candidate: &str, allowance: usize) -> bool {
    if within(word, candidate, allowance).is_some() {
        return true;
    }
    let length = chars(candidate);
    let wanted = chars(word);
    let shortest = wanted.saturating_sub(allowance).max(MIN_STEM_CHARS + 1);
    let longest = (wanted + allowance).min(length.saturating_sub(1));
    (shortest..=longest).any(|part| {
        let boundary = |at: usize| {
            candidate
                .char_indices()
                .nth(at)
                .map_or(candidate.len(), |(i, _)| i)
        };
        let (beginning, end) = (
            &candidate[..boundary(part)],
            &candidate[boundary(length - part)..],
        );
        strsim::osa_distance(word, beginning) <= allowance
            || strsim::osa_distance(word, end) <= allowance
    })
}

/// The edit distance (with swapped neighbours as one edit) if it is at most `allowance`.
fn within(word: &str, candidate: &str, allowance: usize) -> Option<usize> {
    if chars(word).abs_diff(chars(candidate)) > allowance {
        return None;
    }
    let distance = strsim::osa_distance(word, candidate);
    (distance <= allowance).then_some(distance)
}

impl WordGroup {
    /// The best quality among `words` (an offer's word ids).
    fn level_in(&self, words: &[u32]) -> u8 {
        let mut best = words
            .iter()
            .map(|id| self.single[*id as usize])
            .max()
            .unwrap_or(0);
        for tables in &self.phrases {
            if best == MatchQuality::Exact as u8 {
                break;
            }
            let phrase = tables
                .iter()
                .map(|table| {
                    words
                        .iter()
                        .map(|id| table[*id as usize])
                        .max()
                        .unwrap_or(0)
                })
                .min()
                .unwrap_or(0);
            best = best.max(phrase);
        }
        best
    }
}

/// A search the demo data (Kreis Coesfeld, `regions/kreis-coesfeld/demo`) must answer with at
/// least `at_least` and at most `at_most` offers; for unit, server and browser tests alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchCase {
    pub query: &'static str,
    pub at_least: usize,
    pub at_most: usize,
    pub why: &'static str,
}

const ANY: usize = usize::MAX;

const fn case(
    query: &'static str,
    at_least: usize,
    at_most: usize,
    why: &'static str,
) -> SearchCase {
    SearchCase {
        query,
        at_least,
        at_most,
        why,
    }
}

/// What families type, and what the demo data must give them.
pub const SEARCH_CASES: &[SearchCase] = &[
    case("Hebamme", 10, ANY, "the word itself"),
    case("hebame", 10, ANY, "a typo"),
    case("Hebammen", 10, ANY, "a plural"),
    case(
        "Familienhebamme",
        10,
        ANY,
        "a compound, with the other midwife offers",
    ),
    case("Stillen", 1, ANY, "a word in teasers"),
    case("Stillberatung", 1, ANY, "a compound no offer has"),
    case("Kindergarten", 50, ANY, "the everyday word for Kita"),
    case("Kita", 50, ANY, "the topic's word"),
    case("midwife", 10, ANY, "English"),
    case("ebe", 10, ANY, "Turkish"),
    case("قابلة", 10, ANY, "Arabic"),
    case("القَابِلَة", 10, ANY, "Arabic with article and vowel marks"),
    case("акушерка", 10, ANY, "Ukrainian"),
    case("anaokulu", 50, ANY, "Turkish: kindergarten"),
    case("روضة", 50, ANY, "Arabic: kindergarten"),
    case(
        "дитячий садок",
        50,
        ANY,
        "Ukrainian: kindergarten, two words",
    ),
    case("breastfeeding", 1, ANY, "English: Stillen"),
    case("homework", 10, ANY, "English: Hausaufgaben"),
    case("Schuldenberatung", 1, ANY, "offers say Schuldnerberatung"),
    case("debt", 1, ANY, "English: Schulden"),
    case("Hebamme Dülmen", 1, 10, "the Dülmen midwife offers"),
    case("Hebamme in Dülmen", 1, 10, "small words are left out"),
    case(
        "hilfen",
        50,
        ANY,
        "part of a word, as before (Frühe Hilfen)",
    ),
    case(
        "Kur",
        0,
        0,
        "a short word matches whole words only: no Kurs",
    ),
    case("xqzv", 0, 0, "nonsense"),
];

/// Pairs of searches where the first must find at least as many offers as the second.
pub const SEARCH_AT_LEAST_AS_MANY: &[(&str, &str)] = &[
    ("Stillberatung", "Stillen"),
    ("Kindergarten", "Kita"),
    ("hebame", "Hebamme"),
    ("Familienhebamme", "Hebamme"),
    ("midwife", "Hebamme"),
];

/// Checks [`SEARCH_CASES`] and [`SEARCH_AT_LEAST_AS_MANY`] with `count` (how many offers a
/// query finds); the failures, described, or none.
pub fn check_search_cases(count: impl Fn(&str) -> usize) -> Vec<String> {
    let mut failures = Vec::new();
    for case in SEARCH_CASES {
        let found = count(case.query);
        if found < case.at_least || found > case.at_most {
            failures.push(format!(
                "„{}“ ({}): {found} offers, expected {}..={}",
                case.query,
                case.why,
                case.at_least,
                if case.at_most == ANY {
                    "".to_string()
                } else {
                    case.at_most.to_string()
                }
            ));
        }
    }
    for (more, fewer) in SEARCH_AT_LEAST_AS_MANY {
        let (many, few) = (count(more), count(fewer));
        if many < few {
            failures.push(format!(
                "„{more}“ found {many}, fewer than „{fewer}“ ({few})"
            ));
        }
    }
    failures
}

/// The synonym table (`synonyms.txt`, format described at its top), normalised.
#[derive(Clone, Debug, Default)]
struct Synonyms {
    /// Concept → its German targets → each target's words.
    concepts: Vec<Vec<Vec<String>>>,
    /// (source word or phrase, words joined by one space; its concept or [`STOP_WORD`]),
    /// sorted; a source in several concepts has several entries.
    sources: Vec<(String, u32)>,
    longest_phrase: usize,
}

/// The "concept" of the words a query leaves out.
const STOP_WORD: u32 = u32::MAX;

/// The language labels a synonym line may use, in the interface's order.
pub const SYNONYM_LANGUAGES: [&str; 5] = ["de", "en", "tr", "ar", "uk"];

impl Synonyms {
    /// Reads the table, passing over what it cannot read (a unit test finds that).
    fn parse(text: &str) -> Synonyms {
        let mut synonyms = Synonyms {
            longest_phrase: 1,
            ..Synonyms::default()
        };
        for line in text.lines().filter(|line| !line.starts_with('#')) {
            let Some((targets, sources)) = line.split_once('=') else {
                continue;
            };
            let concept = if targets.trim() == "-" {
                STOP_WORD
            } else {
                synonyms.concepts.push(
                    targets
                        .split(',')
                        .map(|target| normalize(target).split(' ').map(str::to_string).collect())
                        .collect(),
                );
                synonyms.concepts.len() as u32 - 1
            };
            for (_, words) in sources.split('|').filter_map(|part| part.split_once(':')) {
                for source in words.split(',').map(normalize) {
                    synonyms.longest_phrase =
                        synonyms.longest_phrase.max(source.split(' ').count());
                    synonyms.sources.push((source, concept));
                }
            }
        }
        synonyms.sources.sort_unstable();
        synonyms.sources.dedup();
        synonyms
    }

    fn is_stop_word(&self, word: &str) -> bool {
        self.entries(word).any(|concept| concept == STOP_WORD)
    }

    /// The concepts (or [`STOP_WORD`]) of one source.
    fn entries<'a>(&'a self, source: &'a str) -> impl Iterator<Item = u32> + 'a {
        let start = find_sorted(&self.sources, source).unwrap_or(self.sources.len());
        self.sources[start..]
            .iter()
            .take_while(move |(entry, _)| entry == source)
            .map(|(_, concept)| *concept)
    }

    /// The concepts the words (one or a phrase) point to, also without Arabic's article "ال".
    fn lookup(&self, words: &[&str]) -> Option<Vec<u32>> {
        let joined = words.join(" ");
        let stripped: Vec<&str> = words.iter().map(|w| without_arabic_article(w)).collect();
        let stripped = stripped.join(" ");
        [joined, stripped].into_iter().find_map(|key| {
            let concepts: Vec<u32> = self.entries(&key).filter(|c| *c != STOP_WORD).collect();
            (!concepts.is_empty()).then_some(concepts)
        })
    }

    /// The concepts whose one-word sources are within `allowance` typos of `word`.
    fn near(&self, word: &str, allowance: usize) -> Vec<u32> {
        let word = without_arabic_article(word);
        let mut concepts: Vec<u32> = self
            .sources
            .iter()
            .filter(|(source, concept)| {
                *concept != STOP_WORD
                    && !source.contains(' ')
                    && within(word, source, allowance).is_some()
            })
            .map(|(_, concept)| *concept)
            .collect();
        concepts.sort_unstable();
        concepts.dedup();
        concepts
    }
}

fn without_arabic_article(word: &str) -> &str {
    match word.strip_prefix("ال") {
        Some(rest) if chars(rest) >= 2 => rest,
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_of(offers: &[(&str, &str)]) -> SearchIndex {
        let rests: Vec<[&str; 1]> = offers.iter().map(|(_, rest)| [*rest]).collect();
        SearchIndex::new(
            offers
                .iter()
                .zip(&rests)
                .map(|((name, _), rest)| SearchDocument { name, rest }),
        )
    }

    fn found(index: &SearchIndex, text: &str) -> Vec<usize> {
        let query = index.parse(text);
        (0..index.len())
            .filter(|offer| index.relevance(&query, *offer).is_some())
            .collect()
    }

    fn quality(index: &SearchIndex, text: &str, offer: usize) -> Option<MatchQuality> {
        index
            .relevance(&index.parse(text), offer)
            .map(|relevance| relevance.weakest)
    }

    fn sample() -> SearchIndex {
        index_of(&[
            (
                "Hebammensprechstunde Dülmen",
                "Fragen zu Schwangerschaft und Stillen. Gesundheit",
            ),
            (
                "Familienhebamme Coesfeld",
                "Besuche einer Hebamme zu Hause. Frühe Hilfen",
            ),
            (
                "Kita Regenbogen",
                "Betreuung für Kinder von 1 bis 6. Kita & Betreuung",
            ),
            (
                "Sprechstunde Frühe Hilfen Dülmen",
                "Beratung für Eltern. Frühe Hilfen Beratung",
            ),
            (
                "PEKiP-Kurs Olfen",
                "Spiel und Bewegung im ersten Lebensjahr. Familienbildung",
            ),
            (
                "Schuldnerberatung Senden",
                "Hilfe bei Schulden. Beratung Finanzielle Hilfen",
            ),
            (
                "Erziehungsberatung Nottuln",
                "Beratung bei Fragen zur Erziehung. Beratung",
            ),
            (
                "Hausaufgabenhilfe Olfen",
                "Lernen am Nachmittag. Bildung & Schule",
            ),
            (
                "Schwimmkurs für Kinder",
                "Schwimmen lernen. Freizeit & Sport",
            ),
            (
                "Erste Hilfe am Kind",
                "Notfälle mit Kindern. Familienbildung Gesundheit",
            ),
        ])
    }

    /// What `Synonyms::parse` would pass over or misread in the table.
    fn synonym_table_problems(text: &str) -> Vec<String> {
        let mut problems = Vec::new();
        for line in text.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((targets, sources)) = line.split_once('=') else {
                problems.push(format!("no '=': {line}"));
                continue;
            };
            if targets.trim() != "-" && targets.split(',').any(|t| normalize(t).is_empty()) {
                problems.push(format!("an empty target: {line}"));
            }
            for language in sources.split('|') {
                match language.split_once(':') {
                    Some((code, words)) if SYNONYM_LANGUAGES.contains(&code.trim()) => {
                        if words.split(',').any(|word| normalize(word).is_empty()) {
                            problems.push(format!("an empty word in {code}: {line}"));
                        }
                    }
                    _ => problems.push(format!("no known language in '{language}': {line}")),
                }
            }
        }
        problems
    }

    #[test]
    fn the_synonym_table_reads_without_problems() {
        assert_eq!(synonym_table_problems(SYNONYMS), Vec::<String>::new());
        assert!(!synonym_table_problems("Kita = fr: crèche").is_empty());
        let synonyms = Synonyms::parse(SYNONYMS);
        assert!(synonyms.concepts.len() >= 40, "{}", synonyms.concepts.len());
        assert!(synonyms.is_stop_word("fur"));
        assert!(!synonyms.is_stop_word("hebamme"));
        // A word both left out and meaning something would be left out.
        for (source, concept) in &synonyms.sources {
            if *concept != STOP_WORD {
                assert!(!synonyms.is_stop_word(source), "{source}");
            }
        }
        assert_eq!(
            synonyms.lookup(&["дитячий", "садок"]).map(|c| c.len()),
            Some(1)
        );
    }

    #[test]
    fn every_language_has_words_in_most_concepts() {
        for language in SYNONYM_LANGUAGES {
            let lines = SYNONYMS
                .lines()
                .filter(|line| !line.starts_with('#') && line.contains('='))
                .filter(|line| line.contains(&format!("{language}:")))
                .count();
            assert!(lines >= 40, "{language}: {lines} concepts");
        }
    }

    #[test]
    fn exact_ranks_above_prefix_above_stem_above_fuzzy() {
        // Other offers, so that "Hebamme" is a specific word (see `compound_parts`).
        let others = [
            "Kita",
            "Treff",
            "Kochkurs",
            "Sport",
            "Lerncafé",
            "Babymassage",
            "Sprachcafé",
            "OGS",
            "Ferienspiele",
            "Jugendtreff",
            "Schuldnerberatung",
            "Krabbelgruppe",
        ];
        let mut offers = vec![
            ("Hebamme", ""),
            ("Familienhebamme", ""),
            ("Hebammen", ""),
            ("Hebammensprechstunde", ""),
        ];
        offers.extend(others.iter().map(|name| (*name, "")));
        let index = index_of(&offers);
        assert_eq!(quality(&index, "Hebamme", 0), Some(MatchQuality::Exact));
        assert_eq!(quality(&index, "Hebamme", 1), Some(MatchQuality::Prefix));
        assert_eq!(quality(&index, "Hebammen", 0), Some(MatchQuality::Stem));
        assert_eq!(quality(&index, "Hebammen", 3), Some(MatchQuality::Prefix));
        assert_eq!(
            quality(&index, "Familienhebamme", 0),
            Some(MatchQuality::Stem)
        );
        assert_eq!(quality(&index, "Hbeamme", 0), Some(MatchQuality::Fuzzy));
        assert_eq!(quality(&index, "Hbeamme", 1), Some(MatchQuality::Fuzzy));
        assert_eq!(quality(&index, "Hbeamme", 4), None);
        assert!(MatchQuality::Exact > MatchQuality::Prefix);
        assert!(MatchQuality::Prefix > MatchQuality::Stem);
        assert!(MatchQuality::Stem > MatchQuality::Fuzzy);
    }

    #[test]
    fn the_weakest_word_ranks_first_then_hits_in_the_name() {
        let index = sample();
        let query = index.parse("Hebamme Dülmen");
        let hebamme_in_name = index.relevance(&query, 0).unwrap();
        assert_eq!(hebamme_in_name.weakest, MatchQuality::Prefix);
        assert_eq!(hebamme_in_name.words_in_name, 2);
        let index = index_of(&[("Beratung für Eltern", ""), ("Elterntreff", "mit Beratung")]);
        let query = index.parse("Beratung");
        let in_name = index.relevance(&query, 0).unwrap();
        let elsewhere = index.relevance(&query, 1).unwrap();
        assert_eq!(in_name.weakest, MatchQuality::Exact);
        assert_eq!(elsewhere.weakest, MatchQuality::Exact);
        assert!(in_name > elsewhere, "{in_name:?} {elsewhere:?}");
        let exact = Relevance {
            weakest: MatchQuality::Exact,
            words_in_name: 0,
            total: 4,
        };
        let prefix_in_name = Relevance {
            weakest: MatchQuality::Prefix,
            words_in_name: 1,
            total: 3,
        };
        assert!(exact > prefix_in_name);
    }

    #[test]
    fn typos_forgiven_grow_with_the_word() {
        assert_eq!(typo_allowance(3), 0);
        assert_eq!(typo_allowance(4), 0);
        assert_eq!(typo_allowance(5), 1);
        assert_eq!(typo_allowance(8), 1);
        assert_eq!(typo_allowance(9), 2);
        assert_eq!(typo_allowance(20), 2);
        let index = sample();
        assert_eq!(found(&index, "hebame"), vec![0, 1]);
        assert_eq!(
            found(&index, "Hbeamme"),
            vec![0, 1],
            "swapped letters: one typo"
        );
        assert_eq!(
            found(&index, "Kiat"),
            Vec::<usize>::new(),
            "4 letters: none"
        );
        assert_eq!(found(&index, "Schuldnerbratung"), vec![5]);
        assert_eq!(found(&index, "Schuldnrbratung"), vec![5], "long: two typos");
        assert!(found(&index, "Schldnrbratng").is_empty(), "three typos");
    }

    #[test]
    fn compounds_meet_their_specific_part() {
        let index = sample();
        // Not in the synonym table: "Still…" is the specific part, "…zeit" no word here.
        assert_eq!(found(&index, "Stillzeit"), vec![0]);
        // In the synonym table: Stillen, and Hebamme below it; not all Beratung.
        assert_eq!(found(&index, "Stillberatung"), vec![0, 1]);
        let query = index.parse("Stillberatung");
        assert!(index.relevance(&query, 0) > index.relevance(&query, 1));
        assert_eq!(found(&index, "Familienhebamme"), vec![0, 1]);
        assert_eq!(found(&index, "Hebamme"), vec![0, 1]);
        assert_eq!(found(&index, "Babyschwimmen"), vec![8]);
        assert_eq!(
            found(&index, "Kinderkurs"),
            vec![4, 8],
            "Kurs is the rare part"
        );
        // Both parts common: both must occur.
        assert_eq!(found(&index, "Elternberatung"), vec![3]);
    }

    #[test]
    fn synonyms_in_five_languages_find_the_german_words() {
        let index = sample();
        for midwife in ["midwife", "Ebe", "قابلة", "القابلة", "قَابِلَة", "Акушерка"]
        {
            let hits = found(&index, midwife);
            assert!(hits.starts_with(&[0, 1]), "{midwife}: {hits:?}");
            assert_eq!(
                quality(&index, midwife, 0),
                Some(MatchQuality::Prefix),
                "as if „Hebamme“ was typed: {midwife}"
            );
        }
        for kita in [
            "Kindergarten",
            "kindergarten",
            "anaokulu",
            "روضة",
            "дитячий садок",
            "Kindergarden",
        ] {
            assert_eq!(found(&index, kita), vec![2], "{kita}");
        }
        for breastfeeding in [
            "Stillberatung",
            "breastfeeding",
            "emzirme",
            "رضاعة",
            "грудне вигодовування",
        ] {
            assert_eq!(found(&index, breastfeeding), vec![0, 1], "{breastfeeding}");
        }
        assert_eq!(found(&index, "first aid"), vec![9]);
        assert_eq!(found(&index, "Nachhilfe"), vec![7]);
        assert_eq!(found(&index, "debt"), vec![5]);
        assert_eq!(found(&index, "swimming"), vec![8]);
    }

    #[test]
    fn short_words_match_whole_words_or_word_starts() {
        let index = index_of(&[
            ("PEKiP-Kurs", ""),
            ("Kurzzeitpflege", ""),
            ("OGS am Mittag", ""),
        ]);
        // "Kur" is a known word (the synonym table): whole words only, no "Kurs".
        assert!(found(&index, "Kur").is_empty());
        // Typed halfway: word starts.
        assert_eq!(found(&index, "ku"), vec![0, 1]);
        assert_eq!(found(&index, "ogs"), vec![2]);
        assert!(found(&index, "gs").is_empty(), "not inside a word");
    }

    #[test]
    fn small_words_are_left_out_unless_alone() {
        let index = sample();
        assert_eq!(
            found(&index, "Hebamme in Dülmen"),
            found(&index, "Hebamme Dülmen")
        );
        assert_eq!(found(&index, "Hebamme Dülmen"), vec![0]);
        assert_eq!(found(&index, "midwife near Dülmen"), vec![0, 3]);
        assert_eq!(found(&index, "am"), vec![7, 9]);
    }

    #[test]
    fn words_nothing_meets_get_suggestions() {
        let index = sample();
        let query = index.parse("Hebbamne");
        assert!(found(&index, "Hebbamne").is_empty());
        assert_eq!(index.suggestions(&query), vec!["Hebamme"]);
        let nonsense = index.parse("xqzv");
        assert!(index.suggestions(&nonsense).is_empty());
        let known_but_absent = index.parse("Kur");
        assert!(index.suggestions(&known_but_absent).is_empty());
    }

    /// The demo catalogue as offers: every kind of offer once per town, with its names and
    /// texts in turn (the server's generator draws from the same lists).
    fn demo_catalogue() -> SearchIndex {
        use crate::offers::taxonomy::Topic;
        #[derive(serde::Deserialize)]
        struct Catalogue {
            offer: Vec<Kind>,
        }
        #[derive(serde::Deserialize)]
        struct Kind {
            names: Vec<String>,
            topics: Vec<String>,
            texts: Vec<String>,
        }
        const TOWNS: [&str; 11] = [
            "Ascheberg",
            "Billerbeck",
            "Coesfeld",
            "Dülmen",
            "Havixbeck",
            "Lüdinghausen",
            "Nordkirchen",
            "Nottuln",
            "Olfen",
            "Rosendahl",
            "Senden",
        ];
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../regions/kreis-coesfeld/demo/angebote.toml"
        );
        let text = std::fs::read_to_string(path).expect("the demo catalogue");
        let catalogue: Catalogue = toml::from_str(&text).expect("the demo catalogue parses");
        let mut offers: Vec<(String, [String; 4])> = Vec::new();
        for kind in &catalogue.offer {
            let topics: Vec<&str> = kind
                .topics
                .iter()
                .map(|code| Topic::parse(code).expect("a topic code").label())
                .collect();
            for (number, town) in TOWNS.iter().enumerate() {
                let fill = |template: &str| {
                    template
                        .replace("{T}", town)
                        .replace("{M}", "Regenbogen")
                        .replace("{S}", "FZ")
                        .replace("{A}", &format!("im Familienzentrum {town}"))
                };
                let name = fill(&kind.names[number % kind.names.len()]);
                let teaser = crate::offers::model::teaser(
                    &fill(&kind.texts[number % kind.texts.len()]),
                    160,
                );
                let organisation = format!("Träger in {town}");
                offers.push((
                    name,
                    [organisation, teaser, town.to_string(), topics.join(" ")],
                ));
            }
        }
        let rests: Vec<[&str; 4]> = offers
            .iter()
            .map(|(_, rest)| [&rest[0], &rest[1], &rest[2], &rest[3]].map(String::as_str))
            .collect();
        SearchIndex::new(
            offers
                .iter()
                .zip(&rests)
                .map(|((name, _), rest)| SearchDocument { name, rest }),
        )
    }

    #[test]
    fn the_demo_catalogue_answers_the_search_cases() {
        let index = demo_catalogue();
        assert!(index.len() > 300);
        let count = |text: &str| found(&index, text).len();
        let failures = check_search_cases(count);
        assert!(failures.is_empty(), "{failures:#?}");
        assert!(
            index
                .suggestions(&index.parse("Hebbamne"))
                .contains(&"Hebamme".to_string())
        );
    }
}
