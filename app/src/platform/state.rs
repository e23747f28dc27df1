//! The state every request handler and server function reaches through Leptos context.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::use_context;

use crate::shared::error::AppError;

use crate::region::model::{RegionBoundaries, RegionInfo};

#[derive(Clone)]
pub struct AppState {
    /// Each feature's store and parts (see [`FeatureParts`]).
    pub features: FeatureParts,
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
    /// Where the site lives (`PUBLIC_URL`): the origin forms must come from and links use.
    pub site: Arc<crate::platform::site::SiteAddress>,
    /// How many months searches without results are kept.
    pub zero_result_months: u32,
    /// The default distance beyond which a town's reach is flagged (km).
    pub reach_limit_km: f64,
    /// Who runs the site: the content of Impressum, Datenschutz and Barrierefreiheit.
    pub operator: Arc<crate::platform::operator::OperatorInfo>,
    /// The map page's style sheets as one inline text, if the built files could be read.
    pub map_page_style: Option<Arc<crate::platform::inline_style::InlineStyle>>,
}

/// The features' parts of the state, by type: each feature's store (`dyn OfferStorage`, …) and
/// what else one feature needs (the planners' base figures). The composition root
/// (`crate::storage`) registers them; a feature asks for its own
/// (`state.features.get::<dyn OfferStorage>()`), so the platform never names a feature.
#[derive(Clone, Default)]
pub struct FeatureParts(Arc<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>);

impl FeatureParts {
    /// These parts and `part`, found again by its type `T`.
    pub fn with<T: ?Sized + Send + Sync + 'static>(self, part: Arc<T>) -> FeatureParts {
        let mut parts = Arc::unwrap_or_clone(self.0);
        parts.insert(TypeId::of::<Arc<T>>(), Arc::new(part));
        FeatureParts(Arc::new(parts))
    }

    /// The part registered as `T`; an internal error if the composition root forgot it.
    pub fn get<T: ?Sized + Send + Sync + 'static>(&self) -> Result<Arc<T>, AppError> {
        self.0
            .get(&TypeId::of::<Arc<T>>())
            .and_then(|part| part.downcast_ref::<Arc<T>>())
            .cloned()
            .ok_or_else(|| {
                AppError::Internal(format!(
                    "no {} in the application state",
                    std::any::type_name::<T>()
                ))
            })
    }
}

/// The application state, provided to every server function and page render.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>()
        .ok_or_else(|| AppError::Internal("no application state in the context".into()))
}

impl AppState {
    /// A feature's store or part (`state.part::<dyn OfferStorage>()`).
    pub fn part<T: ?Sized + Send + Sync + 'static>(&self) -> Result<Arc<T>, AppError> {
        self.features.get()
    }

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

#[cfg(test)]
mod feature_parts_tests {
    use super::*;

    trait Greeting: Send + Sync {
        fn greet(&self) -> &'static str;
    }
    struct Hello;
    impl Greeting for Hello {
        fn greet(&self) -> &'static str {
            "hallo"
        }
    }

    #[test]
    fn a_part_is_found_by_its_type_and_a_missing_one_is_an_internal_error() {
        let parts = FeatureParts::default()
            .with::<dyn Greeting>(Arc::new(Hello))
            .with(Arc::new(42_u32));
        assert_eq!(parts.get::<dyn Greeting>().unwrap().greet(), "hallo");
        assert_eq!(*parts.get::<u32>().unwrap(), 42);
        assert!(matches!(parts.get::<u64>(), Err(AppError::Internal(_))));
    }
}
