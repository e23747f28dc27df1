//! The server binary: reads the configuration, then either runs a command (`create-admin`,
//! `send-digests`, `backup`, `restore`, `precompress`) or builds the application and serves it.

use clap::Parser;
use server::config::{Command, Config};

#[tokio::main]
async fn main() {
    // The reason in words (German for operators), not a debug dump of the error's structure.
    if let Err(error) = run().await {
        eprintln!("Chancenkarte: {error}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let config = Config::parse();
    match &config.command {
        Some(Command::Backup { to }) => {
            let bytes = app::platform::database::backup_sqlite(&config.database_url, to).await?;
            println!("Sicherung geschrieben: {} ({bytes} Bytes)", to.display());
            return Ok(());
        }
        Some(Command::Precompress) => {
            let dirs = [
                std::path::PathBuf::from(&config.site_root),
                config.leaflet_dir.clone(),
            ];
            if server::static_files::name_wasm_by_content(&dirs[0])? {
                println!("Die Wasm-Datei trägt jetzt den Hash ihres Inhalts (hash.txt angepasst).");
            }
            let report = server::static_files::precompress(&dirs)?;
            println!(
                "Komprimierte Kopien: {} geschrieben, {} aktuell, {} entfernt.",
                report.written, report.kept, report.removed
            );
            return Ok(());
        }
        Some(Command::Restore { from }) => {
            app::platform::database::restore_sqlite(&config.database_url, from).await?;
            println!("Sicherung {} zurückgespielt.", from.display());
            return Ok(());
        }
        _ => {}
    }
    if let Some(Command::SendDigests { all_due_now }) = &config.command {
        use app::subscriptions::service::Due;
        let due = if *all_due_now {
            Due::AllNow
        } else {
            Due::ByFrequency
        };
        let report = server::startup::send_digests_once(&config, due).await?;
        println!(
            "Nachrichten per E-Mail: {} verschickt, {} ohne Neuigkeiten, {} nicht angenommen.",
            report.sent, report.nothing_new, report.failed
        );
        if report.failed > 0 {
            return Err("Der SMTP-Server hat nicht alle Nachrichten angenommen (siehe Protokoll); die nächste Runde versucht es erneut.".into());
        }
        return Ok(());
    }
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
    if let Some(limit) = server::serve::raise_open_file_limit() {
        tracing::info!(limit, "open files allowed");
    }
    let application = server::startup::build(&config).await?;
    for demo in &application.demo_accounts {
        println!(
            "Demo-Konto ({}): {} / Passwort: {}",
            demo.login.role.label(),
            demo.login.email,
            demo.password
        );
    }
    let listener = tokio::net::TcpListener::bind(config.site_addr).await?;
    // The bound address, not the configured one: with port 0 the system picks it (tests do).
    println!("Chancenkarte läuft auf http://{}", listener.local_addr()?);
    server::serve::serve(listener, application.router, config.connection_limits()).await?;
    Ok(())
}
