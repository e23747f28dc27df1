//! The server binary: reads the configuration, then either runs a command (`create-admin`) or
//! builds the application and serves it.

use clap::Parser;
use server::config::{Command, Config};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let config = Config::parse();
    if let Some(Command::CreateAdmin { email, name }) = &config.command {
        config.prepare_database_dir()?;
        let storage = app::storage::connect(&config.database_url).await?;
        storage.migrate().await?;
        match server::admin_cli::create_admin(storage.as_ref(), email, name).await? {
            Some(password) => println!("Admin-Konto {email} angelegt. Passwort: {password}"),
            None => println!("Admin-Konto {email} angelegt."),
        }
        return Ok(());
    }
    let application = server::startup::build(&config).await?;
    for demo in &application.demo_accounts {
        println!(
            "Demo-Konto ({}): {} / Passwort: {}",
            demo.role.label(),
            demo.email,
            demo.password
        );
    }
    let listener = tokio::net::TcpListener::bind(config.site_addr).await?;
    // The bound address, not the configured one: with port 0 the system picks it (tests do).
    println!("Chancenkarte läuft auf http://{}", listener.local_addr()?);
    server::serve(listener, application.router).await?;
    Ok(())
}
