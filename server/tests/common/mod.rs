//! Starts the real server for a test: a fresh SQLite file with the demo data (and demo
//! accounts), the router on a local port, and HTTP clients with their own cookie jars.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;

use clap::Parser;
use server::config::Config;
use server::demo::{MEMBER_CONTACT_MARKER, MEMBER_NOTE_MARKER};

pub struct Running {
    pub base: String,
    pub database_url: String,
    _dir: tempfile::TempDir,
}

/// Starts a server with the demo data; `extra` are further command-line options.
pub async fn start_with(extra: &[&str]) -> Running {
    let dir = tempfile::tempdir().unwrap();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let database_url = format!("sqlite:{}", dir.path().join("test.db").display());
    let region = format!("{root}/regions/kreis-coesfeld/region.json");
    let operator = format!("{root}/regions/kreis-coesfeld/betreiber.json");
    let mut args = vec![
        "server",
        "--database-url",
        &database_url,
        "--region-file",
        &region,
        "--operator-file",
        &operator,
        "--demo-data",
        "--site-root",
        dir.path().to_str().unwrap(),
    ];
    // No background map unless a test asks for one.
    if !extra.contains(&"--tile-url") {
        args.extend_from_slice(&["--tile-url", "none"]);
    }
    args.extend_from_slice(extra);
    let config = Config::try_parse_from(args).unwrap();
    let application = server::routes::build(&config).await.expect("server starts");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address: SocketAddr = listener.local_addr().unwrap();
    tokio::spawn(async move { server::serve(listener, application.router).await.unwrap() });
    Running {
        base: format!("http://{address}"),
        database_url,
        _dir: dir,
    }
}

/// A server on plain http, where the session cookie cannot be Secure.
pub async fn start() -> Running {
    start_with(&["--cookie-secure", "false"]).await
}

/// One visitor: a cookie jar and this site's Origin on every write.
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

impl Running {
    /// A server started by the test itself, at `base`.
    pub fn external(base: String) -> Running {
        Running {
            base,
            database_url: String::new(),
            _dir: tempfile::tempdir().unwrap(),
        }
    }
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
