//! Command-line and environment configuration of the server.

use std::net::SocketAddr;
use std::path::PathBuf;

use app::region::model::TileSource;
use clap::Parser;

/// The official German basemap (BKG basemap.de web raster, grey), used unless `TILE_URL` says otherwise.
pub const DEFAULT_TILE_URL: &str = "https://sgx.geodatenzentrum.de/wmts_basemapde/tile/1.0.0/de_basemapde_web_raster_grau/default/GLOBAL_WEBMERCATOR/{z}/{y}/{x}.png";
pub const DEFAULT_TILE_ATTRIBUTION: &str =
    "Hintergrundkarte: © basemap.de / BKG (Stand 2026), CC BY 4.0";

#[derive(Parser, Debug, Clone)]
#[command(
    name = "chancenkarte",
    version,
    about = "Chancenkarte: Angebote für Familien auf einer Karte"
)]
pub struct Config {
    /// `sqlite:path/to/file.db` (created if missing) or `postgres://user@host/database`.
    /// For a PostgreSQL server on another machine add `?sslmode=verify-full`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite:data/chancenkarte.db",
        hide_env_values = true
    )]
    pub database_url: String,

    /// The region file: name, municipalities, boundaries, start view, attribution.
    #[arg(
        long,
        env = "REGION_FILE",
        default_value = "regions/kreis-coesfeld/region.json"
    )]
    pub region_file: PathBuf,

    /// The operator's details for Impressum, Datenschutz and the accessibility statement.
    #[arg(
        long,
        env = "OPERATOR_FILE",
        default_value = "regions/kreis-coesfeld/betreiber.json"
    )]
    pub operator_file: PathBuf,

    /// Tile URL template with {z}/{x}/{y}; `none` shows the map without a background.
    #[arg(long, env = "TILE_URL", default_value = DEFAULT_TILE_URL)]
    pub tile_url: String,

    #[arg(long, env = "TILE_ATTRIBUTION", default_value = DEFAULT_TILE_ATTRIBUTION)]
    pub tile_attribution: String,

    /// Fill an empty database with generated demo offers (marked as demo data in the UI).
    #[arg(long, env = "DEMO_DATA", default_value_t = false)]
    pub demo_data: bool,

    /// How many demo offers to generate instead of the usual map's (about 340), e.g. 10000 to
    /// measure the site at ten times the data. Only with DEMO_DATA, into an empty database.
    #[arg(long, env = "DEMO_OFFERS")]
    pub demo_offers: Option<usize>,

    /// Where Leaflet's `dist` folder from the npm package lies.
    #[arg(long, env = "LEAFLET_DIR", default_value = "node_modules/leaflet/dist")]
    pub leaflet_dir: PathBuf,

    /// Address to listen on.
    #[arg(long, env = "LEPTOS_SITE_ADDR", default_value = "127.0.0.1:3000")]
    pub site_addr: SocketAddr,

    /// Where cargo-leptos put the compiled Wasm, JS and CSS.
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,

    /// Send the session cookie only over HTTPS. Switch off only for local use over plain http.
    #[arg(long, env = "COOKIE_SECURE", default_value_t = true, action = clap::ArgAction::Set)]
    pub cookie_secure: bool,

    /// Take the client address for throttling from `X-Forwarded-For`: its right-most entry,
    /// which the one reverse proxy in front of the site appended.
    #[arg(long, env = "TRUST_FORWARDED_FOR", default_value_t = false)]
    pub trust_forwarded_for: bool,

    /// The site's address as people reach it, e.g. `https://chancenkarte.example.de`: the only
    /// origin forms are accepted from, and the start of every absolute link (hand-outs, QR
    /// codes, HSDS). Required unless `COOKIE_SECURE=false` (a local trial over plain http,
    /// which accepts forms from loopback hosts only).
    #[arg(long, env = "PUBLIC_URL")]
    pub public_url: Option<String>,

    /// How many months searches without results are kept for the planners (the privacy page
    /// says so).
    #[arg(long, env = "ZERO_RESULT_MONTHS", default_value_t = 12)]
    pub zero_result_months: u32,
    /// Searches without results counted per client address and hour (a burst, then evenly).
    #[arg(long, env = "ZERO_RESULT_REPORTS_PER_HOUR", default_value_t = app::planning::service::ZERO_RESULT_REPORTS_PER_HOUR)]
    pub zero_result_reports_per_hour: u32,

    /// The reach planners see flagged first: town centres farther than this from the nearest
    /// matching offer (kilometres).
    #[arg(long, env = "REACH_LIMIT_KM", default_value_t = 10.0)]
    pub reach_limit_km: f64,

    /// Secret that signs the public forms' fill-time stamps (at least 16 characters). Set the
    /// same value on every instance behind one address; without it each process makes its own.
    #[arg(long, env = "FORM_SECRET", hide_env_values = true)]
    pub form_secret: Option<String>,

    /// The SMTP server of the members' news digests: `smtps://user:password@host`,
    /// `smtp://user:password@host?tls=required` (STARTTLS), or `smtp://127.0.0.1:2525` on this
    /// machine. Without it there are no digests, and the members' page says so.
    #[arg(long, env = "SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// The sender of those mails (`Name <address>`); without it "Chancenkarte" and the
    /// operator file's e-mail address.
    #[arg(long, env = "MAIL_FROM")]
    pub mail_from: Option<String>,

    /// Seconds between two rounds of the news digests (each sends what is due).
    #[arg(long, env = "DIGEST_INTERVAL_SECS", default_value_t = app::subscriptions::service::DEFAULT_INTERVAL_SECS)]
    pub digest_interval_secs: u64,

    /// Months after its last confirmation or check an offer is due: its organisation's
    /// confirmation addresses get a reminder with a fresh link.
    #[arg(long, env = "CONFIRM_AFTER_MONTHS", default_value_t = 11)]
    pub confirm_after_months: u32,

    /// Days after the first reminder the second one follows, and after the second the editors
    /// are told the organisation did not answer.
    #[arg(long, env = "REMINDER_STEP_DAYS", default_value_t = 14)]
    pub reminder_step_days: i64,

    /// Seconds between two reminder rounds.
    #[arg(long, env = "REMINDER_INTERVAL_SECS", default_value_t = app::confirmations::service::DEFAULT_REMINDER_INTERVAL_SECS)]
    pub reminder_interval_secs: u64,

    /// Seconds between two rounds that forward "Fehler melden" to the institutions.
    #[arg(long, env = "FORWARD_INTERVAL_SECS", default_value_t = app::confirmations::service::DEFAULT_FORWARD_INTERVAL_SECS)]
    pub forward_interval_secs: u64,

    /// Connections served at once; further ones wait in the listen queue.
    #[arg(long, env = "MAX_CONNECTIONS", default_value_t = 512)]
    pub max_connections: usize,

    /// Seconds a client has to send a request's head (and, on a kept-alive connection, to
    /// start the next request).
    #[arg(long, env = "HEADER_TIMEOUT_SECS", default_value_t = 10)]
    pub header_timeout_secs: u64,

    /// Seconds a request has to send its body and be answered (then 408).
    #[arg(long, env = "REQUEST_TIMEOUT_SECS", default_value_t = 30)]
    pub request_timeout_secs: u64,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(clap::Subcommand, Debug, Clone)]
