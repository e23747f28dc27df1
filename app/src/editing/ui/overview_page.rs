//! The editors' overview `/redaktion`, in the order of what needs action: first what the route
//! puts in front (the queue of requests from outside, which depends on editing, not the other
//! way round), then the offers due for checking (not checked for over twelve months, oldest
//! first), filtered by town and topic with a plain GET form and paged, then the archived offers
//! with links to their pages and restore buttons, and last what the route adds below (the
//! form for a new offer).

use crate::editing::endpoints::SetOfferArchived;
use fluent_bundle::FluentValue;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;

use crate::accounts::auth::{current_viewer, require, take_note};
use crate::accounts::model::Role;
use crate::accounts::ui::account_pages::{AccessDenied, NoteView};
use crate::editing::model::OfferToCheck;
use crate::editing::overview::{DUE_AFTER_MONTHS, DueQuery, DueQueryError, page_count};
use crate::editing::service::DuePage;
use crate::offers::taxonomy::Topic;
use crate::platform::catalogues::{t, t_with};
use crate::region::model::MunicipalityInfo;

/// The page; `first` renders above the editors' own lists and `last` below them, for editors
/// only.
#[component]
pub fn EditorOverview(#[prop(into)] first: ViewFn, #[prop(into)] last: ViewFn) -> impl IntoView {
    // The query as sent, repeated keys and all: the parser decides what it means.
    let pairs = use_context::<axum::http::request::Parts>()
        .and_then(|parts| {
            parts
                .uri
                .query()
                .map(crate::shared::query_pairs::decode_query)
        })
        .unwrap_or_default();
    view! {
        <Suspense>
            {move || {
                let (first, last, pairs) = (first.clone(), last.clone(), pairs.clone());
                Suspend::new(async move {
                let note = take_note().await;
                // The role first: a visitor without it learns nothing about the query.
                if require(Role::Editor).await.is_err() {
                    let viewer = current_viewer().await;
                    return view! { <AccessDenied viewer next="/redaktion".to_string() /> }.into_any();
                }
                let towns = crate::platform::state::app_state()
                    .map(|state| state.region.municipalities.clone())
                    .unwrap_or_default();
                let today = chrono::Local::now().date_naive();
                let due = match DueQuery::parse(&pairs, &towns) {
                    Ok(query) => match crate::editing::service::due_offers(&query, today).await {
                        Ok(page) => Due::Page { query, page },
                        Err(_) => Due::Unavailable,
                    },
                    Err(error) => Due::Refused(error),
                };
                let archived = crate::editing::service::archived_offers().await.unwrap_or_default();
                let ending = crate::editing::service::windows_ending_soon(today).await.unwrap_or_default();
                view! {
                    <Title text="Redaktion – Chancenkarte" />
                    <h1 class="page-title">"Redaktion"</h1>
                    <NoteView note />
                    <p>
                        <a href="/redaktion/import">"Angebote importieren und exportieren (CSV, HSDS)"</a>
                        " · "
                        <a href="/redaktion/einrichtungen">"Einrichtungen: Angaben bestätigen lassen"</a>
                    </p>
                    {first.run()}
                    <DueSection due towns />
                    <EndingSection ending />
                    <ArchiveSection archived />
                    {last.run()}
                }
                    .into_any()
                })
            }}
        </Suspense>
    }
}

/// What the due section shows: a page of the query, why the query was refused, or that the
/// list could not be read.
enum Due {
    Page { query: DueQuery, page: DuePage },
    Refused(DueQueryError),
    Unavailable,
}

/// The refusal in the reader's words; the page is answered with 400.
fn refusal(message: String) -> AnyView {
    crate::platform::response::set_status(axum::http::StatusCode::BAD_REQUEST);
    view! {
        <p class="note note-error" role="alert">{message}</p>
        <p>
            <a href="/redaktion#faellig">{t("redaktion-filter-zuruecksetzen")}</a>
        </p>
    }
    .into_any()
}

