//! The Chancenkarte server as a library: configuration, region loading, demo data and the
//! HTTP router, so that `main` only wires them together and tests can start the real server.

pub mod config;
pub mod demo;
pub mod region;
pub mod routes;
