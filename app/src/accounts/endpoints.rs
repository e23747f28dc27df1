//! Server functions of one's own account: sign in and out, who is signed in, change the
//! password, accept an invitation. Each works from a plain HTML form (redirect with a note)
//! and from code (value, or status and reason).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::accounts::model::Viewer;
use crate::shared::codec::JsonResult;
use crate::shared::error::AppError;

/// Signs in with e-mail and password and continues to `next` (a local path).
#[server(name = Login, prefix = "/api", endpoint = "anmelden")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use crate::accounts::auth::{FormReply, reply, sign_in};
    use crate::shared::local_path::local_path;
    let next = local_path(next.as_deref());
    let failure_to = format!(
        "/anmelden?{}",
        crate::shared::query_pairs::encode_query(&[("weiter", &next)])
    );
    let result = sign_in(&email, &password).await.map(|_| ());
    reply(
        result,
        FormReply {
            success_to: &next,
            success_note: None,
            failure_to: &failure_to,
        },
    )
    .await
}

/// Ends the session.
#[server(name = Logout, prefix = "/api", endpoint = "abmelden")]
pub async fn logout() -> Result<(), AppError> {
    use crate::accounts::auth::{FormReply, reply, sign_out};
    reply(
        sign_out().await,
        FormReply {
            success_to: "/",
            success_note: Some("Sie sind abgemeldet.".to_string()),
            failure_to: "/",
        },
    )
    .await
}

/// The signed-in account, if any (the caller's own name, e-mail and role).
#[server(name = GetViewer, prefix = "/api", endpoint = "konto", input = GetUrl, output = JsonResult)]
pub async fn viewer() -> Result<Option<Viewer>, AppError> {
    Ok(crate::accounts::auth::current_viewer().await)
}

/// Changes the signed-in account's password; its other sessions end.
#[server(name = ChangePassword, prefix = "/api", endpoint = "passwort")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    repeat_password: String,
) -> Result<(), AppError> {
    use crate::accounts::auth::{FormReply, reply};
    let result = crate::accounts::service::change_password(
        &current_password,
        &new_password,
        &repeat_password,
    )
    .await;
    reply(
        result,
        FormReply {
            success_to: "/konto",
            success_note: Some(
                "Ihr neues Passwort ist gespeichert. Andere Sitzungen wurden beendet.".into(),
            ),
            failure_to: "/konto",
        },
    )
    .await
}

/// Sets the password of an invited account through its one-time invitation link.
#[server(name = AcceptInvitation, prefix = "/api", endpoint = "einladung")]
pub async fn accept_invitation(
    token: String,
    new_password: String,
    repeat_password: String,
) -> Result<(), AppError> {
    use crate::accounts::auth::{FormReply, reply};
    use crate::accounts::invitations::{InvitationToken, invitation_path};
    // A malformed token is no invitation: its failure goes to the login, and nothing of it
    // reaches a header.
    let failure_to = InvitationToken::parse(&token).map_or_else(
        || "/anmelden".to_string(),
        |token| invitation_path(token.as_str()),
    );
    let result =
        crate::accounts::service::accept_invitation(&token, &new_password, &repeat_password).await;
    reply(
        result,
        FormReply {
            success_to: "/anmelden",
            success_note: Some(
                "Ihr Passwort ist gespeichert. Bitte melden Sie sich jetzt an.".into(),
            ),
            failure_to: &failure_to,
        },
    )
    .await
}
