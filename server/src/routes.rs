//! Builds the application: opens storage, loads the region and demo data, and assembles the
//! axum router with the Leptos pages, server functions and static files.

use std::sync::Arc;

use app::server::state::AppState;
use app::server::storage::{self, StorageError};
use app::{App, shell};
use axum::Router;
use axum::body::Body;
use axum::http::StatusCode;
use axum::response::Response;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use thiserror::Error;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

use app::domain::account::Role;
use app::domain::directory::{vcard, vcard_file_name};
use app::domain::offer_edit::EditableField;
use app::domain::operator::OperatorInfo;
use app::i18n::Locale;
use app::server::auth::{account_of_session, signed_in_as, with_request_auth};
use app::server::error::AppError;
use app::server::i18n::{LANGUAGE_COOKIE, locale_of};
use app::server::panel_fragment::{self, PanelRequest};
use app::server::sessions::{SessionBackend, session_layer};
use axum::extract::{Form, Path, Query};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use tower_sessions::{ExpiredDeletion, Session, SessionManagerLayer};

use crate::config::Config;
use crate::demo;
use crate::demo_accounts::{DemoAccount, ensure_demo_accounts};
use crate::guard;
use crate::region::{LoadedRegion, RegionError};

#[derive(Debug, Error)]
pub enum StartError {
    #[error(transparent)]
    Region(#[from] RegionError),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("cannot prepare the database directory: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot read the operator file {path}: {reason}")]
    Operator { path: String, reason: String },
    #[error("FORM_SECRET is too short: it needs at least 16 characters")]
    FormSecret,
}

/// Everything a running server needs, built from the configuration.
pub struct Application {
    pub state: AppState,
    pub region: LoadedRegion,
    pub router: Router,
    /// The demo accounts (demo mode only), to print at startup.
    pub demo_accounts: Vec<DemoAccount>,
}

/// How long failed logins and public form posts are remembered (with the client address in
/// the key of the latter); the privacy notice promises at most a day.
const FAILURE_MEMORY_SECS: i64 = 24 * 60 * 60;

/// Hourly, forgets failure records older than [`FAILURE_MEMORY_SECS`].
async fn forget_failure_records(storage: Arc<dyn storage::Storage>) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(60 * 60));
    loop {
        every_hour.tick().await;
        let before = app::server::auth::now() - FAILURE_MEMORY_SECS;
        match storage.prune_failure_records(before).await {
            Ok(0) => {}
            Ok(forgotten) => tracing::info!(forgotten, "old failure records forgotten"),
            Err(error) => tracing::warn!(%error, "forgetting old failure records failed"),
        }
    }
}

pub async fn build(config: &Config) -> Result<Application, StartError> {
    config.prepare_database_dir()?;
    let form_secret = match &config.form_secret {
        Some(text) => app::server::form_stamp::shared_secret(text).ok_or(StartError::FormSecret)?,
        None => app::server::form_stamp::new_secret(),
    };
    let region = LoadedRegion::load(&config.region_file)?;
    let operator_error = |reason: String| StartError::Operator {
        path: config.operator_file.display().to_string(),
        reason,
    };
    let operator = std::fs::read_to_string(&config.operator_file)
        .map_err(|error| operator_error(error.to_string()))
        .and_then(|text| OperatorInfo::parse(&text).map_err(operator_error))?;
    let storage = storage::connect(&config.database_url).await?;
    storage.migrate().await?;
    storage
        .upsert_municipalities(&region.storage_municipalities())
        .await?;
    let sessions = storage.session_store();
    sessions.migrate().await.map_err(StorageError::from)?;
    tokio::spawn(
        sessions
            .clone()
            .continuously_delete_expired(std::time::Duration::from_secs(60 * 60)),
    );
    tokio::spawn(forget_failure_records(storage.clone()));
    tokio::spawn(crate::planning::forget_old_zero_results(
        storage.clone(),
        config.zero_result_months,
    ));
    let mut demo_accounts = Vec::new();
    if config.demo_data {
        let inserted = demo::load_if_empty(storage.as_ref(), &region).await?;
        if inserted > 0 {
            tracing::info!(inserted, "demo offers generated");
        }
        demo_accounts = ensure_demo_accounts(storage.as_ref()).await?;
    }
    let state = AppState {
        storage,
        region: Arc::new(region.public_info(config.tile_source(), config.demo_data)),
        boundaries: Arc::new(region.boundaries.clone()),
        trust_forwarded_for: config.trust_forwarded_for,
        demo_mode: config.demo_data,
        town_centres: Arc::new(
            region
                .municipalities
                .iter()
                .map(|m| (m.ags.clone(), m.centre.1, m.centre.0))
                .collect(),
        ),
        municipality_areas: Arc::new(
            region
                .municipalities
                .iter()
                .map(|m| (m.ags.clone(), m.area.clone()))
                .collect(),
        ),
        form_secret: Arc::new(form_secret),
        planning: Arc::new(region.planning_base()),
        zero_result_months: config.zero_result_months,
        reach_limit_km: config.reach_limit_km,
        operator: Arc::new(operator),
        public_url: config.public_url.as_deref().map(Arc::from),
    };
    let options = LeptosOptions::builder()
        .output_name("chancenkarte")
        .site_root(config.site_root.as_str())
        .site_addr(config.site_addr)
        .build();
    let router = router(
        state.clone(),
        region.state_province.clone(),
        options,
        config,
        session_layer(sessions, config.cookie_secure),
    );
    Ok(Application {
        state,
        region,
        router,
        demo_accounts,
    })
}

