//! The shareable page of one offer, `/angebot/{id}`.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::editing::model::EditableField;
use crate::editing::ui::offer_page_editor::EditorPanel;
use crate::map::ui::offer_view::OfferView;
use crate::members::ui::member_view::MemberSection;
use crate::platform::response::set_not_found_status;
use crate::requests::ui::ReportError;

#[component]
pub fn OfferPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    };
    let detail = Resource::new(id, |id| async move {
        match id {
            Some(id) => crate::offers::service::offer_detail(id).await,
            None => Ok(None),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Angebot wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(Some(offer)) => {
                        let id = offer.id;
                        view! {
                            <Title text=format!("{} – Chancenkarte", offer.name) />
                            <nav class="breadcrumb">
                                <a href="/">"← Alle Angebote auf der Karte"</a>
                            </nav>
                            <OfferView offer />
                            <ReportError id />
                            <MemberSection id />
                            <EditorPanel id />
                        }
                            .into_any()
                    }
                    Ok(None) => {
                        // Editors still reach offers that are not public (archived, or
                        // taken over from a request and not yet published).
                        let hidden = match id() {
                            Some(id) => crate::editing::service::editable_offer(id).await.ok(),
                            None => None,
                        };
                        match hidden {
                            Some(offer) => {
                                let id = offer.id;
                                view! {
                                    <Title text=format!("{} – nicht öffentlich – Chancenkarte", offer.value(EditableField::Name)) />
                                    <h1 class="offer-name">{offer.value(EditableField::Name).to_string()}</h1>
                                    <p class="stale-warning" role="note">
                                        "Dieses Angebot ist nicht öffentlich (archiviert oder noch nicht veröffentlicht). Nur die Redaktion sieht diese Seite."
                                    </p>
                                    <EditorPanel id />
                                }
                                    .into_any()
                            }
                            None => {
                                set_not_found_status();
                                view! {
                                    <Title text="Angebot nicht gefunden – Chancenkarte" />
                                    <section class="not-found">
                                        <h1>"Angebot nicht gefunden"</h1>
                                        <p>
                                            "Dieses Angebot gibt es nicht oder nicht mehr. Vielleicht wurde es archiviert."
                                        </p>
                                        <p>
                                            <a href="/">"Zur Karte mit allen Angeboten"</a>
                                        </p>
                                    </section>
                                }
                                    .into_any()
                            }
                        }
                    }
                    Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
