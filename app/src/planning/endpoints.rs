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
    use crate::accounts::model::Role;
    use crate::planning::model::parse_child_count;
    use crate::planning::store::ChildCount;
    use crate::platform::auth::{FormReply, now, reply, require};
    let mut note = None;
    let result = async {
        let admin = require(Role::Admin).await?;
        let state = crate::platform::state::app_state()?;
        if !state.region.knows_municipality(&ags) {
            return Err(AppError::Invalid(
                "Bitte wählen Sie eine Gemeinde des Kreises.".into(),
            ));
        }
        let today = chrono::Local::now().date_naive();
        let (as_of, children) =
            parse_child_count(&stichtag, &anzahl, today).map_err(AppError::Invalid)?;
        state
            .storage
            .enter_child_count(
                &ChildCount {
                    ags: ags.clone(),
                    as_of,
                    children,
                },
                admin.id,
                now(),
            )
            .await?;
        tracing::info!(admin = admin.id, %ags, %as_of, children, "child count entered");
        note = Some(format!(
            "Kinderzahl für {} gespeichert: {children} (Stichtag {}).",
            state.region.municipality_name(&ags),
            as_of.format("%d.%m.%Y")
        ));
        Ok(())
    }
    .await;
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
