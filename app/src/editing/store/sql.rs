//! Editing offers in storage on one backend (`super::Backend`, `super::Db`).

use async_trait::async_trait;
use chrono::NaiveDate;

use super::{Backend, Db};
use crate::editing::model::{
    CHECKED_FIELD, CONFIRMED_FIELD, ChangeRecord, ContactLine, EditOutcome, EditableField,
    EditableOffer, EndingWindow, INSTITUTION_ACTOR, LOCATION_FIELD, OfferLocation, OfferToCheck,
    STATUS_FIELD, format_contacts, parse_contacts, parse_opening_hours,
};
use crate::editing::store::{
    ChangeEntry, ChangeRow, DUE_WHERE_SQL, DueCount, DueSelection, EditStorage, EndingRow,
    HoursRow, OFFER_SQL, OfferRow, RecordedChange, TO_CHECK_SQL, ToCheckRow, code_table_of,
    column_of, confirmed_column_of, hours_text,
};
use crate::platform::database::{StorageError, StorageResult};

impl Backend {
    /// The offers `rest` (a condition and an order after [`TO_CHECK_SQL`]) lists, with the
    /// due `selection`'s values bound to `$1`…`$5` where it uses them.
    async fn offers_listed(
        &self,
        rest: &str,
        selection: Option<&DueSelection<'_>>,
    ) -> StorageResult<Vec<OfferToCheck>> {
        let sql = format!("{TO_CHECK_SQL} {rest}");
        let mut query = sqlx::query_as::<Db, ToCheckRow>(&sql);
        if let Some(selection) = selection {
            query = query
                .bind(selection.before)
                .bind(selection.town.unwrap_or_default())
                .bind(selection.topic.unwrap_or_default())
                .bind(i64::from(selection.limit))
                .bind(i64::from(selection.offset));
        }
        let rows = query.fetch_all(self.pool()).await?;
        Ok(rows.into_iter().map(OfferToCheck::from).collect())
    }

