//! Builds the application from the configuration: opens storage, loads the region, the
//! operator file and demo data, starts the background jobs and hands the state to the HTTP
//! wiring.

use std::sync::Arc;

use app::platform::database::StorageError;
use app::platform::state::AppState;
use app::storage::{self, Storage};
use axum::Router;
use thiserror::Error;

use app::platform::operator::OperatorInfo;
use app::platform::sessions::session_layer;
use app::platform::site::SiteAddress;
use tower_sessions::ExpiredDeletion;

use crate::config::Config;
use crate::demo;
use crate::demo_accounts::{
    DemoAccount, DemoAccountError, ensure_demo_accounts, retire_demo_accounts,
};
use app::region::loader::{LoadedRegion, RegionError};
use app::subscriptions::mail::Mailer;
use app::subscriptions::service::{Digests, Due, MailSettings, RoundReport};

#[derive(Debug, Error)]
pub enum StartError {
    #[error(transparent)]
    Region(#[from] RegionError),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Demo(#[from] demo::DemoError),
    #[error(transparent)]
    DemoAccounts(#[from] DemoAccountError),
    #[error("cannot prepare the database directory: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot read the operator file {path}: {reason}")]
    Operator { path: String, reason: String },
    #[error("FORM_SECRET is too short: it needs at least 16 characters")]
    FormSecret,
    #[error(
        "PUBLIC_URL fehlt: im Betrieb (COOKIE_SECURE=true) muss feststehen, unter welcher Adresse \
         die Seite erreichbar ist, z. B. PUBLIC_URL=https://chancenkarte.example.de. Nur für einen \
         Versuch auf diesem Rechner über http: COOKIE_SECURE=false."
    )]
    PublicUrlMissing,
    #[error("{0}")]
    PublicUrl(String),
    /// SMTP_URL or MAIL_FROM unusable (the reason never repeats the URL, which may hold a
    /// password).
    #[error("{0}")]
    Mail(String),
    #[error(
        "SMTP_URL ist gesetzt, FORM_SECRET aber nicht: Die Abbestell-Links in den E-Mails wären \
         nach jedem Neustart ungültig. Bitte FORM_SECRET (mindestens 16 Zeichen) setzen."
    )]
    MailWithoutFormSecret,
    #[error(
        "send-digests braucht SMTP_URL und dasselbe FORM_SECRET wie der Server (sonst gelten die \
         Abbestell-Links nicht)."
    )]
    DigestCommand,
}

/// Everything a running server needs, built from the configuration.
pub struct Application {
    pub state: AppState,
    pub region: LoadedRegion,
    pub router: Router,
    /// The demo accounts (demo mode only), to print at startup.
    pub demo_accounts: Vec<DemoAccount>,
}

/// How long failed logins and public form posts are remembered (with the client address in
/// the key of the latter); the privacy notice promises at most a day.
const FAILURE_MEMORY_SECS: i64 = 24 * 60 * 60;

/// Hourly, forgets failure records older than [`FAILURE_MEMORY_SECS`].
async fn forget_failure_records(storage: Arc<dyn Storage>) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(60 * 60));
    loop {
        every_hour.tick().await;
        let before = app::accounts::auth::now() - FAILURE_MEMORY_SECS;
        match storage.prune_failure_records(before).await {
            Ok(0) => {}
            Ok(forgotten) => tracing::info!(forgotten, "old failure records forgotten"),
            Err(error) => tracing::warn!(%error, "forgetting old failure records failed"),
        }
    }
}

/// The form secret: `FORM_SECRET`'s, or one of this process.
fn form_secret(config: &Config) -> Result<[u8; 32], StartError> {
    Ok(match &config.form_secret {
        Some(text) => {
            app::requests::form_stamp::shared_secret(text).ok_or(StartError::FormSecret)?
        }
        None => app::requests::form_stamp::new_secret(),
    })
}

