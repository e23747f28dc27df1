//! The results sheet: on phones the result count, the details and the list sit in a sheet over
//! the bottom of the map that is dragged (or switched with its handle) between peek, half and
//! full height; on wide screens the same section is the side panel beside the map. Without the
//! Wasm it is a plain section below the map.

use leptos::prelude::*;

use crate::shared::i18n::use_texts;

/// How far the sheet is pulled up on a phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetHeight {
    /// Only the handle and the result count show; the map has the screen.
    Peek,
    /// Half the screen: the details or the first results, with the map above.
    Half,
    /// Nearly the whole screen: the list to read.
    Full,
}

impl SheetHeight {
    /// The value of the explorer's `data-sheet` attribute, which the style sheet reads.
    pub fn name(self) -> &'static str {
        match self {
            SheetHeight::Peek => "peek",
            SheetHeight::Half => "half",
            SheetHeight::Full => "full",
        }
    }

    /// Where a tap on the handle takes the sheet: up a step, and from the top back down.
    pub fn next(self) -> SheetHeight {
        match self {
            SheetHeight::Peek => SheetHeight::Half,
            SheetHeight::Half => SheetHeight::Full,
            SheetHeight::Full => SheetHeight::Peek,
        }
    }

    /// The message naming what the handle does, for screen readers.
    pub fn handle_label(self) -> &'static str {
        match self {
            SheetHeight::Peek => "karte-sheet-auf",
            SheetHeight::Half => "karte-sheet-ganz",
            SheetHeight::Full => "karte-sheet-zu",
        }
    }
}

/// The height a drag ends at decides where the sheet settles: the nearest of the three,
/// given their heights in pixels on this screen.
pub fn settle(height: f64, peek: f64, half: f64, full: f64) -> SheetHeight {
    [
        (SheetHeight::Peek, peek),
        (SheetHeight::Half, half),
        (SheetHeight::Full, full),
    ]
    .into_iter()
    .min_by(|(_, a), (_, b)| (height - a).abs().total_cmp(&(height - b).abs()))
    .map(|(stop, _)| stop)
    .unwrap_or(SheetHeight::Peek)
}

/// A drag shorter than this (in CSS pixels) is a tap.
const DRAG_THRESHOLD: f64 = 8.0;

/// The sheet. `height` is `None` until the Wasm runs: then the sheet exists on phones.
#[component]
pub fn ResultsSheet(
    height: RwSignal<Option<SheetHeight>>,
    /// The result count (a live region), always in sight on the handle's bar.
    count: AnyView,
    /// Told where the visitor moved the sheet (handle or drag).
    on_moved: Callback<SheetHeight>,
    children: Children,
) -> impl IntoView {
    let texts = use_texts();
    // While a finger (or mouse) drags: where it started and the sheet's height then.
    let drag: RwSignal<Option<(f64, f64)>> = RwSignal::new(None);
    let dragged_height: RwSignal<Option<f64>> = RwSignal::new(None);
    let section = NodeRef::<leptos::html::Section>::new();
    let bar = NodeRef::<leptos::html::Div>::new();
    let current = move || height.get().unwrap_or(SheetHeight::Peek);
    let on_down = move |event: leptos::ev::PointerEvent| {
        if height.get_untracked().is_none()
            || (event.pointer_type() == "mouse" && event.button() != 0)
        {
            return;
        }
        if let Some(section) = section.get_untracked() {
            drag.set(Some((
                f64::from(event.client_y()),
                f64::from(section.offset_height()),
            )));
        }
    };
    let on_move = move |event: leptos::ev::PointerEvent| {
        let Some((start_y, start_height)) = drag.get_untracked() else {
            return;
        };
        let moved = start_y - f64::from(event.client_y());
        if dragged_height.get_untracked().is_none() && moved.abs() < DRAG_THRESHOLD {
            return;
        }
        if dragged_height.get_untracked().is_none() {
            // Only now a drag: a tap must stay a click on the handle button.
            if let Some(bar) = bar.get_untracked() {
                _ = bar.set_pointer_capture(event.pointer_id());
            }
        }
        dragged_height.set(Some((start_height + moved).max(0.0)));
    };
    let on_up = move |_event: leptos::ev::PointerEvent| {
        drag.set(None);
        let Some(ended_at) = dragged_height.get_untracked() else {
            return;
        };
        let screen = window()
            .inner_height()
            .ok()
            .and_then(|value| value.as_f64())
            .unwrap_or(800.0);
        let peek = bar
            .get_untracked()
            .map(|bar| f64::from(bar.offset_height()))
            .unwrap_or(80.0);
        let settled = settle(ended_at, peek, screen / 2.0, screen);
        height.set(Some(settled));
        on_moved.run(settled);
        dragged_height.set(None);
    };
    let on_cancel = move |_event: leptos::ev::PointerEvent| {
        drag.set(None);
        dragged_height.set(None);
    };
    view! {
        <section
            class="sheet"
            id="ergebnisse"
            aria-label=texts.get("karte-ergebnisse")
            node_ref=section
            class:dragging=move || dragged_height.with(Option::is_some)
            // Whole pixels: formatting a float would link the float printer into the Wasm.
            style:height=move || dragged_height.get().map(|px| format!("{}px", px.round() as i32))
        >
            <div
                class="sheet-bar"
                node_ref=bar
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_cancel
            >
                <button
                    type="button"
                    class="sheet-handle"
                    aria-controls="ergebnisse-inhalt"
                    aria-expanded=move || (current() != SheetHeight::Peek).to_string()
                    aria-label=move || texts.get(current().handle_label())
                    on:click=move |_| {
                        let next = current().next();
                        height.set(Some(next));
                        on_moved.run(next);
                    }
                >
                    <span class="grip" aria-hidden="true"></span>
                </button>
                {count}
            </div>
            <div
                class="sheet-body"
                id="ergebnisse-inhalt"
                on:focusin=move |_| {
                    // Focus moved into the lowered sheet by a script (the results heading
                    // after a search) brings it up; the handle itself is outside.
                    if height.get_untracked() == Some(SheetHeight::Peek) {
                        height.set(Some(SheetHeight::Half));
                    }
                }
            >
                {children()}
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drag_settles_at_the_nearest_height() {
        let (peek, half, full) = (80.0, 422.0, 844.0);
        assert_eq!(settle(60.0, peek, half, full), SheetHeight::Peek);
        assert_eq!(settle(240.0, peek, half, full), SheetHeight::Peek);
        assert_eq!(settle(260.0, peek, half, full), SheetHeight::Half);
        assert_eq!(settle(600.0, peek, half, full), SheetHeight::Half);
        assert_eq!(settle(700.0, peek, half, full), SheetHeight::Full);
        assert_eq!(settle(2000.0, peek, half, full), SheetHeight::Full);
    }

    #[test]
    fn the_handle_steps_up_and_then_back_down() {
        let mut height = SheetHeight::Peek;
        let mut seen = vec![];
        for _ in 0..4 {
            seen.push(height.name());
            height = height.next();
        }
        assert_eq!(seen, ["peek", "half", "full", "peek"]);
    }
}
