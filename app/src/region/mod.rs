//! The region the app serves: its municipalities, boundaries and map sources (`model`), the
//! local gazetteer for "In meiner Nähe" (`places`) and the loader of the region folder.

#[cfg(feature = "ssr")]
pub mod loader;
pub mod model;
pub mod places;
