//! The HTML shell, the router and the parts every page shares (header, footer, 404).

use crate::accounts::endpoints::Logout;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::{Link, MetaTags, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use crate::accounts::auth::current_viewer;
use crate::accounts::model::Role;
use crate::accounts::ui::account_pages::{AccountPage, InvitationPage, LoginPage};
use crate::accounts::ui::admin_page::AdminPage;
use crate::confirmations::ui::{InstitutionPage, OrganizationDeskPage, OrganizationsPage};
use crate::editing::ui::overview_page::EditorOverview;
use crate::import::ui::ImportPage;
use crate::map::ui::map_page::MapPage;
use crate::map::ui::offer_page::OfferPage;
use crate::map::ui::print_page::PrintPage;
use crate::map::ui::selection_page::{SELECTION_SCRIPT, SelectionPage};
use crate::members::ui::directory_page::DirectoryPage;
use crate::planning::ui::PlanningPage;
use crate::platform::catalogues::{current_locale, t, t_with};
use crate::platform::response::set_not_found_status;
use crate::region::model::RegionInfo;
use crate::requests::ui::{ListingRequestPage, ListingRequestThanks, NewOfferDesk, RequestsDesk};
use crate::shared::i18n::Locale;
use crate::shell::info_pages::{
    AccessibilityPage, HelpPage, ImprintPage, OpenDataPage, PrivacyPage,
};
use crate::subscriptions::ui::{SubscriptionPage, UnsubscribePage, UnsubscribedPage};
use fluent_bundle::FluentValue;

pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = current_locale();
    // The map page carries Leaflet's and the site's rules inline, to paint a round trip sooner;
    // its policy allows exactly that text.
    #[cfg(feature = "ssr")]
    let inline_style = crate::map::ui::map_page::inline_style_of_this_page();
    #[cfg(feature = "ssr")]
    crate::platform::response::set_content_security_policy(
        inline_style.as_ref().map(|style| style.csp_source.as_str()),
    );
    // Only pages with an island load the Wasm and Leaflet (see
    // `crate::map::ui::map_page::MapScripts`); they find the options here.
    // The style sheet's name carries its content's hash after a build with `hash-files`.
    #[cfg(feature = "ssr")]
    let styles = match inline_style {
        Some(inline) => view! { <style inner_html=inline.text.clone()></style> }.into_any(),
        None => {
            let href = crate::platform::built_files::stylesheet_href(&options);
            view! { <link rel="stylesheet" href=href /> }.into_any()
        }
    };
    #[cfg(not(feature = "ssr"))]
    let styles = ();
    provide_context(options);
    view! {
        <!DOCTYPE html>
        <html lang=locale.code() dir=locale.direction()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <MetaTags />
                // After the page's own style sheets (Leaflet's), so ours win where both style.
                {styles}
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The region description, loaded once per page and shared through context.
pub type RegionResource = Resource<Result<RegionInfo, crate::shared::error::AppError>>;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(current_locale());
    let region: RegionResource =
        Resource::new_blocking(|| (), |_| async { crate::offers::service::region_info() });
    provide_context(region);

    view! {
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
        <Router>
            <a class="skip-link" href="#inhalt">
                {t("seite-zum-inhalt")}
            </a>
            <header class="site-header">
                <a class="brand" href="/">
                    "Chancenkarte"
                </a>
                <Suspense>
                    {move || Suspend::new(async move {
                        region.await.ok().map(|r| view! { <span class="region-name">{r.name}</span> })
                    })}
                </Suspense>
                <SelectionLink />
                <LanguageSwitch />
                <AccountNav />
            </header>
            <main id="inhalt" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=MapPage ssr=SsrMode::Async />
                    <Route path=path!("/angebot/:id") view=OfferPage ssr=SsrMode::Async />
                    <Route path=path!("/anmelden") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/konto") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/einladung/:token") view=InvitationPage ssr=SsrMode::Async />
                    <Route path=path!("/netzwerk") view=DirectoryPage ssr=SsrMode::Async />
                    <Route path=path!("/netzwerk/nachrichten") view=SubscriptionPage ssr=SsrMode::Async />
                    <Route path=path!("/nachrichten/abbestellen") view=UnsubscribePage ssr=SsrMode::Async />
                    <Route path=path!("/nachrichten/abbestellt") view=UnsubscribedPage />
                    <Route path=path!("/verwaltung") view=AdminPage ssr=SsrMode::Async />
                    <Route path=path!("/planung") view=PlanningPage ssr=SsrMode::Async />
                    <Route path=path!("/redaktion/import") view=ImportPage ssr=SsrMode::Async />
                    <Route path=path!("/redaktion/einrichtungen") view=OrganizationsPage ssr=SsrMode::Async />
                    <Route path=path!("/redaktion/einrichtungen/:id") view=OrganizationDeskPage ssr=SsrMode::Async />
                    <Route path=path!("/bestaetigen") view=InstitutionPage ssr=SsrMode::Async />
                    <Route path=path!("/daten") view=OpenDataPage />
                    <Route path=path!("/redaktion") view=|| view! { <EditorOverview first=|| view! { <RequestsDesk /> } last=|| view! { <NewOfferDesk /> } /> } ssr=SsrMode::Async />
                    <Route path=path!("/eintragen") view=ListingRequestPage ssr=SsrMode::Async />
                    <Route path=path!("/eintragen/danke") view=ListingRequestThanks ssr=SsrMode::Async />
                    <Route path=path!("/drucken") view=PrintPage ssr=SsrMode::Async />
                    <Route path=path!("/auswahl") view=SelectionPage ssr=SsrMode::Async />
                    <Route path=path!("/hilfe") view=HelpPage />
                    <Route path=path!("/barrierefreiheit") view=AccessibilityPage />
                    <Route path=path!("/impressum") view=ImprintPage />
                    <Route path=path!("/datenschutz") view=PrivacyPage />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

/// "angemeldet als …" with the pages the role may open and the logout button, or the login link.
#[component]
fn AccountNav() -> impl IntoView {
    view! {
        <nav class="account-nav" aria-label="Konto">
            <Suspense>
                {move || Suspend::new(async move {
                    match current_viewer().await {
                        Some(viewer) => {
                            let admin = viewer.is(Role::Admin);
                            let editor = viewer.is(Role::Editor);
                            // Requests waiting for a decision, counted on the server for
                            // editors only (the service checks the role again); nobody else's
                            // menu changes.
                            let open = if editor {
                                crate::requests::service::open_request_count()
                                    .await
                                    .ok()
                                    .filter(|open| *open > 0)
                            } else {
                                None
                            };
                            let open_text = open.map(|open| {
                                t_with("konto-redaktion-offen", &[("count", FluentValue::from(open))])
                            });
                            // A menu, so the header stays one line on a phone.
                            view! {
                                <details class="account-menu">
                                    <summary>
                                        <span class="signed-in">
                                            "angemeldet als " <b>{viewer.name}</b> " ("
                                            {viewer.role.label()} ")"
                                        </span>
                                        {open.zip(open_text.clone()).map(|(open, text)| view! {
                                            <span class="request-badge">
                                                {open.to_string()}
                                                <span class="visually-hidden">{format!(" {text}")}</span>
                                            </span>
                                        })}
                                    </summary>
                                    <div class="account-links">
                                        <a href="/konto">"Mein Konto"</a>
                                        <a href="/netzwerk">"Netzwerk"</a>
                                        <a href="/netzwerk/nachrichten">"Nachrichten per E-Mail"</a>
                                        <a href="/planung">"Planung"</a>
                                        {editor.then(|| view! {
                                            <a href="/redaktion">
                                                {match open.zip(open_text) {
                                                    Some((open, text)) => view! {
                                                        {format!("Redaktion ({open}")}
                                                        <span class="visually-hidden">{format!(" {text}")}</span>
                                                        ")"
                                                    }
                                                        .into_any(),
                                                    None => "Redaktion".into_any(),
                                                }}
                                            </a>
                                        })}
                                        {admin.then(|| view! { <a href="/verwaltung">"Verwaltung"</a> })}
                                        <form method="post" action=Logout::url() class="logout">
                                            <button type="submit">"Abmelden"</button>
                                        </form>
                                    </div>
                                </details>
                            }
                                .into_any()
                        }
                        None => {
                            view! {
                                <a href="/anmelden">
                                    <span class="wide-only">{t("seite-anmelden")}</span>
                                    <span class="narrow-only">{t("seite-anmelden-kurz")}</span>
                                </a>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </nav>
    }
}

/// The way to the device's Merkliste with its count. The server cannot know the list (it lives
/// in the browser's storage only), so the link stays hidden until `merkliste.js`, loaded on
/// every page, fills in the count and the list's address.
#[component]
fn SelectionLink() -> impl IntoView {
    view! {
        <leptos_meta::Script defer="defer" src=SELECTION_SCRIPT />
        <a class="selection-link" id="merkliste-link" href="/auswahl" hidden=true>
            <span class="selection-star" aria-hidden="true">"★"</span>
            <span class="selection-label">{t("auswahl-kopf")}</span>
            " "
            <span class="selection-count" id="merkliste-anzahl">"0"</span>
        </a>
    }
}

/// The interface languages, each named in itself; links (no script needed) that remember the
/// choice and come back to this page.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let current = current_locale();
    let here = use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.uri.path_and_query().map(|p| p.as_str().to_string()))
        .unwrap_or_else(|| "/".to_string());
    view! {
        <nav class="language-switch" aria-label=t("seite-sprache-waehlen")>
            // A disclosure, so the five names take one line of a phone's header.
            <details>
                <summary>
                    <span class="language-prefix">{t("seite-sprache-waehlen")} ": "</span>
                    <span lang=current.code()>{current.native_name()}</span>
                </summary>
                <ul>
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        let href = format!(
                            "/sprache?{}",
                            crate::shared::query_pairs::encode_query(&[
                                ("zu", locale.code()),
                                ("zurueck", here.as_str()),
                            ]),
                        );
                        view! {
                            <li>
                                <a
                                    href=href
                                    lang=locale.code()
                                    hreflang=locale.code()
                                    aria-current=(locale == current).then_some("true")
                                >
                                    {locale.native_name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
                </ul>
            </details>
        </nav>
    }
}

#[component]
fn SiteFooter() -> impl IntoView {
    let region = expect_context::<RegionResource>();
    view! {
        <footer class="site-footer">
            <nav class="footer-links" aria-label=t("seite-informationen")>
                <a href="/hilfe">{t("seite-hilfe")}</a>
                <a href="/eintragen">{t("seite-eintragen")}</a>
                <a href="/barrierefreiheit">{t("seite-barrierefreiheit")}</a>
                <a href="/impressum">{t("seite-impressum")}</a>
                <a href="/datenschutz">{t("seite-datenschutz")}</a>
                <a href="/daten">{t("seite-offene-daten")}</a>
            </nav>
            <Suspense>
                {move || Suspend::new(async move {
                    region
                        .await
                        .ok()
                        .map(|r| {
                            let tiles = r.tiles.url.is_some().then(|| r.tiles.attribution.clone());
                            view! {
                                <p class="attribution">
                                    {r.boundary_attribution.clone()}
                                    {tiles.map(|t| format!(" · {t}"))}
                                </p>
                            }
                        })
                })}
            </Suspense>
        </footer>
    }
}

/// The German 404 page; on the server it also sets the status code.
#[component]
pub fn NotFound() -> impl IntoView {
    set_not_found_status();
    view! {
        <Title text=t("seite-nicht-gefunden-titel") />
        <section class="not-found">
            <h1>{t("seite-nicht-gefunden")}</h1>
            <p>{t("seite-nicht-gefunden-text")}</p>
            <p>
                <a href="/">{t("seite-zur-karte")}</a>
            </p>
        </section>
    }
}