/// Server functions answer every error with 500; an argument that cannot be decoded is the
/// caller's mistake, so it becomes a 400 with the same reason.
async fn argument_errors_are_client_errors(response: Response) -> Response {
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key("serverfnerror")
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    if bytes.starts_with(b"Args|") || bytes.starts_with(b"Deserialization|") {
        parts.status = StatusCode::BAD_REQUEST;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The editors' fragment of the map's detail panel: shown, a field saved, or marked checked.
async fn map_panel(state: AppState, session: Session, id: i64, request: PanelRequest) -> Response {
    let editor = match signed_in_as(Role::Editor, &state, &session).await {
        Ok(editor) => editor,
        Err(refused) => return refused,
    };
    let today = chrono::Local::now().date_naive();
    let now = app::server::auth::now();
    match panel_fragment::answer(state.storage.as_ref(), &editor, id, request, now, today).await {
        Ok(html) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response(),
        Err(error) => (error.status(), error.to_string()).into_response(),
    }
}

/// `GET /sprache?zu=en&zurueck=/angebot/3`: remembers the interface language for a year and
/// goes back to the page (a link, so it works without JavaScript). Only a path on this site
/// is a place to go back to.
async fn choose_language(Query(query): Query<Vec<(String, String)>>) -> Response {
    let Some(locale) = pair(&query, "zu").and_then(Locale::parse) else {
        return (
            StatusCode::BAD_REQUEST,
            "Diese Sprache gibt es hier nicht (möglich: de, en, tr, ar, uk).",
        )
            .into_response();
    };
    let back = pair(&query, "zurueck")
        .filter(|path| path.starts_with('/') && !path.starts_with("//") && !path.contains('\\'))
        .unwrap_or("/");
    let cookie = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        locale.code()
    );
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, back.to_string()),
            (header::SET_COOKIE, cookie),
        ],
    )
        .into_response()
}

/// The map's detail panel content of offer `id`: public, plus the member-only section for
/// signed-in members.
async fn offer_panel(state: AppState, session: Session, id: i64, locale: Locale) -> Response {
    let is_member = matches!(
        account_of_session(&session, state.storage.as_ref()).await,
        Ok(Some(account)) if account.role.includes(Role::Member)
    );
    match app::server::detail_fragment::detail_for(state.storage.as_ref(), id, is_member, locale)
        .await
    {
        Ok(Some(html)) => {
            ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
        }
        Ok(None) => (
            StatusCode::NOT_FOUND,
            app::server::i18n::message(locale, "karte-angebot-fehlt", None),
        )
            .into_response(),
        Err(error) => {
            let error = AppError::from(error);
            (error.status(), error.to_string()).into_response()
        }
    }
}

/// The first value of `key` in form or query pairs.
fn pair<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// The version a panel form was based on; one that cannot be read never matches.
fn version_of(form: &[(String, String)]) -> i64 {
    pair(form, "version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(-1)
}

/// The request a panel form sent: a field's value (`value`, or ticked `values[]`).
fn panel_save(form: &[(String, String)]) -> PanelRequest {
    let ticked: Vec<&str> = form
        .iter()
        .filter(|(k, _)| k == "values[]")
        .map(|(_, v)| v.as_str())
        .collect();
    PanelRequest::Save {
        version: version_of(form),
        field: pair(form, "field").unwrap_or_default().to_string(),
        value: pair(form, "value").map_or_else(|| ticked.join(","), str::to_string),
    }
}

/// A contact person's vCard, for signed-in members only.
async fn contact_vcard(state: AppState, session: Session, id: i64) -> Response {
    let refused = |error: AppError| (error.status(), error.to_string()).into_response();
    if let Err(refusal) = signed_in_as(Role::Member, &state, &session).await {
        return refusal;
    }
    match state.storage.contact(id).await {
        Ok(Some(contact)) => (
            [
                (
                    header::CONTENT_TYPE,
                    "text/vcard; charset=utf-8".to_string(),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}\"", vcard_file_name(&contact)),
                ),
            ],
            vcard(&contact),
        )
            .into_response(),
        Ok(None) => refused(AppError::NotFound(
            "Diese Ansprechperson gibt es nicht.".into(),
        )),
        Err(error) => refused(AppError::from(error)),
    }
}

