//! The shareable page of one offer, `/angebot/{id}`: the offer, "Fehler melden", the member and
//! editor sections for those signed in, a way back to the map the visitor came from, and link
//! previews (Open Graph) for messengers, in the visitor's language.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::editing::model::EditableField;
use crate::editing::ui::offer_page_editor::EditorPanel;
use crate::editing::ui::twin_note::TwinNote;
use crate::map::ui::map_page::map_url;
use crate::map::ui::offer_view::{OfferView, OfferViewSettings};
use crate::members::ui::member_view::{MemberContactsView, MemberInfoView};
use crate::offers::filter::{OfferFilter, ParsedQuery};
use crate::offers::model::OfferDetail;
use crate::platform::catalogues::{current_locale, t, t_with};
use crate::platform::response::set_not_found_status;
use crate::requests::ui::ReportError;
use crate::shared::i18n::Locale;

/// Where "Alle Angebote auf der Karte" leads: the filtered map the visitor came from, if
/// `referer` is this site's map page (`/` at `site_base`, the origin links start with), opened
/// at offer `id`; otherwise the whole map at this offer. The header is never echoed: only the
/// filter read from it is, written anew in its canonical form.
pub fn back_to_map(
    referer: Option<&str>,
    site_base: &str,
    id: i64,
    known_municipality: impl Fn(&str) -> bool,
) -> String {
    let filter = referer
        .and_then(|referer| url::Url::parse(referer).ok())
        .filter(|url| url.origin().ascii_serialization() == site_base && url.path() == "/")
        .map(|url| {
            let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
            ParsedQuery::parse(
                pairs
                    .iter()
                    .map(|(key, value)| (key.as_str(), value.as_str())),
                known_municipality,
            )
            .filter
        })
        .unwrap_or_default();
    map_url(&filter, Some(id))
}

/// The request's headers while the page is rendered.
fn request_headers() -> axum::http::HeaderMap {
    use_context::<axum::http::request::Parts>()
        .map(|parts| parts.headers)
        .unwrap_or_default()
}

/// The back link for offer `id` from this request's `Referer`.
fn back_link(id: i64, headers: &axum::http::HeaderMap) -> String {
    let referer = headers
        .get(axum::http::header::REFERER)
        .and_then(|value| value.to_str().ok());
    match crate::platform::state::app_state() {
        Ok(state) => back_to_map(referer, &state.site.link_base_for(headers), id, |ags| {
            state.region.knows_municipality(ags)
        }),
        Err(_) => map_url(&OfferFilter::default(), Some(id)),
    }
}

/// The Open Graph locale of the interface language.
fn og_locale(locale: Locale) -> &'static str {
    match locale {
        Locale::German => "de_DE",
        Locale::English => "en_GB",
        Locale::Turkish => "tr_TR",
        Locale::Arabic => "ar_AR",
        Locale::Ukrainian => "uk_UA",
    }
}

/// Description and Open Graph tags of the offer: its name, organisation and town (German
/// content) in a sentence of the visitor's language.
#[component]
fn OfferPreview(offer: OfferDetail) -> impl IntoView {
    let description = t_with(
        "angebot-vorschau",
        &[
            ("name", offer.name.clone().into()),
            ("organization", offer.organization.clone().into()),
            ("town", offer.address.town.clone().into()),
        ],
    );
    let page_url = crate::platform::state::app_state().ok().and_then(|state| {
        state
            .site
            .public_origin()
            .map(|origin| format!("{origin}/angebot/{}", offer.id))
    });
    view! {
        <Meta name="description" content=description.clone() />
        <Meta property="og:title" content=offer.name />
        <Meta property="og:description" content=description />
        <Meta property="og:type" content="website" />
        <Meta property="og:locale" content=og_locale(current_locale()) />
        {page_url.map(|url| view! { <Meta property="og:url" content=url /> })}
    }
}

/// The offer page's "Teilen" (the phone's share sheet or the clipboard, by `merkliste.js`;
/// hidden without scripts) and "Drucken" (the print view of this one offer).
fn share_and_print(id: i64, name: String) -> Children {
    Box::new(move || {
        view! {
            <button
                type="button"
                class="action-button"
                data-share=format!("/angebot/{id}")
                data-share-title=name
                hidden=true
            >
                {t("karte-teilen")}
            </button>
            <a href=format!("/drucken?angebot={id}") class="action-button more-action">
                {t("karte-drucken")}
            </a>
            <span
                class="share-status"
                role="status"
                data-share-status=""
                data-copied=t("karte-kopiert")
                data-failed=t("karte-kopieren-unmoeglich")
            ></span>
        }
        .into_any()
    })
}

