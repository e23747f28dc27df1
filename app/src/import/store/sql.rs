//! The import's storage on one backend (`super::Backend`, `super::Db`).

use async_trait::async_trait;

use super::{Backend, Db};
use crate::editing::model::{
    CHECKED_FIELD, EditableField, IMPORT_FIELD, LOCATION_FIELD, ORGANIZATION_FIELD,
};
use crate::editing::store::ChangeEntry;
use crate::import::offer_csv::{ExportedOffer, ImportedOffer, fallback_external_id};
use crate::import::store::{ImportOutcome, ImportStorage, ImportedLine, value_of};
use crate::platform::database::{StorageError, StorageResult};

impl Backend {
    /// The offer an external id names: by its own external id, or an offer without one
    /// by the id the export gave it.
    async fn offer_with_external_id(
        connection: &mut <Db as sqlx::Database>::Connection,
        external_id: &str,
    ) -> StorageResult<Option<i64>> {
        let found: Option<i64> = sqlx::query_scalar("SELECT id FROM offers WHERE external_id = $1")
            .bind(external_id)
            .fetch_optional(&mut *connection)
            .await?;
        if found.is_some() {
            return Ok(found);
        }
        let Some(id) = external_id
            .strip_prefix("ck-")
            .and_then(|n| n.parse::<i64>().ok())
        else {
            return Ok(None);
        };
        if fallback_external_id(id) != external_id {
            return Ok(None);
        }
        Ok(
            sqlx::query_scalar("SELECT id FROM offers WHERE id = $1 AND external_id IS NULL")
                .bind(id)
                .fetch_optional(&mut *connection)
                .await?,
        )
    }

