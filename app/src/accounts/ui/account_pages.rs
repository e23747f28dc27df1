//! The account pages: login (`/anmelden`), one's own account (`/konto`), accepting an
//! invitation (`/einladung/{token}`), and the login prompt protected pages show. Plain HTML
//! forms posting to server functions; they work without JavaScript.

use crate::accounts::endpoints::AcceptInvitation;
use crate::accounts::endpoints::ChangePassword;
use crate::accounts::endpoints::Login;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::accounts::auth::{Note, current_viewer, take_note};
use crate::accounts::model::{NewPassword, Viewer};
use crate::platform::error::AppError;
use crate::platform::response::set_status;

/// A one-time note from the previous form post.
#[component]
pub fn NoteView(note: Option<Note>) -> impl IntoView {
    note.filter(|note| note.target.is_empty()).map(|note| {
        if note.is_error {
            view! { <p class="note note-error" role="alert">{note.text}</p> }.into_any()
        } else {
            view! { <p class="note note-success" role="status">{note.text}</p> }.into_any()
        }
    })
}

/// The login form; after login the browser continues to `next`.
#[component]
pub fn LoginForm(next: String) -> impl IntoView {
    view! {
        <form method="post" action=Login::url() class="account-form">
            <input type="hidden" name="next" value=next />
            <label for="login-email">"E-Mail-Adresse"</label>
            <input id="login-email" name="email" type="email" autocomplete="username" required />
            <label for="login-password">"Passwort"</label>
            <input
                id="login-password"
                name="password"
                type="password"
                autocomplete="current-password"
                required
            />
            <button type="submit">"Anmelden"</button>
        </form>
        <p class="hint">
            "Konten gibt es nur für Mitglieder des Netzwerks Chancengerechtigkeit; sie werden von der Verwaltung eingeladen."
        </p>
    }
}

/// What a protected page shows instead of itself: the login form for anonymous visitors
/// (status 401), a refusal for accounts without the role (status 403).
#[component]
pub fn AccessDenied(viewer: Option<Viewer>, next: String) -> impl IntoView {
    match viewer {
        None => {
            set_status(AppError::NotSignedIn.status());
            view! {
                <Title text="Anmeldung nötig – Chancenkarte" />
                <section class="account-page">
                    <h1>"Nur für Netzwerkmitglieder"</h1>
                    <p>"Bitte melden Sie sich an, um diese Seite zu sehen."</p>
                    <LoginForm next />
                </section>
            }
            .into_any()
        }
        Some(_) => {
            set_status(AppError::Forbidden.status());
            view! {
                <Title text="Keine Berechtigung – Chancenkarte" />
                <section class="account-page">
                    <h1>"Keine Berechtigung"</h1>
                    <p>{AppError::Forbidden.to_string()}</p>
                    <p>
                        <a href="/">"Zur Karte"</a>
                    </p>
                </section>
            }
            .into_any()
        }
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let next = query.read_untracked().get("weiter").unwrap_or_default();
    view! {
        <Title text="Anmelden – Chancenkarte" />
        <section class="account-page">
            <h1>"Anmelden für Netzwerkmitglieder"</h1>
            <Suspense>
                {move || {
                    let next = next.clone();
                    Suspend::new(async move {
                        let note = take_note().await;
                        let viewer = current_viewer().await;
                        view! {
                            <NoteView note />
                            {match viewer {
                                Some(viewer) => {
                                    view! {
                                        <p>
                                            "Sie sind angemeldet als " {viewer.name} ". "
                                            <a href="/netzwerk">"Zum Netzwerkverzeichnis"</a>
                                        </p>
                                    }
                                        .into_any()
                                }
                                None => view! { <LoginForm next /> }.into_any(),
                            }}
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let note = take_note().await;
                match current_viewer().await {
                    None => view! { <AccessDenied viewer=None next="/konto".to_string() /> }.into_any(),
                    Some(viewer) => {
                        view! {
                            <Title text="Mein Konto – Chancenkarte" />
                            <section class="account-page">
                                <h1>"Mein Konto"</h1>
                                <NoteView note />
                                <dl class="account-facts">
                                    <dt>"Name"</dt>
                                    <dd>{viewer.name}</dd>
                                    <dt>"E-Mail-Adresse"</dt>
                                    <dd>{viewer.email}</dd>
                                    <dt>"Rolle"</dt>
                                    <dd>{viewer.role.label()}</dd>
                                </dl>
                                <p>
                                    <a href="/netzwerk/nachrichten">"Nachrichten per E-Mail"</a>
                                    " über neue und geänderte Angebote in Ihren Orten und Themen"
                                </p>
                                <h2>"Passwort ändern"</h2>
                                <form method="post" action=ChangePassword::url() class="account-form">
                                    <label for="current-password">"Bisheriges Passwort"</label>
                                    <input
                                        id="current-password"
                                        name="current_password"
                                        type="password"
                                        autocomplete="current-password"
                                        required
                                    />
                                    <NewPasswordFields />
                                    <button type="submit">"Passwort ändern"</button>
                                </form>
                            </section>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// The two fields of a new password, with the rule said up front.
#[component]
fn NewPasswordFields() -> impl IntoView {
    let rule = format!(
        "Mindestens {} Zeichen; ein Satz aus mehreren Wörtern ist leicht zu merken und sicher.",
        NewPassword::MIN_CHARS
    );
    view! {
        <label for="new-password">"Neues Passwort"</label>
        <input
            id="new-password"
            name="new_password"
            type="password"
            autocomplete="new-password"
            minlength=NewPassword::MIN_CHARS.to_string()
            aria-describedby="password-rule"
            required
        />
        <p class="hint" id="password-rule">
            {rule}
        </p>
        <label for="repeat-password">"Neues Passwort wiederholen"</label>
        <input
            id="repeat-password"
            name="repeat_password"
            type="password"
            autocomplete="new-password"
            required
        />
    }
}

#[component]
pub fn InvitationPage() -> impl IntoView {
    let params = use_params_map();
    let token = params.read_untracked().get("token").unwrap_or_default();
    view! {
        <Title text="Einladung annehmen – Chancenkarte" />
        <section class="account-page">
            <h1>"Einladung ins Netzwerk"</h1>
            <Suspense>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        let note = take_note().await;
                        let invited = crate::accounts::service::invited_account(&token)
                            .await
                            .ok()
                            .flatten();
                        match invited {
                            None => {
                                set_status(axum::http::StatusCode::NOT_FOUND);
                                view! {
                                    <NoteView note />
                                    <p class="note note-error" role="alert">
                                        "Diese Einladung ist ungültig, abgelaufen oder schon benutzt. Bitte bitten Sie die Verwaltung um eine neue."
                                    </p>
                                }
                                    .into_any()
                            }
                            Some(account) => {
                                view! {
                                    <NoteView note />
                                    <p>
                                        "Willkommen, " {account.display_name} "! Wählen Sie ein Passwort für Ihr Konto "
                                        <strong>{account.email}</strong> "."
                                    </p>
                                    <form method="post" action=AcceptInvitation::url() class="account-form">
                                        <input type="hidden" name="token" value=token />
                                        <NewPasswordFields />
                                        <button type="submit">"Passwort speichern"</button>
                                    </form>
                                }
                                    .into_any()
                            }
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}
