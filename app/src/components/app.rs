//! The HTML shell, the router and the parts every page shares (header, footer, 404).

use leptos::prelude::*;
use leptos_meta::{Link, MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

use super::map_page::MapPage;
use super::offer_page::OfferPage;
use crate::api::region_info;
use crate::domain::region::RegionInfo;

/// Where the Leaflet files from the npm package are served.
pub const LEAFLET_PATH: &str = "/vendor/leaflet";

pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="de">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="referrer" content="no-referrer" />
                <link rel="stylesheet" href=format!("{LEAFLET_PATH}/leaflet.css") />
                // Deferred like the hydration module below, so Leaflet's global `L` exists
                // before the Wasm starts without blocking the first paint.
                <script defer src=format!("{LEAFLET_PATH}/leaflet.js")></script>
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The region description, loaded once per page and shared through context.
pub type RegionResource = Resource<Result<RegionInfo, ServerFnError>>;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let region: RegionResource = Resource::new_blocking(|| (), |_| region_info());
    provide_context(region);

    view! {
        <Stylesheet id="leptos" href="/pkg/chancenkarte.css" />
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
        <Router>
            <a class="skip-link" href="#inhalt">
                "Zum Inhalt springen"
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
            </header>
            <main id="inhalt" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=MapPage ssr=SsrMode::Async />
                    <Route path=path!("/angebot/:id") view=OfferPage ssr=SsrMode::Async />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

#[component]
fn SiteFooter() -> impl IntoView {
    let region = expect_context::<RegionResource>();
    view! {
        <footer class="site-footer">
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
        <Title text="Seite nicht gefunden – Chancenkarte" />
        <section class="not-found">
            <h1>"Seite nicht gefunden"</h1>
            <p>"Diese Adresse gibt es in der Chancenkarte nicht (Fehler 404)."</p>
            <p>
                <a href="/">"Zur Karte mit allen Angeboten"</a>
            </p>
        </section>
    }
}

pub fn set_not_found_status() {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
}
