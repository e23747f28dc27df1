//! Starts the real server for a test: the `server` binary in its own process, on a fresh
//! SQLite file with the demo data (and demo accounts), on a free local port; and HTTP clients
//! with their own cookie jars.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use server::demo::{MEMBER_CONTACT_MARKER, MEMBER_NOTE_MARKER};

/// A running server process; it is stopped when this is dropped.
pub struct Running {
    pub base: String,
    pub database_url: String,
    process: Child,
    _dir: tempfile::TempDir,
}

impl Running {
    /// What the server printed so far.
    pub fn output(&self) -> String {
        std::fs::read_to_string(self._dir.path().join("server.log")).unwrap_or_default()
    }

    /// The demo account `which` (0 member, 1 editor, 2 admin): its e-mail address and the
    /// password this start gave it, as printed at startup.
    pub fn demo_login(&self, which: usize) -> (&'static str, String) {
        let email = server::demo_accounts::DEMO_ACCOUNTS[which].email;
        let output = self.output();
        let password = output
            .lines()
            .filter(|line| line.starts_with("Demo-Konto"))
            .find_map(|line| line.split_once(&format!("{email} / Passwort: ")))
            .map(|(_, password)| password.trim().to_string())
            .unwrap_or_else(|| panic!("no demo password for {email} in:\n{output}"));
        (email, password)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// Starts a server with the demo data; `extra` are further command-line options.
pub async fn start_with(extra: &[&str]) -> Running {
    let dir = tempfile::tempdir().unwrap();
    let database_url = format!("sqlite:{}", dir.path().join("test.db").display());
    let mut options = vec!["--database-url", &database_url, "--demo-data"];
    options.extend_from_slice(extra);
    let mut running = run_server(dir, &options).await;
    running.database_url = database_url.clone();
    running
}

/// Starts a demo-mode server (plain http) on the database at `database_url`, which may
/// already hold data from an earlier start.
pub async fn start_demo_on(database_url: &str) -> Running {
    start_demo_with(database_url, &[]).await
}

/// [`start_demo_on`] with further command-line options; the `Running` knows its database.
pub async fn start_demo_with(database_url: &str, extra: &[&str]) -> Running {
    let mut options = vec![
        "--database-url",
        database_url,
        "--demo-data",
        "--cookie-secure",
        "false",
    ];
    options.extend_from_slice(extra);
    let mut running = run_server(tempfile::tempdir().unwrap(), &options).await;
    running.database_url = database_url.to_string();
    running
}

/// The server binary with the region and operator files, for a start or a command.
pub fn server_command() -> Command {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command.args([
        "--region-file",
        &format!("{root}/regions/kreis-coesfeld/region.json"),
        "--operator-file",
        &format!("{root}/regions/kreis-coesfeld/betreiber.json"),
    ]);
    command
}

/// Runs the server binary with the region and operator files and `options`, expecting it to
/// refuse to start; answers what it said.
pub fn start_refused(options: &[&str]) -> String {
    let output = server_command()
        .args(["--site-addr", "127.0.0.1:0", "--tile-url", "none"])
        .args(options)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr).to_string()
        + &String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "the server started: {said}");
    said
}

/// A server on plain http, where the session cookie cannot be Secure.
pub async fn start() -> Running {
    start_with(&["--cookie-secure", "false"]).await
}