#[component]
fn DueSection(due: Due, towns: Vec<MunicipalityInfo>) -> impl IntoView {
    let hint = t_with(
        "redaktion-faellig-hinweis",
        &[("monate", FluentValue::from(DUE_AFTER_MONTHS))],
    );
    let (query, body) = match due {
        Due::Page { query, page } => {
            let pages = page_count(page.total);
            let body = if query.page > pages {
                refusal(t_with(
                    "redaktion-fehler-seite-fehlt",
                    &[
                        ("wert", FluentValue::from(query.page)),
                        ("seiten", FluentValue::from(pages)),
                    ],
                ))
            } else {
                view! { <DueList query=query.clone() page pages /> }.into_any()
            };
            (query, body)
        }
        Due::Refused(error) => {
            let message = t_with(
                error.message_id(),
                &[("wert", FluentValue::from(error.value().to_string()))],
            );
            (DueQuery::default(), refusal(message))
        }
        Due::Unavailable => (
            DueQuery::default(),
            view! { <p class="note note-error" role="alert">{t("redaktion-faellig-fehlt")}</p> }
                .into_any(),
        ),
    };
    view! {
        <section aria-labelledby="due-heading" id="faellig">
            <h2 id="due-heading">{t("redaktion-faellig-titel")}</h2>
            <p class="hint">{hint}</p>
            <DueFilterForm query towns />
            {body}
        </section>
    }
}

