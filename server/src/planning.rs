//! The planners' HTTP side: CSV downloads of the figures (members only), the counting of public
//! searches that found nothing, and the daily forgetting of old counts.

use std::sync::Arc;

use app::domain::account::Role;
use app::domain::filter::{OfferFilter, ParsedQuery, SearchableOffers, decode_query};
use app::domain::planning::{Selection, zero_result_key};
use app::domain::taxonomy::{LifePhase, Topic};
use app::server::planning::{
    matrix_csv, reach, reach_csv, town_figures, towns_csv, zero_results_csv,
};
use app::server::state::AppState;
use app::server::storage::{Storage, StorageResult};
use axum::extract::{Query, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use app::server::auth::signed_in_as;

fn csv_download(file_name: &str, text: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        text,
    )
        .into_response()
}

fn failed(error: impl std::fmt::Display) -> Response {
    tracing::error!(%error, "planning export failed");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "Die Planungszahlen konnten nicht geladen werden. Bitte versuchen Sie es später erneut.",
    )
        .into_response()
}

/// `GET /planung/matrix.csv`: every municipality × topic × life phase, with rates.
pub async fn matrix_download(State(state): State<AppState>, session: Session) -> Response {
    if let Err(refused) = signed_in_as(Role::Member, &state, &session).await {
        return refused;
    }
    let loaded = async {
        StorageResult::Ok((
            state.storage.public_offer_summaries().await?,
            state.storage.latest_child_counts().await?,
        ))
    }
    .await;
    match loaded {
        Ok((offers, entered)) => {
            let towns = town_figures(&state.planning, &entered);
            csv_download("angebotsmatrix.csv", matrix_csv(&offers, &towns))
        }
        Err(error) => failed(error),
    }
}

/// `GET /planung/einwohner-kinder.csv`: inhabitants and children per municipality.
pub async fn towns_download(State(state): State<AppState>, session: Session) -> Response {
    if let Err(refused) = signed_in_as(Role::Member, &state, &session).await {
        return refused;
    }
    match state.storage.latest_child_counts().await {
        Ok(entered) => {
            let towns = town_figures(&state.planning, &entered);
            csv_download(
                "einwohner-kinder.csv",
                towns_csv(&towns, &state.planning.population_source),
            )
        }
        Err(error) => failed(error),
    }
}

/// `GET /planung/erreichbarkeit.csv?thema=…&phase=…&weite=…`
pub async fn reach_download(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    if let Err(refused) = signed_in_as(Role::Member, &state, &session).await {
        return refused;
    }
    let value = |key: &str| {
        query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    let limit_km = match value("weite") {
        "" => state.reach_limit_km,
        text => match text.replace(',', ".").parse::<f64>() {
            Ok(km) if km.is_finite() && km > 0.0 && km <= 100.0 => km,
            _ => {
                return (
                    StatusCode::BAD_REQUEST,
                    "Die Grenze „weite“ muss eine Zahl von Kilometern zwischen 0 und 100 sein.",
                )
                    .into_response();
            }
        },
    };
    let selection = Selection {
        topic: Topic::parse(value("thema")),
        phase: LifePhase::parse(value("phase")),
    };
    match state.storage.public_offer_summaries().await {
        Ok(offers) => {
            let rows = reach(&state.planning.towns, &offers, selection, limit_km);
            csv_download("erreichbarkeit.csv", reach_csv(&rows, limit_km))
        }
        Err(error) => failed(error),
    }
}

/// `GET /planung/suchen-ohne-ergebnis.csv`: the kept period of searches that found nothing.
pub async fn zero_results_download(State(state): State<AppState>, session: Session) -> Response {
    if let Err(refused) = signed_in_as(Role::Member, &state, &session).await {
        return refused;
    }
    let today = chrono::Local::now().date_naive();
    let since = today
        .checked_sub_months(chrono::Months::new(state.zero_result_months))
        .unwrap_or(today);
    match state.storage.zero_results_since(since).await {
        Ok(counts) => {
            let region = state.region.clone();
            let name_of = |ags: &str| region.municipality_name(ags).to_string();
            csv_download(
                "suchen-ohne-ergebnis.csv",
                zero_results_csv(&counts, name_of),
            )
        }
        Err(error) => failed(error),
    }
}

/// Counts a public search that found nothing under its privacy-safe key. A search the server
/// finds offers for, or one without any criterion, is not counted. Answers whether it counted.
pub async fn count_if_nothing_found(state: &AppState, filter: &OfferFilter) -> StorageResult<bool> {
    let Some(key) = zero_result_key(filter) else {
        return Ok(false);
    };
    let offers = state.storage.public_offer_summaries().await?;
    let region = state.region.clone();
    let searchable =
        SearchableOffers::new(offers, move |ags| region.municipality_name(ags).to_string())
            .with_places(state.region.places.clone());
    if !searchable.apply(filter).matching.is_empty() {
        return Ok(false);
    }
    let today = chrono::Local::now().date_naive();
    state.storage.count_zero_result(today, &key).await?;
    Ok(true)
}

fn filter_of(state: &AppState, query: &str) -> OfferFilter {
    let pairs = decode_query(query);
    ParsedQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), |ags| {
        state.region.knows_municipality(ags)
    })
    .filter
}

/// `POST /suche/ohne-ergebnis` with the map's query as body: the map in the browser reports a
/// search the visitor made there that found nothing (the first page load is counted by
/// [`count_page_searches`]).
pub async fn report_zero_result(State(state): State<AppState>, body: String) -> Response {
    if body.len() > 2000 {
        return (StatusCode::PAYLOAD_TOO_LARGE, "Die Suche ist zu lang.").into_response();
    }
    match count_if_nothing_found(&state, &filter_of(&state, &body)).await {
        Ok(_) => StatusCode::NO_CONTENT.into_response(),
        Err(error) => {
            tracing::warn!(%error, "counting a search without results failed");
            StatusCode::NO_CONTENT.into_response()
        }
    }
}

/// Counts the search of a map page opened with filters (a shared link, or a search sent
/// without JavaScript) when it finds nothing; after the page is answered, so it costs the
/// visitor no time.
pub async fn count_page_searches(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let query = (request.method() == Method::GET && request.uri().path() == "/")
        .then(|| request.uri().query().map(str::to_string))
        .flatten();
    let response = next.run(request).await;
    if let Some(query) = query
        && response.status().is_success()
    {
        let filter = filter_of(&state, &query);
        tokio::spawn(async move {
            if let Err(error) = count_if_nothing_found(&state, &filter).await {
                tracing::warn!(%error, "counting a search without results failed");
            }
        });
    }
    response
}

/// Once a day, forgets searches without results older than the kept period.
pub async fn forget_old_zero_results(storage: Arc<dyn Storage>, months: u32) {
    let mut every_day = tokio::time::interval(std::time::Duration::from_secs(24 * 60 * 60));
    loop {
        every_day.tick().await;
        let today = chrono::Local::now().date_naive();
        let Some(before) = today.checked_sub_months(chrono::Months::new(months)) else {
            continue;
        };
        match storage.forget_zero_results_before(before).await {
            Ok(0) => {}
            Ok(forgotten) => tracing::info!(forgotten, "old searches without results forgotten"),
            Err(error) => tracing::warn!(%error, "forgetting old searches without results failed"),
        }
    }
}
