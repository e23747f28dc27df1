//! Server functions of the planners' page: administrators enter the number of children of a
//! municipality (the figures themselves are rendered with the page and exported as CSV).

use crate::shared::error::AppError;
use leptos::prelude::*;

/// Stores a municipality's number of children under 18 on a reference date (admins only).
#[server(name = EnterChildCount, prefix = "/api", endpoint = "planung/kinderzahl")]
pub async fn enter_child_count(
    ags: String,
    stichtag: String,
    anzahl: String,
) -> Result<(), AppError> {
    use crate::accounts::auth::{FormReply, now, reply};
    let (result, note) =
        match crate::planning::service::enter_child_count(&ags, &stichtag, &anzahl, now()).await {
            Ok(note) => (Ok(()), Some(note)),
            Err(error) => (Err(error), None),
        };
    reply(
        result,
        FormReply {
            success_to: "/planung#children-heading",
            success_note: note,
            failure_to: "/planung#children-heading",
        },
    )
    .await
}