    pub(crate) async fn read_editable(
        connection: &mut <Db as sqlx::Database>::Connection,
        id: i64,
    ) -> StorageResult<Option<EditableOffer>> {
        let Some(row): Option<OfferRow> = sqlx::query_as(OFFER_SQL)
            .bind(id)
            .fetch_optional(&mut *connection)
            .await?
        else {
            return Ok(None);
        };
        let mut values = vec![
            (EditableField::Name, row.name),
            (EditableField::Description, row.description),
            (EditableField::Cost, row.cost),
            (EditableField::CostNote, row.cost_note),
            (
                EditableField::Wheelchair,
                if row.wheelchair { "ja" } else { "nein" }.to_string(),
            ),
            (EditableField::AccessibilityNote, row.accessibility_note),
            (EditableField::Phone, row.phone),
            (EditableField::Email, row.email),
            (EditableField::Website, row.website),
            (EditableField::HoursNote, row.hours_note),
            (
                EditableField::ClosedInSchoolHolidays,
                if row.closed_in_school_holidays {
                    "ja"
                } else {
                    "nein"
                }
                .to_string(),
            ),
            (EditableField::SummaryEn, row.summary_en),
            (EditableField::SummaryTr, row.summary_tr),
            (EditableField::SummaryAr, row.summary_ar),
            (EditableField::SummaryUk, row.summary_uk),
            (EditableField::AddressProtection, row.address_protection),
            (EditableField::VisibleFrom, row.visible_from),
            (EditableField::VisibleUntil, row.visible_until),
            (EditableField::ClosedUntil, row.closed_until),
            (EditableField::ClosedReason, row.closed_reason),
            (EditableField::FreePlaces, row.free_places),
            (EditableField::WaitWeeks, row.wait_weeks),
        ];
        for field in [
            EditableField::Topics,
            EditableField::Phases,
            EditableField::Languages,
            EditableField::Delivery,
        ] {
            let (table, column) = code_table_of(field).expect("a vocabulary field");
            let codes: Vec<String> =
                sqlx::query_scalar(&format!("SELECT {column} FROM {table} WHERE offer_id = $1"))
                    .bind(id)
                    .fetch_all(&mut *connection)
                    .await?;
            // Canonical order and unknown codes dropped, as the editor's input would be.
            let canonical = field.canonical_value(&codes.join(",")).unwrap_or_default();
            values.push((field, canonical));
        }
        let hours: Vec<HoursRow> = sqlx::query_as(
            "SELECT weekday, opens_minute, closes_minute FROM opening_hours WHERE offer_id = $1",
        )
        .bind(id)
        .fetch_all(&mut *connection)
        .await?;
        values.push((EditableField::OpeningHours, hours_text(hours)));
        let note: Option<String> =
            sqlx::query_scalar("SELECT internal_note FROM member_offer_notes WHERE offer_id = $1")
                .bind(id)
                .fetch_optional(&mut *connection)
                .await?;
        values.push((EditableField::InternalNote, note.unwrap_or_default()));
        let contacts: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT name, role, phone, email FROM member_contact_persons WHERE offer_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&mut *connection)
        .await?;
        let contacts: Vec<ContactLine> = contacts
            .into_iter()
            .map(|(name, role, phone, email)| ContactLine {
                name,
                role,
                phone,
                email,
            })
            .collect();
        values.push((EditableField::Contacts, format_contacts(&contacts)));
        Ok(Some(EditableOffer {
            id: row.id,
            version: row.version,
            archived: row.status != "active",
            last_checked: row.last_checked,
            values,
            location: OfferLocation {
                street: row.street,
                postcode: row.postcode,
                town: row.town,
                lat: row.lat,
                lon: row.lon,
                municipality: row.municipality_ags,
            },
        }))
    }

    pub(crate) async fn write_field(
        connection: &mut <Db as sqlx::Database>::Connection,
        id: i64,
        field: EditableField,
        value: &str,
    ) -> StorageResult<()> {
        if let Some(column) = confirmed_column_of(field) {
            // The day in the database's own clock: an import writes through here too.
            sqlx::query(&format!(
                "UPDATE offers SET {column} = CAST(CURRENT_DATE AS TEXT) WHERE id = $1"
            ))
            .bind(id)
            .execute(&mut *connection)
            .await?;
        }
        if field == EditableField::Wheelchair {
            sqlx::query("UPDATE offers SET wheelchair = $1 WHERE id = $2")
                .bind(value == "ja")
                .bind(id)
                .execute(&mut *connection)
                .await?;
        } else if field == EditableField::AddressProtection {
            // The place is the offer's own location row.
            sqlx::query(
                "UPDATE locations SET address_protection = $1 \
                 WHERE id = (SELECT location_id FROM offers WHERE id = $2)",
            )
            .bind(value)
            .bind(id)
            .execute(&mut *connection)
            .await?;
        } else if field == EditableField::ClosedInSchoolHolidays {
            sqlx::query("UPDATE offers SET closed_in_school_holidays = $1 WHERE id = $2")
                .bind(value == "ja")
                .bind(id)
                .execute(&mut *connection)
                .await?;
        } else if let Some(column) = column_of(field) {
            sqlx::query(&format!("UPDATE offers SET {column} = $1 WHERE id = $2"))
                .bind(value)
                .bind(id)
                .execute(&mut *connection)
                .await?;
        } else if let Some((table, column)) = code_table_of(field) {
            sqlx::query(&format!("DELETE FROM {table} WHERE offer_id = $1"))
                .bind(id)
                .execute(&mut *connection)
                .await?;
            for code in value.split(',').filter(|code| !code.is_empty()) {
                sqlx::query(&format!(
                    "INSERT INTO {table} (offer_id, {column}) VALUES ($1, $2)"
                ))
                .bind(id)
                .bind(code)
                .execute(&mut *connection)
                .await?;
            }
        } else if field == EditableField::OpeningHours {
            let slots = parse_opening_hours(value).map_err(StorageError::Corrupt)?;
            sqlx::query("DELETE FROM opening_hours WHERE offer_id = $1")
                .bind(id)
                .execute(&mut *connection)
                .await?;
            Self::insert_opening_hours_in(connection, id, &slots).await?;
        } else if field == EditableField::Contacts {
            let contacts = parse_contacts(value).map_err(StorageError::Corrupt)?;
            sqlx::query("DELETE FROM member_contact_persons WHERE offer_id = $1")
                .bind(id)
                .execute(&mut *connection)
                .await?;
            for contact in contacts {
                sqlx::query(
                    "INSERT INTO member_contact_persons (organization_id, offer_id, name, role, phone, email) \
                     SELECT organization_id, id, $1, $2, $3, $4 FROM offers WHERE id = $5",
                )
                .bind(&contact.name)
                .bind(&contact.role)
                .bind(&contact.phone)
                .bind(&contact.email)
                .bind(id)
                .execute(&mut *connection)
                .await?;
            }
        } else if field == EditableField::InternalNote {
            sqlx::query("DELETE FROM member_offer_notes WHERE offer_id = $1")
                .bind(id)
                .execute(&mut *connection)
                .await?;
            if !value.is_empty() {
                sqlx::query(
                    "INSERT INTO member_offer_notes (offer_id, internal_note) VALUES ($1, $2)",
                )
                .bind(id)
                .bind(value)
                .execute(&mut *connection)
                .await?;
            }
        }
        Ok(())
    }

    /// Moves an offer's location to `location`.
    pub(crate) async fn write_location(
        connection: &mut <Db as sqlx::Database>::Connection,
        id: i64,
        location: &OfferLocation,
    ) -> StorageResult<()> {
        sqlx::query(
            "UPDATE locations SET street = $1, postcode = $2, town = $3, lat = $4, lon = $5, \
             municipality_ags = $6 WHERE id = (SELECT location_id FROM offers WHERE id = $7)",
        )
        .bind(&location.street)
        .bind(&location.postcode)
        .bind(&location.town)
        .bind(location.lat)
        .bind(location.lon)
        .bind(&location.municipality)
        .bind(id)
        .execute(&mut *connection)
        .await?;
        Ok(())
    }

    /// Raises the version if it is still `base_version`: the row lock (PostgreSQL) or
    /// the write lock (SQLite) makes a concurrent save from the same base wait and then
    /// find the version changed.
    async fn claim_version(
        connection: &mut <Db as sqlx::Database>::Connection,
        id: i64,
        base_version: i64,
    ) -> StorageResult<bool> {
        let claimed =
            sqlx::query("UPDATE offers SET version = version + 1 WHERE id = $1 AND version = $2")
                .bind(id)
                .bind(base_version)
                .execute(&mut *connection)
                .await?
                .rows_affected();
        Ok(claimed == 1)
    }

    /// Starts an edit: claims `base_version` in a new transaction and reads the offer as
    /// it is. If the version has moved on, the conflict (with `describe` of the value
    /// saved meanwhile) or not-found outcome instead.
    async fn begin_edit(
        &self,
        id: i64,
        base_version: i64,
        describe: impl Fn(&EditableOffer) -> String + Send,
    ) -> StorageResult<Result<(sqlx::Transaction<'static, Db>, EditableOffer), EditOutcome>> {
        let mut tx = self.pool().begin().await?;
        if !Self::claim_version(&mut tx, id, base_version).await? {
            // Rolled back now, not when the dropped transaction's connection is next used:
            // on SQLite the claim's UPDATE holds the write lock even when it matched nothing,
            // and a writer that read first gets "database is locked" at once, without waiting.
            tx.rollback().await?;
            return Ok(Err(match self.editable_offer(id).await? {
                Some(current) => EditOutcome::Conflict {
                    current_version: current.version,
                    current_value: describe(&current),
                },
                None => EditOutcome::NotFound,
            }));
        }
        let current = Self::read_editable(&mut tx, id)
            .await?
            .ok_or_else(|| StorageError::Corrupt(format!("offer {id} vanished")))?;
        Ok(Ok((tx, current)))
    }

    /// Writes one entry into an offer's history on `connection` (inside the caller's
    /// transaction): the one place that writes `offer_changes`. `None` if there is no offer
    /// `offer_id`; then nothing is written.
    pub(crate) async fn record_change_in(
        connection: &mut <Db as sqlx::Database>::Connection,
        change: &ChangeEntry<'_>,
    ) -> StorageResult<Option<RecordedChange>> {
        Ok(sqlx::query_as(
            "INSERT INTO offer_changes (offer_id, account_id, changed_at, field, old_value, new_value, \
             version, reverts_change_id) \
             SELECT id, $2, $3, $4, $5, $6, COALESCE($7, version), $8 FROM offers WHERE id = $1 \
             RETURNING id, version",
        )
        .bind(change.offer_id)
        .bind(change.account_id)
        .bind(change.now)
        .bind(change.field)
        .bind(change.old_value)
        .bind(change.new_value)
        .bind(change.version)
        .bind(change.reverts_change_id)
        .fetch_optional(&mut *connection)
        .await?)
    }

    /// Records the change in the history and commits the edit it belongs to.
    async fn finish_edit(
        &self,
        mut tx: sqlx::Transaction<'static, Db>,
        change: ChangeEntry<'_>,
    ) -> StorageResult<EditOutcome> {
        let recorded = Self::record_change_in(&mut tx, &change)
            .await?
            .ok_or_else(|| StorageError::Corrupt(format!("offer {} vanished", change.offer_id)))?;
        tx.commit().await?;
        self.public_data_changed();
        Ok(EditOutcome::Saved {
            version: recorded.version,
            change_id: recorded.id,
        })
    }

    #[allow(clippy::too_many_arguments)]
    async fn edit(
        &self,
        id: i64,
        base_version: i64,
        field: EditableField,
        value: &str,
        account_id: i64,
        now: i64,
        reverts: Option<i64>,
    ) -> StorageResult<EditOutcome> {
        let started = self
            .begin_edit(id, base_version, |offer| offer.value(field).to_string())
            .await?;
        let (mut tx, current) = match started {
            Ok(started) => started,
            Err(outcome) => return Ok(outcome),
        };
        let old_value = current.value(field).to_string();
        // Saving free places or the wait unchanged confirms them (their day moves on, so they
        // stay shown): a change like any.
        let reconfirms = matches!(field, EditableField::FreePlaces | EditableField::WaitWeeks);
        if old_value == value && !reconfirms {
            // Nothing to record: the version claim is rolled back with the transaction.
            tx.rollback().await?;
            return Ok(EditOutcome::Unchanged {
                version: base_version,
            });
        }
        Self::write_field(&mut tx, id, field, value).await?;
        self.finish_edit(
            tx,
            ChangeEntry {
                offer_id: id,
                account_id: Some(account_id),
                now,
                field: field.code(),
                old_value: &old_value,
                new_value: value,
                version: Some(current.version),
                reverts_change_id: reverts,
            },
        )
        .await
    }
}