    /// The organisation with exactly this name, created if there is none.
    async fn organization_for_import(
        connection: &mut <Db as sqlx::Database>::Connection,
        name: &str,
    ) -> StorageResult<i64> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT id FROM organizations WHERE name = $1 ORDER BY id")
                .bind(name)
                .fetch_optional(&mut *connection)
                .await?;
        if let Some(id) = found {
            return Ok(id);
        }
        let id: i64 =
            sqlx::query_scalar("INSERT INTO organizations (name) VALUES ($1) RETURNING id")
                .bind(name)
                .fetch_one(&mut *connection)
                .await?;
        sqlx::query(
            "INSERT INTO member_organization_info (organization_id, working_group) VALUES ($1, '')",
        )
        .bind(id)
        .execute(&mut *connection)
        .await?;
        Ok(id)
    }

    /// Records one of the import's changes in the offer's history.
    #[allow(clippy::too_many_arguments)]
    async fn note_change(
        connection: &mut <Db as sqlx::Database>::Connection,
        offer_id: i64,
        account_id: i64,
        now: i64,
        field: &str,
        old_value: &str,
        new_value: &str,
        version: i64,
    ) -> StorageResult<()> {
        let change = ChangeEntry {
            offer_id,
            account_id: Some(account_id),
            now,
            field,
            old_value,
            new_value,
            version: Some(version),
            reverts_change_id: None,
        };
        Self::record_change_in(connection, &change)
            .await?
            .ok_or_else(|| StorageError::Corrupt(format!("offer {offer_id} vanished")))?;
        Ok(())
    }

    /// Updates an existing offer to the imported values: the labels of what changed.
    async fn update_from_import(
        connection: &mut <Db as sqlx::Database>::Connection,
        id: i64,
        imported: &ImportedOffer,
        organization_id: i64,
        account_id: i64,
        now: i64,
    ) -> StorageResult<Vec<String>> {
        // Lock the offer first (PostgreSQL: its row; SQLite: the database), so the values
        // read below are the ones this import replaces: no editor's save slips in between,
        // and the version steps once from what was read, as an editor's save does.
        sqlx::query("UPDATE offers SET version = version WHERE id = $1")
            .bind(id)
            .execute(&mut *connection)
            .await?;
        let current = Self::read_editable(&mut *connection, id)
            .await?
            .ok_or_else(|| StorageError::Corrupt(format!("offer {id} vanished")))?;
        let version = current.version + 1;
        let mut changed = Vec::new();
        for (field, value) in &imported.values {
            let old = current.value(*field);
            if old != value {
                Self::write_field(&mut *connection, id, *field, value).await?;
                Self::note_change(
                    &mut *connection,
                    id,
                    account_id,
                    now,
                    field.code(),
                    old,
                    value,
                    version,
                )
                .await?;
                changed.push(field.label().to_string());
            }
        }
        if !current.location.same_place(&imported.location) {
            let location = &imported.location;
            Self::write_location(&mut *connection, id, location).await?;
            Self::note_change(
                &mut *connection,
                id,
                account_id,
                now,
                LOCATION_FIELD,
                &current.location.describe(),
                &location.describe(),
                version,
            )
            .await?;
            changed.push("Standort".to_string());
        }
        let (old_organization, old_name): (i64, String) = sqlx::query_as(
            "SELECT g.id, g.name FROM offers o JOIN organizations g ON g.id = o.organization_id WHERE o.id = $1",
        )
        .bind(id)
        .fetch_one(&mut *connection)
        .await?;
        if old_organization != organization_id {
            sqlx::query("UPDATE offers SET organization_id = $1 WHERE id = $2")
                .bind(organization_id)
                .bind(id)
                .execute(&mut *connection)
                .await?;
            Self::note_change(
                &mut *connection,
                id,
                account_id,
                now,
                ORGANIZATION_FIELD,
                &old_name,
                &imported.organization,
                version,
            )
            .await?;
            changed.push("Einrichtung".to_string());
        }
        if let Some(checked) = imported.last_checked
            && checked != current.last_checked
        {
            sqlx::query("UPDATE offers SET last_checked = $1 WHERE id = $2")
                .bind(checked)
                .bind(id)
                .execute(&mut *connection)
                .await?;
            Self::note_change(
                &mut *connection,
                id,
                account_id,
                now,
                CHECKED_FIELD,
                &current.last_checked.to_string(),
                &checked.to_string(),
                version,
            )
            .await?;
            changed.push("Zuletzt geprüft".to_string());
        }
        if !changed.is_empty() {
            sqlx::query("UPDATE offers SET version = version + 1 WHERE id = $1")
                .bind(id)
                .execute(&mut *connection)
                .await?;
        }
        Ok(changed)
    }

    /// Creates an offer from the imported values: public at once, or a draft (not public) if
    /// it may duplicate a stored offer, for an editor to look at first.
    async fn create_from_import(
        connection: &mut <Db as sqlx::Database>::Connection,
        imported: &ImportedOffer,
        organization_id: i64,
        account_id: i64,
        now: i64,
    ) -> StorageResult<()> {
        let location = &imported.location;
        let location_id: i64 = sqlx::query_scalar(
            "INSERT INTO locations (organization_id, street, postcode, town, municipality_ags, lat, lon) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(organization_id)
        .bind(&location.street)
        .bind(&location.postcode)
        .bind(&location.town)
        .bind(&location.municipality)
        .bind(location.lat)
        .bind(location.lon)
        .fetch_one(&mut *connection)
        .await?;
        let today = chrono::DateTime::from_timestamp(now, 0)
            .unwrap_or_default()
            .date_naive();
        let required = |field| {
            value_of(imported, field)
                .ok_or_else(|| StorageError::Corrupt(format!("import without {}", field.code())))
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO offers (external_id, organization_id, location_id, name, description, cost, \
             last_checked, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(&imported.external_id)
        .bind(organization_id)
        .bind(location_id)
        .bind(required(EditableField::Name)?)
        .bind(required(EditableField::Description)?)
        .bind(required(EditableField::Cost)?)
        .bind(imported.last_checked.unwrap_or(today))
        .bind(if imported.likely_twins.is_empty() {
            "active"
        } else {
            "archived"
        })
        .fetch_one(&mut *connection)
        .await?;
        for (field, value) in &imported.values {
            Self::write_field(&mut *connection, id, *field, value).await?;
        }
        // What a family needs to see even if the file does not say it.
        for (field, default) in [
            (EditableField::Languages, "de"),
            (EditableField::Delivery, "vor-ort"),
        ] {
            if value_of(imported, field).is_none_or(str::is_empty) {
                Self::write_field(&mut *connection, id, field, default).await?;
            }
        }
        Self::note_change(
            &mut *connection,
            id,
            account_id,
            now,
            IMPORT_FIELD,
            "",
            &if imported.likely_twins.is_empty() {
                format!("per Import angelegt (externe ID {})", imported.external_id)
            } else {
                let twins: Vec<String> = imported
                    .likely_twins
                    .iter()
                    .map(|twin| format!("„{}“ (Nr. {})", twin.name, twin.id))
                    .collect();
                format!(
                    "per Import als Entwurf angelegt (externe ID {}), mögliches Duplikat von {}",
                    imported.external_id,
                    twins.join(", ")
                )
            },
            1,
        )
        .await
    }
}

#[async_trait]
impl ImportStorage for Backend {
    async fn exported_offers(&self) -> StorageResult<Vec<ExportedOffer>> {
        let mut connection = self.pool().acquire().await?;
        let rows: Vec<(i64, Option<String>, String)> = sqlx::query_as(
            "SELECT o.id, o.external_id, g.name FROM offers o JOIN organizations g ON g.id = o.organization_id \
             WHERE o.status = 'active' ORDER BY o.name, o.id",
        )
        .fetch_all(&mut *connection)
        .await?;
        let mut offers = Vec::with_capacity(rows.len());
        for (id, external_id, organization) in rows {
            if let Some(offer) = Self::read_editable(&mut connection, id).await? {
                offers.push(ExportedOffer {
                    external_id: external_id.unwrap_or_else(|| fallback_external_id(id)),
                    organization,
                    offer,
                });
            }
        }
        Ok(offers)
    }

    async fn import_offers(
        &self,
        offers: &[ImportedOffer],
        account_id: i64,
        now: i64,
        dry_run: bool,
    ) -> StorageResult<ImportOutcome> {
        let mut tx = self.pool().begin().await?;
        let mut outcome = ImportOutcome::default();
        for imported in offers {
            let organization_id =
                Self::organization_for_import(&mut tx, &imported.organization).await?;
            let name = value_of(imported, EditableField::Name)
                .unwrap_or_default()
                .to_string();
            match Self::offer_with_external_id(&mut tx, &imported.external_id).await? {
                Some(id) => {
                    let fields = Self::update_from_import(
                        &mut tx,
                        id,
                        imported,
                        organization_id,
                        account_id,
                        now,
                    )
                    .await?;
                    if fields.is_empty() {
                        outcome.unchanged += 1;
                    } else {
                        outcome.changed.push(ImportedLine {
                            line: imported.line,
                            name,
                            fields,
                            likely_twins: Vec::new(),
                        });
                    }
                }
                None => {
                    Self::create_from_import(&mut tx, imported, organization_id, account_id, now)
                        .await?;
                    outcome.created.push(ImportedLine {
                        line: imported.line,
                        name,
                        fields: Vec::new(),
                        likely_twins: imported.likely_twins.clone(),
                    });
                }
            }
        }
        if dry_run {
            tx.rollback().await?;
        } else {
            tx.commit().await?;
            self.public_data_changed();
        }
        Ok(outcome)
    }
}