/// The operator file, read and checked.
fn operator(config: &Config) -> Result<OperatorInfo, StartError> {
    let operator_error = |reason: String| StartError::Operator {
        path: config.operator_file.display().to_string(),
        reason,
    };
    std::fs::read_to_string(&config.operator_file)
        .map_err(|error| operator_error(error.to_string()))
        .and_then(|text| OperatorInfo::parse(&text).map_err(operator_error))
}

/// The site's own address: settled before anything is opened, because a production start
/// without it would fall back on whatever Host header a client sends.
fn site(config: &Config) -> Result<SiteAddress, StartError> {
    match (&config.public_url, config.cookie_secure) {
        (Some(url), _) => SiteAddress::public(url).map_err(StartError::PublicUrl),
        (None, false) => Ok(SiteAddress::Local),
        (None, true) => Err(StartError::PublicUrlMissing),
    }
}

/// The mailer of `SMTP_URL` and `MAIL_FROM` (by default "Chancenkarte" and the operator's
/// address), or `None` without `SMTP_URL`. Checked at start: a wrong URL stops the server
/// instead of failing at the first digest.
fn mailer(config: &Config, operator: &OperatorInfo) -> Result<Option<Mailer>, StartError> {
    let Some(url) = config
        .smtp_url
        .as_deref()
        .filter(|url| !url.trim().is_empty())
    else {
        return Ok(None);
    };
    let from = config
        .mail_from
        .clone()
        .unwrap_or_else(|| format!("Chancenkarte <{}>", operator.email));
    Mailer::new(url, &from).map(Some).map_err(StartError::Mail)
}

/// The digest rounds of this configuration: where links start is `PUBLIC_URL` (in a local
/// trial, the listen address).
fn digests(
    config: &Config,
    storage: &Arc<dyn Storage>,
    mailer: Mailer,
    form_secret: Arc<[u8; 32]>,
    site: &SiteAddress,
    region: &LoadedRegion,
) -> Digests {
    Digests {
        storage: storage.clone(),
        mailer,
        form_secret,
        link_base: site
            .public_origin()
            .map_or_else(|| format!("http://{}", config.site_addr), str::to_string),
        municipalities: region
            .municipalities
            .iter()
            .map(|m| app::region::model::MunicipalityInfo {
                ags: m.ags.clone(),
                name: m.name.clone(),
            })
            .collect(),
    }
}

/// `server send-digests`: one digest round against the configured database, beside or
/// instead of a running server.
pub async fn send_digests_once(config: &Config, due: Due) -> Result<RoundReport, StartError> {
    if config.form_secret.is_none() {
        return Err(StartError::DigestCommand);
    }
    let operator = operator(config)?;
    let mailer = mailer(config, &operator)?.ok_or(StartError::DigestCommand)?;
    let site = site(config)?;
    let region = LoadedRegion::load(&config.region_file)?;
    config.prepare_database_dir()?;
    let storage = storage::connect(&config.database_url).await?;
    storage.migrate().await?;
    let digests = digests(
        config,
        &storage,
        mailer,
        Arc::new(form_secret(config)?),
        &site,
        &region,
    );
    Ok(digests
        .send_due(app::accounts::auth::now(), config.digest_interval_secs, due)
        .await?)
}