/// Runs the server binary with the region, operator file, an own site root in `dir`, a port
/// the system picks and no background map (unless `options` name their own), and waits until
/// it listens.
pub async fn run_server(dir: tempfile::TempDir, options: &[&str]) -> Running {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let region = format!("{root}/regions/kreis-coesfeld/region.json");
    let operator = format!("{root}/regions/kreis-coesfeld/betreiber.json");
    let site_root = dir.path().to_str().unwrap().to_string();
    let mut args = vec![
        "--region-file",
        &region,
        "--operator-file",
        &operator,
        "--site-root",
        &site_root,
    ];
    // A test whose links must name the server's port picks the port itself.
    if !options.contains(&"--site-addr") {
        args.extend_from_slice(&["--site-addr", "127.0.0.1:0"]);
    }
    if !options.contains(&"--tile-url") {
        args.extend_from_slice(&["--tile-url", "none"]);
    }
    args.extend_from_slice(options);
    // The output goes to a file, not a pipe: a pipe nobody reads would fill up and stop the
    // server in the middle of a request.
    let log_path = dir.path().join("server.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let process = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(&args)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log)
        .spawn()
        .expect("the server binary starts");
    let mut running = Running {
        base: String::new(),
        database_url: String::new(),
        process,
        _dir: dir,
    };
    running.base = wait_until_listening(&mut running.process, &log_path).await;
    running
}

async fn wait_until_listening(process: &mut Child, log_path: &Path) -> String {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let log = std::fs::read_to_string(log_path).unwrap_or_default();
        if let Some(base) = log
            .lines()
            .find_map(|line| line.strip_prefix("Chancenkarte läuft auf "))
        {
            return base.trim().to_string();
        }
        if let Some(status) = process.try_wait().unwrap() {
            panic!("the server ended ({status}) before it listened:\n{log}");
        }
        assert!(
            Instant::now() < deadline,
            "the server did not listen within a minute:\n{log}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// One visitor: a cookie jar and this site's Origin on every write.
#[derive(Clone)]
pub struct Visitor {
    pub client: reqwest::Client,
    pub jar: Arc<reqwest::cookie::Jar>,
    pub base: String,
}

pub struct Reply {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Visitor {
    pub fn new(running: &Running) -> Visitor {
        let jar = Arc::new(reqwest::cookie::Jar::default());
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            // A server that stops answering fails the test instead of stalling the run.
            .timeout(std::time::Duration::from_secs(60))
            .build()
            .unwrap();
        Visitor {
            client,
            jar,
            base: running.base.clone(),
        }
    }

    async fn reply(response: reqwest::Response) -> Reply {
        Reply {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.text().await.unwrap(),
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        Self::reply(
            self.client
                .get(format!("{}{path}", self.base))
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    /// A POST as code sends it (form-encoded, no `text/html` in Accept).
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Reply {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .header("origin", &self.base)
            .form(form)
            .send()
            .await
            .unwrap();
        Self::reply(response).await
    }

    /// A POST as a browser's plain HTML form sends it.
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> Reply {
        let response = self
            .client
            .post(format!("{}{path}", self.base))
            .header("origin", &self.base)
            .header("accept", "text/html,application/xhtml+xml")
            .form(form)
            .send()
            .await
            .unwrap();
        Self::reply(response).await
    }

    /// A GET with further request headers (`If-None-Match`, `Accept-Language`, …).
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        let mut request = self.client.get(format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Self::reply(request.send().await.unwrap()).await
    }

    /// Uploads `content` as the file `name` for the editors' import dry run; answers the
    /// import page that shows the result.
    pub async fn check_import(&self, name: &str, content: &str) -> String {
        let file = reqwest::multipart::Part::text(content.to_string()).file_name(name.to_string());
        let upload = reqwest::multipart::Form::new().part("datei", file);
        let request = self
            .client
            .post(format!("{}/redaktion/import/pruefen", self.base));
        let reply = request
            .header("origin", &self.base)
            .multipart(upload)
            .send();
        let reply = reply.await.unwrap();
        assert_eq!(reply.status(), 303, "{}", reply.text().await.unwrap());
        let page = self.get("/redaktion/import").await;
        assert_eq!(page.status, 200);
        page.body
    }

    pub async fn login(&self, email: &str, password: &str) -> Reply {
        self.post("/api/anmelden", &[("email", email), ("password", password)])
            .await
    }

    /// The session cookie's value, if the jar holds one.
    pub fn session_cookie(&self) -> Option<String> {
        use reqwest::cookie::CookieStore;
        let url = self.base.parse().unwrap();
        let header = self.jar.cookies(&url)?;
        header
            .to_str()
            .unwrap()
            .split("; ")
            .find_map(|pair| pair.strip_prefix("chancenkarte_sitzung="))
            .map(str::to_string)
    }
}

/// A visitor signed in with the demo account `which` (0 member, 1 editor, 2 admin).
pub async fn signed_in(running: &Running, which: usize) -> Visitor {
    let visitor = Visitor::new(running);
    let (email, password) = running.demo_login(which);
    let reply = visitor.login(email, &password).await;
    assert_eq!(reply.status, 200, "{email} signs in: {}", reply.body);
    visitor
}

/// The signed stamp of the public form freshly rendered on `path`.
pub async fn form_stamp(visitor: &Visitor, path: &str) -> String {
    let page = visitor.get(path).await.body;
    let start = page
        .find("name=\"stamp\" value=\"")
        .expect("the form has a stamp")
        + 20;
    page[start..start + page[start..].find('"').unwrap()].to_string()
}

/// A listing request as an institution sends it from `/eintragen`: the offer `offer_name` of
/// `organization` at `street` in Coesfeld, with `description`, a contact and consent.
pub async fn send_listing(
    institution: &Visitor,
    stamp: &str,
    organization: &str,
    offer_name: &str,
    description: &str,
    street: &str,
) -> Reply {
    let form = [
        ("organization", organization),
        ("offer_name", offer_name),
        ("description", description),
        ("street", street),
        ("postcode", "48653"),
        ("town", "Coesfeld"),
        ("contact_name", "Eva Beispiel"),
        ("contact_email", "eva@example.org"),
        ("consent", "ja"),
        ("homepage", ""),
        ("stamp", stamp),
    ];
    institution.post("/api/eintragen", &form).await
}

/// The request with `reference` in the editors' queue (`/api/redaktion/anfragen`), as JSON.
pub async fn queued_request(editor: &Visitor, reference: &str) -> serde_json::Value {
    let queue: Vec<serde_json::Value> =
        serde_json::from_str(&editor.get("/api/redaktion/anfragen").await.body).unwrap();
    queue
        .into_iter()
        .find(|request| request["reference"] == reference)
        .expect("the request is in the queue")
}

/// The fields of one CSV line (no header), as the editors' export writes them.
pub fn csv_fields(line: &str) -> Vec<String> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(line.as_bytes())
        .records()
        .next()
        .expect("a line")
        .expect("a CSV line")
        .iter()
        .map(str::to_string)
        .collect()
}

/// Every route an anonymous visitor can ask for, with the offers `ids` (the first 40) in each
/// of their routes: the leak tests ask each of them.
pub fn anonymous_paths(ids: &[i64]) -> Vec<String> {
    let mut paths: Vec<String> = vec![
        "/".into(),
        "/?thema=beratung".into(),
        // The search row, place, "jetzt geöffnet" and the no-results view (issue 15).
        "/?q=Hebamme&bei=D%C3%BClmen&jetzt=1".into(),
        "/?q=Hebbamxe&kostenlos=1".into(),
        "/js/drucken.js".into(),
        "/favicon.svg".into(),
        "/anmelden".into(),
        "/konto".into(),
        "/netzwerk".into(),
        "/netzwerk?q=a".into(),
        "/verwaltung".into(),
        "/einladung/abc".into(),
        "/api/offers".into(),
        "/api/region".into(),
        "/api/boundaries".into(),
        "/api/konto".into(),
        "/api/mitglieder/verzeichnis".into(),
        "/api/verwaltung/konten".into(),
        "/netzwerk/kontakt/1/vcard".into(),
        // The news by e-mail: the member's page and its API, the unsubscribe pages.
        "/netzwerk/nachrichten".into(),
        "/api/nachrichten/abo".into(),
        "/nachrichten/abbestellen?token=1.00".into(),
        "/nachrichten/abbestellt".into(),
        "/eintragen".into(),
        "/eintragen/danke?nummer=CK-2026-00001".into(),
        "/redaktion".into(),
        "/api/redaktion/anfragen".into(),
        "/api/redaktion/pruefliste".into(),
        // The institutions' self-service (issue 18): a link's page, the editors' pages.
        "/bestaetigen?token=1.00".into(),
        "/bestaetigen".into(),
        "/redaktion/einrichtungen".into(),
        "/redaktion/einrichtungen/1".into(),
    ];
    for id in ids.iter().take(40) {
        paths.push(format!("/angebot/{id}"));
        paths.push(format!("/?angebot={id}"));
        paths.push(format!("/api/offer?id={id}"));
        paths.push(format!("/api/mitglieder/angebot?id={id}"));
        paths.push(format!("/api/redaktion/angebot?id={id}"));
        paths.push(format!("/api/redaktion/verlauf?id={id}"));
        paths.push(format!("/kartenfenster/angebot/{id}"));
        paths.push(format!("/redaktion/kartenfenster/{id}"));
    }
    paths.push(format!("/drucken?q={}", ids[0]));
    paths.push("/drucken".into());
    // The Merkliste and its hand-out (issue 16): the hand-over e-mail is for members only.
    let some: Vec<String> = ids.iter().take(40).map(i64::to_string).collect();
    paths.push(format!("/auswahl?angebote={}", some.join(",")));
    paths.push(format!("/auswahl?angebote={}&mappe=ar", some.join(",")));
    paths.push(format!("/drucken?angebote={}", some.join(",")));
    paths.push("/js/merkliste.js".into());
    // The open data and every export (issue 16: protected addresses).
    paths.extend(
        [
            "/daten",
            "/api/v1/offers?pro_seite=200",
            "/api/v1/offers?pro_seite=200&seite=2",
            "/api/v1/offers.geojson",
            "/api/v1/organizations",
            "/api/v1/municipalities",
            "/api/hsds/services?per_page=1000&full=true",
            "/api/hsds/service_at_locations?per_page=1000&full=true",
            "/api/hsds/organizations?per_page=1000&full_service=true",
            "/api/hsds/tabular/datapackage.json",
            "/redaktion/angebote.csv",
            "/redaktion/angebote.csv?intern=1",
            "/planung",
            "/planung/matrix.csv",
            "/planung/erreichbarkeit.csv",
        ]
        .map(String::from),
    );
    for id in ids.iter().take(40) {
        paths.push(format!("/api/v1/offers/{id}"));
        paths.push(format!(
            "/api/hsds/services/{}",
            app::open_data::hsds::hsds_id("service", id)
        ));
    }
    paths
}

/// Fails if `body` holds any of the markers the demo data puts into member-only fields.
pub fn assert_no_member_data(what: &str, body: &str) {
    assert!(
        !body.contains(MEMBER_NOTE_MARKER),
        "{what} leaks an internal note"
    );
    assert!(
        !body.contains(MEMBER_CONTACT_MARKER),
        "{what} leaks a contact person"
    );
}

impl Visitor {
    /// The current version of offer `id`, read as an editor.
    pub async fn offer_version(&self, id: i64) -> String {
        let offer: serde_json::Value = serde_json::from_str(
            &self
                .get(&format!("/api/redaktion/angebot?id={id}"))
                .await
                .body,
        )
        .unwrap();
        offer["version"].as_i64().unwrap().to_string()
    }

    /// Saves `field` of offer `id` at its current version, as an editor (from code).
    pub async fn save_field(&self, id: i64, field: &str, value: &str) -> Reply {
        let version = self.offer_version(id).await;
        let id = id.to_string();
        self.post(
            "/api/redaktion/feld",
            &[
                ("id", id.as_str()),
                ("version", version.as_str()),
                ("field", field),
                ("value", value),
            ],
        )
        .await
    }
}

/// The token of the import button on the import page after a dry run.
pub fn import_token(page: &str) -> String {
    let start = page
        .find("name=\"token\" value=\"")
        .expect("an import button")
        + 20;
    page[start..].split('"').next().unwrap().to_string()
}

/// Id and name of every public offer, from the public payload (short keys: `id`, `n`).
pub async fn public_offers(visitor: &Visitor) -> Vec<(i64, String)> {
    let offers: serde_json::Value =
        serde_json::from_str(&visitor.get("/api/offers").await.body).unwrap();
    offers
        .as_array()
        .unwrap()
        .iter()
        .map(|offer| {
            (
                offer["id"].as_i64().unwrap(),
                offer["n"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// The id of the `index`-th public offer.
pub async fn public_offer_id(running: &Running, index: usize) -> i64 {
    let offers: serde_json::Value =
        serde_json::from_str(&Visitor::new(running).get("/api/offers").await.body).unwrap();
    offers[index]["id"].as_i64().unwrap()
}

/// A PostgreSQL database of a test's own on the local server (`CHANCENKARTE_TEST_POSTGRES`),
/// dropped by [`TempPostgres::drop_database`]. `None` only when PostgreSQL is left out
/// explicitly (`CHANCENKARTE_SKIP_POSTGRES=1`); an unreachable server fails the test.
pub struct TempPostgres {
    pub url: String,
    name: String,
    admin: sqlx::PgConnection,
}

pub async fn temp_postgres(purpose: &str) -> Option<TempPostgres> {
    use sqlx::Connection;
    if std::env::var("CHANCENKARTE_SKIP_POSTGRES").as_deref() == Ok("1") {
        eprintln!("PostgreSQL left out explicitly (CHANCENKARTE_SKIP_POSTGRES=1)");
        return None;
    }
    let admin_url = std::env::var("CHANCENKARTE_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let mut admin = sqlx::PgConnection::connect(&admin_url)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at {admin_url} is required for this test: {e}"));
    let name = format!(
        "chancenkarte_{purpose}_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .unwrap();
    let (base, _) = admin_url.rsplit_once('/').unwrap();
    Some(TempPostgres {
        url: format!("{base}/{name}"),
        name,
        admin,
    })
}

impl TempPostgres {
    pub async fn drop_database(mut self) {
        sqlx::query(&format!("DROP DATABASE {} WITH (FORCE)", self.name))
            .execute(&mut self.admin)
            .await
            .unwrap();
    }
}

/// Name and organisation of the first public offer (`/api/v1/offers`), with its id.
pub async fn first_public_offer(visitor: &Visitor) -> (i64, String, String) {
    let page: serde_json::Value =
        serde_json::from_str(&visitor.get("/api/v1/offers?pro_seite=1").await.body).unwrap();
    let offer = &page["items"][0];
    (
        offer["id"].as_i64().unwrap(),
        offer["name"].as_str().unwrap().to_string(),
        offer["organization"]["name"].as_str().unwrap().to_string(),
    )
}

/// Debian's aiosmtpd (scripts/install-test-tools.sh) writing every message it receives into a
/// maildir; stopped when dropped.
pub struct Sink {
    process: Child,
    maildir: tempfile::TempDir,
    port: u16,
}

impl Sink {
    pub fn start() -> Sink {
        let maildir = tempfile::tempdir().unwrap();
        let port = free_port();
        let process = Command::new("/usr/bin/python3")
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(maildir.path().join("post"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Debian's python3-aiosmtpd is installed (scripts/install-test-tools.sh)");
        let mut sink = Sink {
            process,
            maildir,
            port,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Some(status) = sink.process.try_wait().unwrap() {
                panic!("the SMTP sink ended ({status}); is python3-aiosmtpd installed?");
            }
            assert!(Instant::now() < deadline, "the SMTP sink did not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
        sink
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message delivered so far, oldest first.
    pub fn messages(&self) -> Vec<Vec<u8>> {
        let new = self.maildir.path().join("post/new");
        let mut files: Vec<_> = std::fs::read_dir(&new)
            .map(|entries| entries.map(|entry| entry.unwrap()).collect())
            .unwrap_or_default();
        files.sort_by_key(|entry| entry.metadata().unwrap().modified().unwrap());
        files
            .iter()
            .map(|entry| std::fs::read(entry.path()).unwrap())
            .collect()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The id in the first `/redaktion/einrichtungen/<id>` link of an editors' page.
pub fn desk_id(page: &str) -> i64 {
    let start = page
        .find("href=\"/redaktion/einrichtungen/")
        .expect("an organisation is listed")
        + "href=\"/redaktion/einrichtungen/".len();
    let digits: String = page[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap()
}

/// A "Fehler melden" about `offer` as a visitor sends it from the offer page (after a person's
/// few seconds), with `contact_email` if not empty.
pub async fn post_correction(running: &Running, offer: i64, message: &str, contact_email: &str) {
    let visitor = Visitor::new(running);
    let stamp = form_stamp(&visitor, &format!("/angebot/{offer}")).await;
    // A person takes a few seconds; the form refuses faster posts.
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    let offer = offer.to_string();
    let reported = visitor
        .post(
            "/api/fehler-melden",
            &[
                ("offer_id", &offer),
                ("message", message),
                ("contact_email", contact_email),
                ("stamp", &stamp),
            ],
        )
        .await;
    assert_eq!(reported.status, 200, "{}", reported.body);
}