fn router(
    state: AppState,
    state_province: String,
    options: LeptosOptions,
    config: &Config,
    sessions: SessionManagerLayer<SessionBackend>,
) -> Router {
    let routes = generate_route_list(App);
    let vcard_state = state.clone();
    let (panel_show, panel_post, panel_checked) = (state.clone(), state.clone(), state.clone());
    let detail_state = state.clone();
    let storage_for_auth = state.storage.clone();
    let planning_routes = Router::new()
        .route("/planung/matrix.csv", get(crate::planning::matrix_download))
        .route(
            "/planung/einwohner-kinder.csv",
            get(crate::planning::towns_download),
        )
        .route(
            "/planung/erreichbarkeit.csv",
            get(crate::planning::reach_download),
        )
        .route(
            "/planung/suchen-ohne-ergebnis.csv",
            get(crate::planning::zero_results_download),
        )
        .route(
            "/suche/ohne-ergebnis",
            post(crate::planning::report_zero_result),
        )
        .route("/redaktion/angebote.csv", get(crate::offer_import::export))
        .route(
            "/redaktion/import/pruefen",
            post(crate::offer_import::upload).layer(axum::extract::DefaultBodyLimit::max(
                app::server::offer_csv::MAX_FILE_BYTES + 64 * 1024,
            )),
        )
        .route(
            "/redaktion/import/ausfuehren",
            post(crate::offer_import::execute),
        )
        .with_state(state.clone());
    let counting_state = state.clone();
    let api_state = crate::api_v1::ApiState {
        app: state.clone(),
        started_at: chrono::Utc::now().timestamp(),
        state_province,
    };
    let provide_state = move || provide_context(state.clone());
    Router::new()
        .leptos_routes_with_context(&options, routes, provide_state.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .route(
            "/netzwerk/kontakt/{id}/vcard",
            get(move |session: Session, Path(id): Path<i64>| {
                contact_vcard(vcard_state.clone(), session, id)
            }),
        )
        .route(
            "/kartenfenster/angebot/{id}",
            get(
                move |session: Session, Path(id): Path<i64>, headers: axum::http::HeaderMap| {
                    offer_panel(detail_state.clone(), session, id, locale_of(&headers))
                },
            ),
        )
        .route("/sprache", get(choose_language))
        .merge(planning_routes)
        .merge(crate::api_v1::routes(api_state.clone()))
        .merge(crate::hsds::routes(api_state))
        .route(
            "/redaktion/kartenfenster/{id}",
            get(
                move |session: Session,
                      Path(id): Path<i64>,
                      Query(query): Query<Vec<(String, String)>>| {
                    let field = |key: &str| pair(&query, key).and_then(EditableField::parse);
                    let request = PanelRequest::Show {
                        editing: field("bearbeiten"),
                        focus_on: field("fokus"),
                    };
                    map_panel(panel_show.clone(), session, id, request)
                },
            )
            .post(
                move |session: Session,
                      Path(id): Path<i64>,
                      Form(form): Form<Vec<(String, String)>>| {
                    map_panel(panel_post.clone(), session, id, panel_save(&form))
                },
            ),
        )
        .route(
            "/redaktion/kartenfenster/{id}/geprueft",
            post(
                move |session: Session,
                      Path(id): Path<i64>,
                      Form(form): Form<Vec<(String, String)>>| {
                    let request = PanelRequest::MarkChecked {
                        version: version_of(&form),
                    };
                    map_panel(panel_checked.clone(), session, id, request)
                },
            ),
        )
        .nest_service("/vendor/leaflet", ServeDir::new(&config.leaflet_dir))
        .fallback(leptos_axum::file_and_error_handler_with_context(
            provide_state,
            shell,
        ))
        .layer(axum::middleware::map_response(
            argument_errors_are_client_errors,
        ))
        .layer(axum::middleware::from_fn_with_state(
            counting_state,
            crate::planning::count_page_searches,
        ))
        .layer(axum::middleware::from_fn_with_state(
            storage_for_auth,
            with_request_auth,
        ))
        .layer(sessions)
        .layer(axum::middleware::from_fn(guard::no_store_for_personal))
        .layer(axum::middleware::from_fn(guard::same_site_writes_only))
        // Pages come in the language of the cookie or of Accept-Language: caches must keep
        // them apart.
        .layer(tower_http::set_header::SetResponseHeaderLayer::appending(
            header::VARY,
            axum::http::HeaderValue::from_static("Accept-Language, Cookie"),
        ))
        .layer(CompressionLayer::new())
        .with_state(options)
}
