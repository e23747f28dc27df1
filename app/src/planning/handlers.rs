//! The planners' HTTP side: CSV downloads of the figures (members only) and the map's report of
//! a search that found nothing.

use crate::accounts::model::Role;
use crate::offers::taxonomy::{LifePhase, Topic};
use crate::planning::figures::{
    matrix_csv, reach, reach_csv, town_figures, towns_csv, zero_results_csv,
};
use crate::planning::model::Selection;
use crate::planning::service::{count_if_nothing_found, filter_of, planning_data};
use crate::platform::state::AppState;
use crate::shared::query_pairs::decode_query;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

use crate::accounts::auth::signed_in_as;
use crate::platform::response::file_download;

fn csv_download(file_name: &str, text: String) -> Response {
    file_download("text/csv; charset=utf-8", file_name, text)
}

/// `GET /planung/matrix.csv`: every municipality × topic × life phase, with rates.
pub async fn matrix_download(State(state): State<AppState>, session: Session) -> Response {
    if let Err(refused) = signed_in_as(Role::Member, &state, &session).await {
        return refused;
    }
    match planning_data(&state).await {
        Ok(data) => {
            let towns = town_figures(&data.base, &data.entered);
            csv_download("angebotsmatrix.csv", matrix_csv(&data.offers, &towns))
        }
        Err(error) => error.into_response(),
    }
}

/// `GET /planung/einwohner-kinder.csv`: inhabitants and children per municipality.
pub async fn towns_download(State(state): State<AppState>, session: Session) -> Response {
    if let Err(refused) = signed_in_as(Role::Member, &state, &session).await {
        return refused;
    }
    match planning_data(&state).await {
        Ok(data) => {
            let towns = town_figures(&data.base, &data.entered);
            csv_download(
                "einwohner-kinder.csv",
                towns_csv(&towns, &data.base.population_source),
            )
        }
        Err(error) => error.into_response(),
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
    match planning_data(&state).await {
        Ok(data) => {
            let rows = reach(&data.base.towns, &data.offers, selection, limit_km);
            csv_download("erreichbarkeit.csv", reach_csv(&rows, limit_km))
        }
        Err(error) => error.into_response(),
    }
}

/// `GET /planung/suchen-ohne-ergebnis.csv`: the kept period of searches that found nothing.
pub async fn zero_results_download(State(state): State<AppState>, session: Session) -> Response {
    if let Err(refused) = signed_in_as(Role::Member, &state, &session).await {
        return refused;
    }
    match planning_data(&state).await {
        Ok(data) => {
            let region = state.region.clone();
            let name_of = |ags: &str| region.municipality_name(ags).to_string();
            csv_download(
                "suchen-ohne-ergebnis.csv",
                zero_results_csv(&data.zero_results, name_of),
            )
        }
        Err(error) => error.into_response(),
    }
}

/// `POST /suche/ohne-ergebnis` with the map's query as body: the map in the browser reports a
/// search the visitor made there that found nothing (the first page load is counted by
/// [`count_page_search`]).
pub async fn report_zero_result(
    State(state): State<AppState>,
    extensions: axum::http::Extensions,
    headers: axum::http::HeaderMap,
    body: String,
) -> Response {
    if body.len() > 2000 {
        return (StatusCode::PAYLOAD_TOO_LARGE, "Die Suche ist zu lang.").into_response();
    }
    let address = crate::accounts::auth::client_address_of(
        &headers,
        extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|axum::extract::ConnectInfo(peer)| *peer),
        state.trust_forwarded_for,
    );
    let filter = filter_of(&state, &decode_query(&body));
    match count_if_nothing_found(&state, &filter, &address).await {
        Ok(_) => StatusCode::NO_CONTENT.into_response(),
        Err(error) => {
            tracing::warn!(%error, "counting a search without results failed");
            StatusCode::NO_CONTENT.into_response()
        }
    }
}

/// The planners' downloads and the map's report of a search without results.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/planung/matrix.csv", get(matrix_download))
        .route("/planung/einwohner-kinder.csv", get(towns_download))
        .route("/planung/erreichbarkeit.csv", get(reach_download))
        .route(
            "/planung/suchen-ohne-ergebnis.csv",
            get(zero_results_download),
        )
        .route("/suche/ohne-ergebnis", post(report_zero_result))
}