/// The filter as a plain GET form: it works without JavaScript, and its address can be kept.
#[component]
fn DueFilterForm(query: DueQuery, towns: Vec<MunicipalityInfo>) -> impl IntoView {
    let filtered = query.town.is_some() || query.topic.is_some();
    view! {
        <form method="get" action="/redaktion#faellig" class="due-filter">
            <div class="field">
                <label for="faellig-ort">{t("redaktion-filter-ort")}</label>
                <select id="faellig-ort" name="ort">
                    <option value="">{t("redaktion-filter-alle-orte")}</option>
                    {towns
                        .into_iter()
                        .map(|town| {
                            let selected = query.town.as_deref() == Some(town.ags.as_str());
                            view! { <option value=town.ags selected=selected>{town.name}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="faellig-thema">{t("redaktion-filter-thema")}</label>
                <select id="faellig-thema" name="thema">
                    <option value="">{t("redaktion-filter-alle-themen")}</option>
                    {Topic::ALL
                        .iter()
                        .map(|topic| {
                            let selected = query.topic == Some(*topic);
                            view! {
                                <option value=topic.code() selected=selected>
                                    {t(&format!("thema-{}", topic.code()))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <button type="submit">{t("redaktion-filter-anwenden")}</button>
            {filtered
                .then(|| {
                    view! { <a href="/redaktion#faellig">{t("redaktion-filter-zuruecksetzen")}</a> }
                })}
        </form>
    }
}

#[component]
fn DueList(query: DueQuery, page: DuePage, pages: u32) -> impl IntoView {
    let total = page.total;
    let start = query.offset() + 1;
    let counts = page.counts;
    let count_rows = (!counts.is_empty()).then(|| {
        let rows = counts
            .into_iter()
            .map(|count| {
                let current = query.town.as_deref() == Some(count.ags.as_str());
                let href = query.with_town(Some(&count.ags)).href_for_page(1);
                view! {
                    <tr>
                        <td>
                            <a href=href aria-current=current.then_some("true")>{count.name}</a>
                        </td>
                        <td>{count.due}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <details class="due-towns">
                <summary>{t("redaktion-nach-ort")}</summary>
                <table class="due-counts">
                    <thead>
                        <tr>
                            <th scope="col">{t("redaktion-spalte-ort")}</th>
                            <th scope="col">{t("redaktion-spalte-anzahl")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        }
    });
    let list = if page.offers.is_empty() {
        view! { <p>{t("redaktion-keine-faelligen")}</p> }.into_any()
    } else {
        view! {
            <ol class="due-offers" start=start.to_string()>
                {page
                    .offers
                    .into_iter()
                    .map(|offer| {
                        let checked = t_with(
                            "redaktion-zuletzt-geprueft",
                            &[("datum", FluentValue::from(offer.last_checked.format("%d.%m.%Y").to_string()))],
                        );
                        view! {
                            <li data-offer-id=offer.id>
                                <a href=format!("/angebot/{}#bearbeiten", offer.id)>{offer.name}</a>
                                " · " {offer.municipality} " · " {checked}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <p class="due-total">
            <strong>{t_with("redaktion-faellig-anzahl", &[("count", FluentValue::from(total))])}</strong>
            {(pages > 1)
                .then(|| {
                    format!(
                        " · {}",
                        t_with(
                            "redaktion-seite-von",
                            &[("seite", FluentValue::from(query.page)), ("seiten", FluentValue::from(pages))],
                        ),
                    )
                })}
        </p>
        {count_rows}
        {list}
        <Pager query pages />
    }
}

/// The pages shown as links: the first, the last and two either side of the current one.
fn shown_pages(current: u32, pages: u32) -> Vec<Option<u32>> {
    let mut shown = Vec::new();
    for page in 1..=pages {
        if page == 1 || page == pages || page.abs_diff(current) <= 2 {
            shown.push(Some(page));
        } else if shown.last() != Some(&None) {
            // A gap, shown once as "…".
            shown.push(None);
        }
    }
    shown
}

#[component]
fn Pager(query: DueQuery, pages: u32) -> impl IntoView {
    (pages > 1).then(|| {
        let current = query.page;
        let previous = (current > 1).then(|| {
            view! {
                <a href=query.href_for_page(current - 1) rel="prev">{t("redaktion-zurueck")}</a>
            }
        });
        let next = (current < pages).then(|| {
            view! { <a href=query.href_for_page(current + 1) rel="next">{t("redaktion-weiter")}</a> }
        });
        let numbers = shown_pages(current, pages)
            .into_iter()
            .map(|page| match page {
                Some(page) => view! {
                    <li><a href=query.href_for_page(page) aria-current=(page == current).then_some("page") aria-label=t_with("redaktion-seite", &[("seite", FluentValue::from(page))])>{page}</a></li>
                }
                .into_any(),
                None => view! { <li aria-hidden="true">"…"</li> }.into_any(),
            })
            .collect_view();
        view! {
            <nav class="pager" aria-label=t("redaktion-seiten")>
                {previous}
                <ul>{numbers}</ul>
                {next}
            </nav>
        }
    })
}

/// The offers whose visibility window ends within 30 days: to renew or let go.
#[component]
fn EndingSection(ending: Vec<crate::editing::model::EndingWindow>) -> impl IntoView {
    view! {
        <section aria-labelledby="ending-heading" id="zeitfenster">
            <h2 id="ending-heading">"Zeitfenster enden in den nächsten 30 Tagen (" {ending.len()} ")"</h2>
            {if ending.is_empty() {
                view! { <p>"Kein Angebot verschwindet in den nächsten 30 Tagen von selbst von der Karte."</p> }.into_any()
            } else {
                view! {
                    <p class="hint">"Nach dem letzten Tag verschwinden sie von selbst; mit einem neuen Datum bei „Sichtbar bis“ bleiben sie."</p>
                    <ul class="ending-windows">
                        {ending.into_iter().map(|offer| view! {
                            <li data-offer-id=offer.id>
                                <a href=format!("/angebot/{}?bearbeiten=sichtbar_bis#bearbeiten", offer.id)>{offer.name.clone()}</a>
                                " · " {offer.municipality.clone()} " · sichtbar bis "
                                {crate::shared::iso_date::german(&offer.visible_until).unwrap_or(offer.visible_until.clone())}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn ArchiveSection(archived: Vec<OfferToCheck>) -> impl IntoView {
    let count = archived.len();
    let empty = archived.is_empty();
    view! {
        <section aria-labelledby="archive-heading" id="archiv">
            <h2 id="archive-heading">
                {t_with("redaktion-archiv-titel", &[("count", FluentValue::from(count))])}
            </h2>
            {empty.then(|| view! { <p>{t("redaktion-keine-archivierten")}</p> })}
            <ul class="archived-offers" hidden=empty>
                {archived.into_iter().map(|offer| view! { <ArchivedOffer offer /> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn ArchivedOffer(offer: OfferToCheck) -> impl IntoView {
    view! {
        <li data-offer-id=offer.id>
            <a href=format!("/angebot/{}#bearbeiten", offer.id)>{offer.name.clone()}</a>
            " · " {offer.municipality.clone()}
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

#[cfg(test)]
mod tests {
    use super::shown_pages;

    #[test]
    fn long_page_lists_keep_first_last_and_the_neighbours() {
        assert_eq!(
            shown_pages(1, 6),
            [Some(1), Some(2), Some(3), None, Some(6)]
        );
        assert_eq!(
            shown_pages(5, 12),
            [
                Some(1),
                None,
                Some(3),
                Some(4),
                Some(5),
                Some(6),
                Some(7),
                None,
                Some(12)
            ]
        );
        assert_eq!(shown_pages(1, 1), [Some(1)]);
    }
}
