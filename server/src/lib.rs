//! The Chancenkarte server as a library: configuration, demo data and the HTTP wiring of the
//! features in `app`, so that `main` only wires them together and tests can start the real server.

pub mod admin_cli;
pub mod config;
pub mod demo;
pub mod demo_accounts;
pub mod guard;
pub mod http;
pub mod serve;
pub mod startup;
pub mod static_files;
