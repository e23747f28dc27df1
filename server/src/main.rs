//! The server binary: reads the configuration, builds the application and serves it.

use clap::Parser;
use server::config::Config;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let config = Config::parse();
    let application = server::routes::build(&config).await?;
    let listener = tokio::net::TcpListener::bind(config.site_addr).await?;
    tracing::info!("Chancenkarte läuft auf http://{}", config.site_addr);
    axum::serve(listener, application.router).await?;
    Ok(())
}