#[component]
pub fn OfferPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    };
    let headers = request_headers();
    let detail = Resource::new(id, |id| async move {
        match id {
            Some(id) => crate::offers::service::offer_detail(id).await,
            None => Ok(None),
        }
    });
    // In a right-to-left page "back" points right.
    let back_arrow = match current_locale().direction() {
        "rtl" => "→",
        _ => "←",
    };
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("angebot-laedt")}</p> }>
            {move || {
                let headers = headers.clone();
                Suspend::new(async move {
                    match detail.await {
                        Ok(Some(offer)) => {
                            let id = offer.id;
                            // Members only: anyone else gets nothing (the service checks).
                            let member = crate::members::service::member_offer_info(id)
                                .await
                                .ok()
                                .flatten();
                            let contacts = member
        .as_ref()
        .map(|info| (info.contacts.clone(), info.protected_address.clone()));
                            let settings = crate::platform::state::app_state()
                                .map(|state| OfferViewSettings::of(&state))
                                .unwrap_or_default();
                            let name = offer.name.clone();
                            view! {
                                <Title text=format!("{} – Chancenkarte", offer.name) />
                                <OfferPreview offer=offer.clone() />
                                <nav class="breadcrumb">
                                    <a href=back_link(id, &headers) class="back-to-map">
                                        <span class="back-arrow" aria-hidden="true">{back_arrow}</span>
                                        " "
                                        {t("angebot-zur-karte")}
                                    </a>
                                </nav>
                                <OfferView offer settings more_actions=share_and_print(id, name)>
                                    {contacts.map(|(contacts, protected_address)| view! { <MemberContactsView contacts protected_address /> })}
                                </OfferView>
                                <ReportError id />
                                {member.map(|info| view! { <MemberInfoView info /> })}
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
                            // Before it is published: the stored offers it may duplicate.
                            let twins = match &hidden {
                                Some(offer) => crate::editing::service::likely_twins(offer.id)
                                    .await
                                    .inspect_err(|error| tracing::warn!(%error, offer = offer.id, "likely twins not checked"))
                                    .unwrap_or_default(),
                                None => Vec::new(),
                            };
                            match hidden {
                                Some(offer) => {
                                    let id = offer.id;
                                    // The editors' tools are German.
                                    view! {
                                        <Title text=format!("{} – nicht öffentlich – Chancenkarte", offer.value(EditableField::Name)) />
                                        <div lang="de" dir="ltr">
                                            <h1 class="offer-name">{offer.value(EditableField::Name).to_string()}</h1>
                                            <p class="stale-warning" role="note">
                                                "Dieses Angebot ist nicht öffentlich (archiviert oder noch nicht veröffentlicht). Nur die Redaktion sieht diese Seite."
                                            </p>
                                            <TwinNote twins decide_for=id />
                                        </div>
                                        <EditorPanel id />
                                    }
                                        .into_any()
                                }
                                None => {
                                    set_not_found_status();
                                    view! {
                                        <Title text=t("angebot-nicht-gefunden-titel") />
                                        <section class="not-found">
                                            <h1>{t("angebot-nicht-gefunden")}</h1>
                                            <p>{t("angebot-nicht-gefunden-text")}</p>
                                            <p>
                                                <a href="/">{t("seite-zur-karte")}</a>
                                            </p>
                                        </section>
                                    }
                                        .into_any()
                                }
                            }
                        }
                        Err(error) => {
                            tracing::error!(%error, "offer page failed");
                            view! { <p class="error" role="alert">{t("angebot-fehler")}</p> }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "https://karte.example.de";

    fn back(referer: &str) -> String {
        back_to_map(Some(referer), SITE, 7, |ags| ags == "05558012")
    }

    #[test]
    fn the_back_link_returns_to_the_filtered_map_of_this_site() {
        assert_eq!(
            back("https://karte.example.de/?thema=beratung&alter=4"),
            "/?alter=4&thema=beratung&angebot=7"
        );
        // The offer open before gives way to this one; the page number is not a filter.
        assert_eq!(
            back("https://karte.example.de/?ort=05558012&angebot=3&seite=2"),
            "/?ort=05558012&angebot=7"
        );
        assert_eq!(back("https://karte.example.de/"), "/?angebot=7");
    }

    #[test]
    fn the_back_link_ignores_other_sites_and_pages() {
        for referer in [
            "https://evil.example/?thema=beratung",
            "http://karte.example.de/?thema=beratung",
            "https://karte.example.de:8443/?thema=beratung",
            "https://karte.example.de.evil.example/?thema=beratung",
            "https://karte.example.de/angebot/3?thema=beratung",
            "https://karte.example.de/drucken?thema=beratung",
            "https://karte.example.de//evil.example/?thema=beratung",
            "kein Link",
            "",
        ] {
            assert_eq!(back(referer), "/?angebot=7", "{referer}");
        }
        assert_eq!(
            back_to_map(None, SITE, 7, |_| true),
            "/?angebot=7",
            "no Referer"
        );
    }

    #[test]
    fn a_garbled_query_comes_back_canonical() {
        assert_eq!(
            back(
                "https://karte.example.de/?alter=abc&thema=zauberei&thema=beratung&ort=999&foo=%3Cscript%3E&kostenlos=ja"
            ),
            "/?thema=beratung&kostenlos=1&angebot=7"
        );
        let link = back("https://karte.example.de/?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assert!(link.starts_with("/?q="), "{link}");
        assert!(!link.contains(['<', '>', '"']), "{link}");
    }

    #[test]
    fn a_local_trial_accepts_the_loopback_host_it_runs_at() {
        let local = "http://127.0.0.1:3000";
        assert_eq!(
            back_to_map(Some("http://127.0.0.1:3000/?alter=4"), local, 7, |_| true),
            "/?alter=4&angebot=7"
        );
        assert_eq!(
            back_to_map(Some("http://localhost:3000/?alter=4"), local, 7, |_| true),
            "/?angebot=7"
        );
    }
}
