//! The shareable page of one offer, `/angebot/{id}`.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::app::set_not_found_status;
use super::editor_panel::EditorPanel;
use super::member_view::MemberSection;
use super::offer_view::OfferView;
use crate::api::offer_detail;

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
            Some(id) => offer_detail(id).await,
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
                            <MemberSection id />
                            <EditorPanel id />
                        }
                            .into_any()
                    }
                    Ok(None) => {
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
                    Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