pub enum Command {
    /// Creates an admin account (the first one, or another). Asks for the password on a
    /// terminal; otherwise generates one and prints it.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Verwaltung")]
        name: String,
    },
    /// Writes a consistent copy of the SQLite database to a new file, while the server keeps
    /// running. (PostgreSQL: pg_dump, see the README.)
    Backup {
        #[arg(long)]
        to: PathBuf,
    },
    /// Sends the members' news digests that are due, once, and exits (the running server
    /// does this every DIGEST_INTERVAL_SECS by itself). Needs SMTP_URL and FORM_SECRET (the
    /// same as the server's, which checks the unsubscribe links).
    SendDigests {
        /// Treats every subscription as due now (a trial run; tests).
        #[arg(long)]
        all_due_now: bool,
    },
    /// Writes brotli (`.br`) and gzip (`.gz`) copies beside the built static files (the site
    /// root's and Leaflet's), which the server then sends to clients that accept them, after
    /// giving the main Wasm the name of its final content. Run it after each `cargo leptos
    /// build`, before the server starts; files whose copies are up to date are skipped.
    Precompress,
    /// Puts a backup in place of the (new, empty) SQLite database DATABASE_URL names. Stop
    /// the server first. (PostgreSQL: pg_restore, see the README.)
    Restore {
        #[arg(long)]
        from: PathBuf,
    },
}

impl Config {
    /// How long clients may take, and how many are served at once.
    pub fn connection_limits(&self) -> crate::serve::ConnectionLimits {
        crate::serve::ConnectionLimits {
            max_connections: self.max_connections,
            header_read: std::time::Duration::from_secs(self.header_timeout_secs.max(1)),
            request: std::time::Duration::from_secs(self.request_timeout_secs.max(1)),
        }
    }

    pub fn tile_source(&self) -> TileSource {
        let url = self.tile_url.trim();
        TileSource {
            url: (!url.is_empty() && !url.eq_ignore_ascii_case("none")).then(|| url.to_string()),
            attribution: self.tile_attribution.clone(),
        }
    }

    /// Creates the directory of a SQLite file, so the default works on a fresh checkout.
    pub fn prepare_database_dir(&self) -> std::io::Result<()> {
        if let Some(path) = self.database_url.strip_prefix("sqlite:") {
            let path = path.trim_start_matches("//");
            if let Some(parent) = std::path::Path::new(path).parent()
                && !parent.as_os_str().is_empty()
            {
                std::fs::create_dir_all(parent)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Config {
        Config::try_parse_from(std::iter::once("server").chain(args.iter().copied())).unwrap()
    }

    #[test]
    fn tiles_can_be_switched_off() {
        assert_eq!(parse(&["--tile-url", "none"]).tile_source().url, None);
        assert_eq!(parse(&["--tile-url", "NONE"]).tile_source().url, None);
        let tiles = parse(&["--tile-url", "http://127.0.0.1:8080/{z}/{x}/{y}.png"]).tile_source();
        assert_eq!(
            tiles.url.as_deref(),
            Some("http://127.0.0.1:8080/{z}/{x}/{y}.png")
        );
    }

    #[test]
    fn cookies_are_secure_unless_switched_off() {
        assert!(parse(&[]).cookie_secure);
        assert!(!parse(&["--cookie-secure", "false"]).cookie_secure);
    }

    #[test]
    fn create_admin_is_a_subcommand() {
        let config = parse(&["create-admin", "--email", "a@b.de"]);
        assert!(
            matches!(config.command, Some(Command::CreateAdmin { ref email, .. }) if email == "a@b.de")
        );
    }

    #[test]
    fn send_digests_is_a_subcommand() {
        let config = parse(&["send-digests", "--all-due-now"]);
        assert!(matches!(
            config.command,
            Some(Command::SendDigests { all_due_now: true })
        ));
        assert_eq!(parse(&[]).digest_interval_secs, 600);
        assert_eq!(parse(&[]).smtp_url, None);
    }

    #[test]
    fn bad_address_is_rejected() {
        assert!(Config::try_parse_from(["server", "--site-addr", "nirgendwo"]).is_err());
    }
}
