//! The note editors see on an entry that may duplicate a stored offer (a listing request, an
//! imported line, an offer not yet public): each likely twin linked, with why it counts.

use leptos::prelude::*;

use crate::offers::twins::LikelyTwin;

/// Nothing when there are no twins.
#[component]
pub fn TwinNote(twins: Vec<LikelyTwin>) -> impl IntoView {
    (!twins.is_empty()).then(|| {
        view! {
            <div class="twin-note" role="note">
                <p>
                    <strong>"Mögliches Duplikat"</strong>
                    " – bitte vor dem Veröffentlichen prüfen:"
                </p>
                <ul>
                    {twins
                        .into_iter()
                        .map(|twin| {
                            let status = if twin.active { "öffentlich" } else { "nicht öffentlich" };
                            view! {
                                <li>
                                    <a href=format!("/angebot/{}", twin.id)>{twin.name}</a>
                                    {format!(" ({}; {}, {status})", twin.organization, twin.reason.text())}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}
