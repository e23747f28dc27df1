//! The editors' overview `/redaktion`: offers not checked for over twelve months, oldest
//! first, with counts per municipality, the archived offers with restore buttons, and below
//! them what the route adds (the queue of requests from outside, which depends on editing, not
//! the other way round).

use crate::editing::endpoints::SetOfferArchived;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;

use crate::accounts::auth::{current_viewer, require, take_note};
use crate::accounts::model::Role;
use crate::accounts::ui::account_pages::{AccessDenied, NoteView};
use crate::editing::model::{OfferToCheck, due_for_check};

/// Offers unchecked for longer than this many months are due.
const DUE_AFTER_MONTHS: u32 = 12;

/// The page; `more` renders below the editors' own lists, for editors only.
#[component]
pub fn EditorOverview(#[prop(into)] more: ViewFn) -> impl IntoView {
    view! {
        <Suspense>
            {move || {
                let more = more.clone();
                Suspend::new(async move {
                let note = take_note().await;
                if require(Role::Editor).await.is_err() {
                    let viewer = current_viewer().await;
                    return view! { <AccessDenied viewer next="/redaktion".to_string() /> }.into_any();
                }
                let offers = crate::editing::service::offers_to_check().await.unwrap_or_default();
                view! {
                    <OverviewBody offers note />
                    {more.run()}
                }
                    .into_any()
                })
            }}
        </Suspense>
    }
}

#[component]
fn OverviewBody(
    offers: Vec<OfferToCheck>,
    note: Option<crate::accounts::auth::Note>,
) -> impl IntoView {
    let today = chrono::Local::now().date_naive();
    let limit = today
        .checked_sub_months(chrono::Months::new(DUE_AFTER_MONTHS))
        .unwrap_or(today);
    let (due, counts) = due_for_check(&offers, limit);
    let due: Vec<OfferToCheck> = due.into_iter().cloned().collect();
    let archived: Vec<OfferToCheck> = offers.iter().filter(|o| o.archived).cloned().collect();
    let due_count = due.len();
    view! {
        <Title text="Redaktion – Chancenkarte" />
        <h1 class="page-title">"Redaktion"</h1>
        <NoteView note />
        <p>
            <a href="/redaktion/import">"Angebote importieren und exportieren (CSV, HSDS)"</a>
        </p>
        <section aria-labelledby="due-heading">
            <h2 id="due-heading">{format!("Seit über {DUE_AFTER_MONTHS} Monaten nicht geprüft ({due_count})")}</h2>
            {(!counts.is_empty())
                .then(|| {
                    view! {
                        <table class="due-counts">
                            <caption>"Nach Ort"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Ort"</th>
                                    <th scope="col">"Angebote"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {counts
                                    .into_iter()
                                    .map(|(town, count)| view! { <tr><td>{town}</td><td>{count}</td></tr> })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                })}
            <ol class="due-offers">
                {due
                    .into_iter()
                    .map(|offer| {
                        view! {
                            <li data-offer-id=offer.id>
                                <a href=format!("/angebot/{}#bearbeiten", offer.id)>{offer.name}</a>
                                " · " {offer.municipality} " · zuletzt geprüft "
                                {offer.last_checked.format("%d.%m.%Y").to_string()}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
        <section aria-labelledby="archive-heading" id="archiv">
            <h2 id="archive-heading">{format!("Archivierte Angebote ({})", archived.len())}</h2>
            <ul class="archived-offers">
                {archived.into_iter().map(|offer| view! { <ArchivedOffer offer /> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn ArchivedOffer(offer: OfferToCheck) -> impl IntoView {
    view! {
        <li data-offer-id=offer.id>
            {offer.name.clone()} " · " {offer.municipality.clone()}
            <form method="post" action=SetOfferArchived::url() class="inline-form">
                <input type="hidden" name="id" value=offer.id.to_string() />
                <input type="hidden" name="version" value=offer.version.to_string() />
                <input type="hidden" name="archived" value="false" />
                <button type="submit" aria-label=format!("{} wiederherstellen", offer.name)>
                    "Wiederherstellen"
                </button>
            </form>
        </li>
    }
}
