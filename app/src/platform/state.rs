//! The state every request handler and server function reaches through Leptos context.

use std::sync::Arc;

use leptos::prelude::use_context;

use crate::shared::error::AppError;

use crate::platform::database::Storage;
use crate::region::model::{RegionBoundaries, RegionInfo};

#[derive(Clone)]
pub struct AppState {
    pub storage: Arc<dyn Storage>,
    pub region: Arc<RegionInfo>,
    /// The municipality boundaries and district outline, sent as they are to the map.
    pub boundaries: Arc<RegionBoundaries>,
    /// Whether `X-Forwarded-For` names the client (only behind a reverse proxy that sets it).
    pub trust_forwarded_for: bool,
    /// Whether the server generates demo data (and demo accounts).
    pub demo_mode: bool,
    /// Each municipality's key and town centre (lat, lon): where an approved listing is placed
    /// first.
    pub town_centres: Arc<Vec<(String, f64, f64)>>,
    /// Each municipality's key and area, to find the municipality of a position.
    pub municipality_areas: Arc<Vec<(String, geo::MultiPolygon<f64>)>>,
    /// Signs the render time of public forms (spam defence).
    pub form_secret: Arc<[u8; 32]>,
    /// The site's address as people reach it (`PUBLIC_URL`), for links printed on paper.
    pub public_url: Option<Arc<str>>,
    /// Population, children, town centres and boundaries for the planners' figures.
    pub planning: Arc<crate::planning::figures::PlanningBase>,
    /// How many months searches without results are kept.
    pub zero_result_months: u32,
    /// The default distance beyond which a town's reach is flagged (km).
    pub reach_limit_km: f64,
    /// Who runs the site: the content of Impressum, Datenschutz and Barrierefreiheit.
    pub operator: Arc<crate::platform::operator::OperatorInfo>,
}

/// The application state, provided to every server function and page render.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>()
        .ok_or_else(|| AppError::Internal("no application state in the context".into()))
}

impl AppState {
    /// The municipality (its key) a position lies in, if it lies in the region at all.
    pub fn municipality_at(&self, lat: f64, lon: f64) -> Option<&str> {
        use geo::Contains;
        let point = geo::Point::new(lon, lat);
        self.municipality_areas
            .iter()
            .find(|(_, area)| area.contains(&point))
            .map(|(ags, _)| ags.as_str())
    }
}
