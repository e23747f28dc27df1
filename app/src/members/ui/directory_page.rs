//! The member directory `/netzwerk`: institutions with their contact persons and offers,
//! searchable by name, topic, municipality and working group. Members only.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::accounts::auth::current_viewer;
use crate::accounts::ui::account_pages::AccessDenied;
use crate::members::directory::{Contact, DirectoryEntry, DirectoryQuery, WorkingGroup};
use crate::members::ui::member_view::{ContactLink, ContactView};
use crate::offers::taxonomy::Topic;
use crate::shared::error::AppError;

#[component]
pub fn DirectoryPage() -> impl IntoView {
    let query = use_query_map();
    let (text, topic, municipality, group) = query.with_untracked(|q| {
        (
            q.get("q").unwrap_or_default(),
            q.get("thema").unwrap_or_default(),
            q.get("ort").unwrap_or_default(),
            q.get("ag").unwrap_or_default(),
        )
    });
    let search = DirectoryQuery {
        text: text.clone(),
        topic: Topic::parse(&topic),
        municipality: (!municipality.trim().is_empty()).then(|| municipality.clone()),
        working_group: WorkingGroup::parse(&group),
    };
    view! {
        <Suspense>
            {move || {
                let (text, topic, municipality, group, search) = (
                    text.clone(),
                    topic.clone(),
                    municipality.clone(),
                    group.clone(),
                    search.clone(),
                );
                Suspend::new(async move {
                    let found = match crate::members::service::search_directory(&search).await {
                        Ok(found) => found,
                        Err(AppError::NotSignedIn | AppError::Forbidden) => {
                            let viewer = current_viewer().await;
                            return view! { <AccessDenied viewer next="/netzwerk".to_string() /> }.into_any();
                        }
                        Err(error) => {
                            return view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any();
                        }
                    };
                    let Ok(state) = crate::platform::state::app_state() else {
                        return view! { <p class="error">"Interner Fehler."</p> }.into_any();
                    };
                    let municipalities = state.region.municipalities.clone();
                    view! {
                        <Title text="Netzwerkverzeichnis – Chancenkarte" />
                        <h1 class="page-title">"Netzwerkverzeichnis"</h1>
                        <p>"Einrichtungen und Ansprechpersonen des Netzwerks – nur für Mitglieder."</p>
                        <p>
                            "Über neue und geänderte Angebote in Ihren Orten und Themen informieren Sie die "
                            <a href="/netzwerk/nachrichten">"Nachrichten per E-Mail"</a> "."
                        </p>
                        <form method="get" action="/netzwerk" class="directory-search" role="search">
                            <div class="field">
                                <label for="d-q">"Name, Person oder Angebot"</label>
                                <input id="d-q" name="q" type="search" value=text />
                            </div>
                            <div class="field">
                                <label for="d-thema">"Thema"</label>
                                <select id="d-thema" name="thema">
                                    <option value="">"alle Themen"</option>
                                    {Topic::ALL
                                        .iter()
                                        .map(|t| view! { <option value=t.code() selected=topic == t.code()>{t.label()}</option> })
                                        .collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="d-ort">"Ort"</label>
                                <select id="d-ort" name="ort">
                                    <option value="">"alle Orte"</option>
                                    {municipalities
                                        .into_iter()
                                        .map(|m| {
                                            let selected = m.ags == municipality;
                                            view! { <option value=m.ags selected=selected>{m.name}</option> }
                                        })
                                        .collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="d-ag">"Arbeitsgruppe"</label>
                                <select id="d-ag" name="ag">
                                    <option value="">"alle Arbeitsgruppen"</option>
                                    {WorkingGroup::ALL
                                        .iter()
                                        .map(|g| view! { <option value=g.code() selected=group == g.code()>{g.label()}</option> })
                                        .collect_view()}
                                </select>
                            </div>
                            <button type="submit">"Suchen"</button>
                        </form>
                        <p class="result-count" role="status">
                            {match found.len() {
                                0 => "Keine Einrichtung gefunden.".to_string(),
                                1 => "1 Einrichtung gefunden".to_string(),
                                n => format!("{n} Einrichtungen gefunden"),
                            }}
                        </p>
                        <ul class="directory">
                            {found.into_iter().map(|entry| view! { <DirectoryEntryView entry /> }).collect_view()}
                        </ul>
                    }
                        .into_any()
                })
            }}
        </Suspense>
    }
}

#[component]
fn DirectoryEntryView(entry: DirectoryEntry) -> impl IntoView {
    // The offer each contact person is the contact for, from the entry's own offers.
    let offers = entry.offers.clone();
    let offer_of = move |contact: &Contact| {
        let id = contact.offer_id?;
        offers
            .iter()
            .find(|offer| offer.id == id)
            .map(|offer| (offer.id, offer.name.clone()))
    };
    view! {
        <li class="directory-entry">
            <h2>{entry.name.clone()}</h2>
            <p class="meta">
                {entry.working_group.map_or("keine Arbeitsgruppe angegeben", |g| g.label())}
                {(!entry.website.is_empty())
                    .then(|| {
                        view! {
                            " · "
                            <a href=entry.website.clone() rel="noopener noreferrer">
                                "Website"
                            </a>
                        }
                    })}
            </p>
            {(!entry.contacts.is_empty())
                .then(|| {
                    view! {
                        <h3>"Ansprechpersonen"</h3>
                        <ul class="contacts">
                            {entry
                                .contacts
                                .clone()
                                .into_iter()
                                .map(|contact| {
                                    let link = ContactLink::Offer(offer_of(&contact));
                                    view! { <ContactView contact link /> }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <h3>"Angebote"</h3>
            <ul class="directory-offers">
                {entry
                    .offers
                    .into_iter()
                    .map(|offer| {
                        view! {
                            <li>
                                <a href=format!("/angebot/{}", offer.id)>{offer.name}</a>
                                " (" {offer.municipality_name} ")"
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </li>
    }
}