pub async fn build(config: &Config) -> Result<Application, StartError> {
    config.prepare_database_dir()?;
    let form_secret = form_secret(config)?;
    let region = LoadedRegion::load(&config.region_file)?;
    let operator = operator(config)?;
    let site = site(config)?;
    let mailer = mailer(config, &operator)?;
    if mailer.is_some() && config.form_secret.is_none() {
        if config.cookie_secure {
            return Err(StartError::MailWithoutFormSecret);
        }
        tracing::warn!("SMTP_URL without FORM_SECRET: unsubscribe links end with this process");
    }
    let storage = storage::connect(&config.database_url).await?;
    storage.migrate().await?;
    storage.follow_other_instances();
    storage
        .upsert_municipalities(&region.storage_municipalities())
        .await?;
    let sessions = storage.session_store();
    sessions.migrate().await.map_err(StorageError::from)?;
    tokio::spawn(
        sessions
            .clone()
            // Often enough that the short sessions of refused form posts do not pile up.
            .continuously_delete_expired(std::time::Duration::from_secs(10 * 60)),
    );
    tokio::spawn(forget_failure_records(storage.clone()));
    tokio::spawn(app::planning::service::forget_old_zero_results(
        storage.clone(),
        config.zero_result_months,
    ));
    let mut demo_accounts = Vec::new();
    if config.demo_data {
        let inserted = demo::load_sized_if_empty(
            storage.as_ref(),
            &region,
            &config.region_file,
            config.demo_offers,
        )
        .await?;
        if inserted > 0 {
            tracing::info!(inserted, "demo offers generated");
        }
        demo_accounts = ensure_demo_accounts(storage.as_ref()).await?;
    } else {
        let retired = retire_demo_accounts(storage.as_ref()).await?;
        if retired > 0 {
            tracing::warn!(retired, "demo accounts taken out of use (no demo mode)");
        }
    }
    let public = storage::public_read_model(&storage);
    let features = storage::feature_parts(&storage, public.clone())
        .with(Arc::new(app::planning::figures::PlanningBase::of_region(
            &region,
        )))
        .with(Arc::new(
            app::planning::service::ZeroResultReports::per_hour(
                config.zero_result_reports_per_hour,
            ),
        ))
        .with(Arc::new(MailSettings {
            mailer: mailer.clone(),
        }));
    let form_secret = Arc::new(form_secret);
    if let Some(mailer) = mailer {
        tracing::info!(from = %mailer.sender(), "news digests and confirmation reminders by e-mail");
        let digests = digests(
            config,
            &storage,
            mailer,
            form_secret.clone(),
            &site,
            &region,
        );
        let reminders = app::confirmations::service::Reminders {
            storage: storage.clone(),
            requests: storage.clone(),
            post: app::confirmations::service::LinkPost {
                mailer: digests.mailer.clone(),
                form_secret: form_secret.clone(),
                link_base: digests.link_base.clone(),
            },
            policy: app::confirmations::model::ReminderPolicy {
                due_after_months: config.confirm_after_months,
                second_after_days: config.reminder_step_days,
                flag_after_days: config.reminder_step_days,
            },
        };
        tokio::spawn(digests.run_every(config.digest_interval_secs));
        tokio::spawn(
            reminders.run_every(config.reminder_interval_secs, config.forward_interval_secs),
        );
    }
    let options = crate::static_files::leptos_options(&config.site_root, config.site_addr);
    let map_page_style = app::platform::inline_style::InlineStyle::read(
        &config.leaflet_dir.join("leaflet.css"),
        &app::platform::built_files::stylesheet_file(&options),
        app::map::ui::map_page::LEAFLET_PATH,
    );
    if map_page_style.is_none() {
        tracing::warn!("the style sheets could not be read: the map page links them");
    }
    let state = AppState {
        features,
        region: Arc::new(region.public_info(config.tile_source(), config.demo_data)),
        boundaries: Arc::new(region.boundaries.clone()),
        trust_forwarded_for: config.trust_forwarded_for,
        demo_mode: config.demo_data,
        town_centres: Arc::new(
            region
                .municipalities
                .iter()
                .map(|m| (m.ags.clone(), m.centre.1, m.centre.0))
                .collect(),
        ),
        municipality_areas: Arc::new(
            region
                .municipalities
                .iter()
                .map(|m| (m.ags.clone(), m.area.clone()))
                .collect(),
        ),
        form_secret,
        zero_result_months: config.zero_result_months,
        reach_limit_km: config.reach_limit_km,
        operator: Arc::new(operator),
        site: Arc::new(site),
        map_page_style: map_page_style.map(Arc::new),
    };
    let router = crate::http::router(
        state.clone(),
        storage,
        public,
        region.state_province.clone(),
        options,
        config,
        session_layer(sessions, config.cookie_secure),
    );
    Ok(Application {
        state,
        region,
        router,
        demo_accounts,
    })
}