#[async_trait]
impl EditStorage for Backend {
    async fn editable_offer(&self, id: i64) -> StorageResult<Option<EditableOffer>> {
        let mut connection = self.pool().acquire().await?;
        Self::read_editable(&mut connection, id).await
    }

    async fn apply_edit(
        &self,
        id: i64,
        base_version: i64,
        field: EditableField,
        value: &str,
        account_id: i64,
        now: i64,
    ) -> StorageResult<EditOutcome> {
        self.edit(id, base_version, field, value, account_id, now, None)
            .await
    }

    async fn offer_history(&self, id: i64) -> StorageResult<Vec<ChangeRecord>> {
        let rows: Vec<ChangeRow> = sqlx::query_as(
            "SELECT c.id, c.offer_id, a.display_name AS account_name, c.changed_at, c.field, \
             c.old_value, c.new_value, c.version, c.reverts_change_id FROM offer_changes c \
             LEFT JOIN accounts a ON a.id = c.account_id WHERE c.offer_id = $1 ORDER BY c.id DESC",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| ChangeRecord {
                id: row.id,
                offer_id: row.offer_id,
                account_name: row.account_name.unwrap_or_else(|| {
                    if row.field == CONFIRMED_FIELD {
                        INSTITUTION_ACTOR.to_string()
                    } else {
                        "unbekannt".to_string()
                    }
                }),
                changed_at: row.changed_at,
                field: row.field,
                old_value: row.old_value,
                new_value: row.new_value,
                version: row.version,
                reverts_change_id: row.reverts_change_id,
            })
            .collect())
    }

    async fn revert_change(
        &self,
        change_id: i64,
        account_id: i64,
        now: i64,
    ) -> StorageResult<EditOutcome> {
        let change: Option<ChangeRow> = sqlx::query_as(
            "SELECT c.id, c.offer_id, NULL AS account_name, c.changed_at, c.field, c.old_value, \
             c.new_value, c.version, c.reverts_change_id FROM offer_changes c WHERE c.id = $1",
        )
        .bind(change_id)
        .fetch_optional(self.pool())
        .await?;
        let Some(change) = change else {
            return Ok(EditOutcome::NotFound);
        };
        let Some(field) = EditableField::parse(&change.field) else {
            return Ok(EditOutcome::NotFound);
        };
        let Some(current) = self.editable_offer(change.offer_id).await? else {
            return Ok(EditOutcome::NotFound);
        };
        if current.value(field) != change.new_value {
            return Ok(EditOutcome::Conflict {
                current_version: current.version,
                current_value: current.value(field).to_string(),
            });
        }
        self.edit(
            change.offer_id,
            current.version,
            field,
            &change.old_value,
            account_id,
            now,
            Some(change.id),
        )
        .await
    }

    async fn set_location(
        &self,
        id: i64,
        base_version: i64,
        location: &OfferLocation,
        account_id: i64,
        now: i64,
    ) -> StorageResult<EditOutcome> {
        let started = self
            .begin_edit(id, base_version, |offer| offer.location.describe())
            .await?;
        let (mut tx, current) = match started {
            Ok(started) => started,
            Err(outcome) => return Ok(outcome),
        };
        if current.location == *location {
            tx.rollback().await?;
            return Ok(EditOutcome::Unchanged {
                version: base_version,
            });
        }
        Self::write_location(&mut tx, id, location).await?;
        self.finish_edit(
            tx,
            ChangeEntry {
                offer_id: id,
                account_id: Some(account_id),
                now,
                field: LOCATION_FIELD,
                old_value: &current.location.describe(),
                new_value: &location.describe(),
                version: Some(current.version),
                reverts_change_id: None,
            },
        )
        .await
    }

    async fn offers_to_check(&self) -> StorageResult<Vec<OfferToCheck>> {
        self.offers_listed("ORDER BY o.last_checked, o.name", None)
            .await
    }

    async fn due_offers(&self, selection: &DueSelection<'_>) -> StorageResult<Vec<OfferToCheck>> {
        self.offers_listed(
            &format!("{DUE_WHERE_SQL} ORDER BY o.last_checked, o.name, o.id LIMIT $4 OFFSET $5"),
            Some(selection),
        )
        .await
    }

    async fn due_counts(
        &self,
        before: NaiveDate,
        topic: Option<&str>,
    ) -> StorageResult<Vec<DueCount>> {
        Ok(sqlx::query_as(&format!(
            "SELECT m.ags, m.name, COUNT(*) AS due FROM offers o \
             JOIN locations l ON l.id = o.location_id \
             JOIN municipalities m ON m.ags = l.municipality_ags {DUE_WHERE_SQL} \
             GROUP BY m.ags, m.name ORDER BY COUNT(*) DESC, m.name"
        ))
        .bind(before)
        .bind("")
        .bind(topic.unwrap_or_default())
        .fetch_all(self.pool())
        .await?)
    }

    async fn archived_offers(&self) -> StorageResult<Vec<OfferToCheck>> {
        self.offers_listed("WHERE o.status <> 'active' ORDER BY o.name, o.id", None)
            .await
    }

    async fn not_twins_of(&self, id: i64) -> StorageResult<Vec<i64>> {
        Ok(
            sqlx::query_scalar(
                "SELECT twin_id FROM not_twins WHERE offer_id = $1 ORDER BY twin_id",
            )
            .bind(id)
            .fetch_all(self.pool())
            .await?,
        )
    }

    async fn mark_not_twins(
        &self,
        a: i64,
        b: i64,
        account_id: i64,
        now: i64,
    ) -> StorageResult<bool> {
        // Both orders, in one transaction: whichever of the two is looked at, the pair is known.
        let mut tx = self.pool().begin().await?;
        let mut added = 0;
        for (offer, twin) in [(a, b), (b, a)] {
            added += sqlx::query(
                "INSERT INTO not_twins (offer_id, twin_id, decided_by, decided_at) \
                 SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM offers WHERE id = $1) \
                 AND EXISTS (SELECT 1 FROM offers WHERE id = $2) \
                 ON CONFLICT (offer_id, twin_id) DO NOTHING",
            )
            .bind(offer)
            .bind(twin)
            .bind(account_id)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        tx.commit().await?;
        Ok(added > 0)
    }

    async fn windows_ending(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StorageResult<Vec<EndingWindow>> {
        // ISO days compare as text; an empty end ("no window") is before every day.
        let rows: Vec<EndingRow> = sqlx::query_as(
            "SELECT o.id, o.name, m.name AS municipality, o.visible_until FROM offers o \
             JOIN locations l ON l.id = o.location_id JOIN municipalities m ON m.ags = l.municipality_ags \
             WHERE o.status = 'active' AND o.visible_until >= $1 AND o.visible_until <= $2 \
             ORDER BY o.visible_until, o.name, o.id",
        )
        .bind(crate::shared::iso_date::text(from))
        .bind(crate::shared::iso_date::text(to))
        .fetch_all(self.pool())
        .await?;
        Ok(rows.into_iter().map(EndingWindow::from).collect())
    }

    async fn set_archived(
        &self,
        id: i64,
        base_version: i64,
        archived: bool,
        account_id: i64,
        now: i64,
    ) -> StorageResult<EditOutcome> {
        let status = |archived: bool| if archived { "archived" } else { "active" };
        let started = self
            .begin_edit(id, base_version, |offer| status(offer.archived).to_string())
            .await?;
        let (mut tx, current) = match started {
            Ok(started) => started,
            Err(outcome) => return Ok(outcome),
        };
        if current.archived == archived {
            tx.rollback().await?;
            return Ok(EditOutcome::Unchanged {
                version: base_version,
            });
        }
        sqlx::query("UPDATE offers SET status = $1 WHERE id = $2")
            .bind(status(archived))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        self.finish_edit(
            tx,
            ChangeEntry {
                offer_id: id,
                account_id: Some(account_id),
                now,
                field: STATUS_FIELD,
                old_value: status(current.archived),
                new_value: status(archived),
                version: Some(current.version),
                reverts_change_id: None,
            },
        )
        .await
    }

    async fn offer_of_change(&self, change_id: i64) -> StorageResult<Option<i64>> {
        Ok(
            sqlx::query_scalar("SELECT offer_id FROM offer_changes WHERE id = $1")
                .bind(change_id)
                .fetch_optional(self.pool())
                .await?,
        )
    }

    async fn mark_checked(
        &self,
        id: i64,
        base_version: i64,
        today: NaiveDate,
        account_id: Option<i64>,
        now: i64,
    ) -> StorageResult<EditOutcome> {
        let started = self
            .begin_edit(id, base_version, |offer| offer.last_checked.to_string())
            .await?;
        let (mut tx, current) = match started {
            Ok(started) => started,
            Err(outcome) => return Ok(outcome),
        };
        // A check confirms every group of fields with the rest.
        sqlx::query(
            "UPDATE offers SET last_checked = $1, hours_confirmed = $2, contact_confirmed = $2, \
             cost_confirmed = $2 WHERE id = $3",
        )
        .bind(today)
        .bind(crate::shared::iso_date::text(today))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        self.finish_edit(
            tx,
            ChangeEntry {
                offer_id: id,
                account_id,
                now,
                field: if account_id.is_some() {
                    CHECKED_FIELD
                } else {
                    CONFIRMED_FIELD
                },
                old_value: &current.last_checked.to_string(),
                new_value: &today.to_string(),
                version: Some(current.version),
                reverts_change_id: None,
            },
        )
        .await
    }
}
