//! The note editors see on an entry that may duplicate a stored offer (a listing request, an
//! imported line, an offer not yet public): each likely twin linked, with why it counts.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;

use crate::editing::endpoints::NotATwin;
use crate::offers::twins::LikelyTwin;

/// Nothing when there are no twins. With `decide_for` (a stored offer's id), each twin has a
/// button "Kein Duplikat" that stops it being flagged.
#[component]
pub fn TwinNote(
    twins: Vec<LikelyTwin>,
    #[prop(optional)] decide_for: Option<i64>,
) -> impl IntoView {
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
                                    <a href=format!("/angebot/{}", twin.id)>{twin.name.clone()}</a>
                                    {format!(" ({}; {}, {status})", twin.organization, twin.reason.text())}
                                    {decide_for.map(|id| view! {
                                        <form method="post" action=NotATwin::url() class="inline-form">
                                            <input type="hidden" name="id" value=id.to_string() />
                                            <input type="hidden" name="twin" value=twin.id.to_string() />
                                            <button type="submit" class="secondary" aria-label=format!("{}: kein Duplikat", twin.name)>"Kein Duplikat"</button>
                                        </form>
                                    })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}
