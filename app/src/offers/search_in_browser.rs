//! The search index in the browser: a separately loaded part of the Wasm, fetched the first
//! time a visitor searches for a text the server has not already answered in the page.
//!
//! Everything only this part reaches (stemmer, edit distance, synonym table, index) stays out
//! of the map's first download; the main part only passes the offers in and takes
//! [`TextMatches`] back. No trait objects cross the boundary: their vtables would pull the code
//! behind them into the main part.

use std::cell::OnceCell;

use crate::offers::filter::SearchableOffers;
use crate::offers::search::{SearchIndex, TextMatches};

thread_local! {
    /// Built on the first search: the page's offers do not change while it is open.
    static INDEX: OnceCell<SearchIndex> = const { OnceCell::new() };
}

/// What `text` finds among `offers`, loading the search part first if it is not yet there.
#[leptos::lazy]
pub fn text_matches(offers: &SearchableOffers, text: &str) -> TextMatches {
    INDEX.with(|index| {
        index
            .get_or_init(|| offers.search_index())
            .text_matches(text)
    })
}
