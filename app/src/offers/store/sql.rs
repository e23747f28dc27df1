//! The offers' storage on one backend (`super::Backend`, `super::Db`).

use std::collections::HashMap;

use async_trait::async_trait;

use super::{Backend, Db};
use crate::offers::model::{OfferDetail, OfferSummary};
use crate::offers::records::{ContactPerson, MemberOnly, NewOffer, NewOrganization};
use crate::offers::store::{
    ALL_HOURS_SQL, CodeRow, ContactRow, DELIVERY, DETAIL_SQL, DetailRow, HoursRow, IDENTITIES_SQL,
    IdentityRow, LANGUAGES, OfferCodes, OfferHoursRow, OfferStorage, OfferWindow, PHASES,
    PublicOfferRecord, PublicOrganization, RECORDS_SQL, RecordRow, SUMMARY_SQL, SummaryRow, TOPICS,
    all_codes_sql, detail_from_row, hours_by_offer, insert_code_sql, offer_codes_sql,
    summary_from_row,
};
use crate::offers::twins::KnownOffer;
use crate::platform::database::StorageResult;
use crate::region::model::Municipality;

impl Backend {
    async fn codes_of(
        &self,
        sql: (&str, &str),
        offer_id: Option<i64>,
    ) -> StorageResult<Vec<CodeRow>> {
        Ok(match offer_id {
            Some(id) => {
                sqlx::query_as(&offer_codes_sql(sql))
                    .bind(id)
                    .fetch_all(self.pool())
                    .await?
            }
            None => {
                sqlx::query_as(&all_codes_sql(sql))
                    .fetch_all(self.pool())
                    .await?
            }
        })
    }

    /// Every active offer's opening hours, in one query.
    async fn load_all_hours(&self) -> StorageResult<HashMap<i64, Vec<HoursRow>>> {
        let rows: Vec<OfferHoursRow> = sqlx::query_as(ALL_HOURS_SQL).fetch_all(self.pool()).await?;
        Ok(hours_by_offer(rows))
    }

    async fn load_codes(&self, offer_id: Option<i64>) -> StorageResult<OfferCodes> {
        let mut codes = OfferCodes::default();
        codes.add_topics(self.codes_of(TOPICS, offer_id).await?);
        codes.add_phases(self.codes_of(PHASES, offer_id).await?);
        codes.add_languages(self.codes_of(LANGUAGES, offer_id).await?);
        codes.add_delivery(self.codes_of(DELIVERY, offer_id).await?);
        Ok(codes)
    }

    /// Inserts an organisation on `connection` (inside the caller's transaction).
    pub(crate) async fn insert_organization_in(
        connection: &mut <Db as sqlx::Database>::Connection,
        org: &NewOrganization,
    ) -> StorageResult<i64> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO organizations (external_id, name, description, website, is_demo) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(&org.external_id)
        .bind(&org.name)
        .bind(&org.description)
        .bind(&org.website)
        .bind(org.is_demo)
        .fetch_one(&mut *connection)
        .await?;
        sqlx::query(
            "INSERT INTO member_organization_info (organization_id, working_group) VALUES ($1, $2)",
        )
        .bind(id)
        .bind(&org.working_group)
        .execute(&mut *connection)
        .await?;
        Ok(id)
    }

    /// Inserts an offer with everything it carries on `connection` (inside the caller's
    /// transaction).
    /// Stores an offer's weekly opening slots (after any old ones were deleted).
    pub(crate) async fn insert_opening_hours_in(
        connection: &mut <Db as sqlx::Database>::Connection,
        offer_id: i64,
        slots: &[crate::offers::hours::OpeningSlot],
    ) -> StorageResult<()> {
        for slot in slots {
            sqlx::query(
                "INSERT INTO opening_hours (offer_id, weekday, opens_minute, closes_minute) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(offer_id)
            .bind(i32::from(slot.weekday.number()))
            .bind(i32::from(slot.opens.minutes()))
            .bind(i32::from(slot.closes.minutes()))
            .execute(&mut *connection)
            .await?;
        }
        Ok(())
    }

    pub(crate) async fn insert_offer_in(
        connection: &mut <Db as sqlx::Database>::Connection,
        offer: &NewOffer,
    ) -> StorageResult<i64> {
        let loc = &offer.location;
        let location_id: i64 = sqlx::query_scalar(
            "INSERT INTO locations (organization_id, street, postcode, town, municipality_ags, lat, lon, \
             address_protection) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(offer.organization_id)
        .bind(&loc.street)
        .bind(&loc.postcode)
        .bind(&loc.town)
        .bind(&loc.municipality_ags)
        .bind(loc.lat)
        .bind(loc.lon)
        .bind(loc.protection.code())
        .fetch_one(&mut *connection)
        .await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO offers (external_id, organization_id, location_id, name, description, cost, \
             cost_note, wheelchair, accessibility_note, phone, email, website, hours_note, last_checked, \
             status, is_demo, summary_en, summary_tr, summary_ar, summary_uk, closed_in_school_holidays) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, \
             $17, $18, $19, $20, $21) RETURNING id",
        )
        .bind(&offer.external_id)
        .bind(offer.organization_id)
        .bind(location_id)
        .bind(&offer.name)
        .bind(&offer.description)
        .bind(offer.cost.code())
        .bind(&offer.cost_note)
        .bind(offer.wheelchair)
        .bind(&offer.accessibility_note)
        .bind(&offer.phone)
        .bind(&offer.email)
        .bind(&offer.website)
        .bind(&offer.hours_note)
        .bind(offer.last_checked)
        .bind(offer.status.code())
        .bind(offer.is_demo)
        .bind(&offer.summaries[0])
        .bind(&offer.summaries[1])
        .bind(&offer.summaries[2])
        .bind(&offer.summaries[3])
        .bind(offer.closed_in_school_holidays)
        .fetch_one(&mut *connection)
        .await?;
        let code_rows: Vec<((&str, &str), &str)> = offer
            .topics
            .iter()
            .map(|t| (TOPICS, t.code()))
            .chain(offer.phases.iter().map(|p| (PHASES, p.code())))
            .chain(offer.languages.iter().map(|l| (LANGUAGES, l.code())))
            .chain(offer.delivery.iter().map(|d| (DELIVERY, d.code())))
            .collect();
        for (table, code) in code_rows {
            sqlx::query(&insert_code_sql(table))
                .bind(id)
                .bind(code)
                .execute(&mut *connection)
                .await?;
        }
        Self::insert_opening_hours_in(connection, id, &offer.opening_hours).await?;
        for contact in &offer.member_only.contacts {
            sqlx::query(
                "INSERT INTO member_contact_persons (organization_id, offer_id, name, role, phone, email) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(offer.organization_id)
            .bind(id)
            .bind(&contact.name)
            .bind(&contact.role)
            .bind(&contact.phone)
            .bind(&contact.email)
            .execute(&mut *connection)
            .await?;
        }
        if !offer.member_only.internal_note.is_empty() {
            sqlx::query("INSERT INTO member_offer_notes (offer_id, internal_note) VALUES ($1, $2)")
                .bind(id)
                .bind(&offer.member_only.internal_note)
                .execute(&mut *connection)
                .await?;
        }
        Ok(id)
    }
}

#[async_trait]
impl OfferStorage for Backend {
    async fn upsert_municipalities(&self, municipalities: &[Municipality]) -> StorageResult<()> {
        let mut tx = self.pool().begin().await?;
        for m in municipalities {
            sqlx::query(
                "INSERT INTO municipalities (ags, name, population, centre_lat, centre_lon) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (ags) DO UPDATE SET name = excluded.name, \
                 population = excluded.population, centre_lat = excluded.centre_lat, \
                 centre_lon = excluded.centre_lon",
            )
            .bind(&m.ags)
            .bind(&m.name)
            .bind(m.population)
            .bind(m.centre.0)
            .bind(m.centre.1)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.public_data_changed();
        Ok(())
    }

    async fn count_offers(&self) -> StorageResult<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM offers")
            .fetch_one(self.pool())
            .await?)
    }

    async fn count_real_offers(&self) -> StorageResult<i64> {
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM offers WHERE is_demo = FALSE")
                .fetch_one(self.pool())
                .await?,
        )
    }

    async fn insert_into_empty(
        &self,
        organizations: &[(NewOrganization, Vec<NewOffer>)],
    ) -> StorageResult<usize> {
        let mut tx = self.pool().begin().await?;
        let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM offers")
            .fetch_one(&mut *tx)
            .await?;
        if existing > 0 {
            tx.rollback().await?;
            return Ok(0);
        }
        let mut inserted = 0;
        for (organization, offers) in organizations {
            let organization_id = Self::insert_organization_in(&mut tx, organization).await?;
            for offer in offers {
                let offer = NewOffer {
                    organization_id,
                    ..offer.clone()
                };
                Self::insert_offer_in(&mut tx, &offer).await?;
                inserted += 1;
            }
        }
        tx.commit().await?;
        self.public_data_changed();
        Ok(inserted)
    }

    async fn insert_organization(&self, org: &NewOrganization) -> StorageResult<i64> {
        let mut tx = self.pool().begin().await?;
        let id = Self::insert_organization_in(&mut tx, org).await?;
        tx.commit().await?;
        self.public_data_changed();
        Ok(id)
    }

    async fn insert_offer(&self, offer: &NewOffer) -> StorageResult<i64> {
        let mut tx = self.pool().begin().await?;
        let id = Self::insert_offer_in(&mut tx, offer).await?;
        tx.commit().await?;
        self.public_data_changed();
        Ok(id)
    }

    async fn public_offer_summaries(&self) -> StorageResult<Vec<OfferSummary>> {
        let rows: Vec<SummaryRow> = sqlx::query_as(SUMMARY_SQL).fetch_all(self.pool()).await?;
        let codes = self.load_codes(None).await?;
        let hours_of = self.load_all_hours().await?;
        rows.into_iter()
            .map(|row| {
                let hours = hours_of.get(&row.id).map_or(&[][..], Vec::as_slice);
                summary_from_row(row, &codes, hours)
            })
            .collect()
    }

    async fn public_offer_detail(&self, id: i64) -> StorageResult<Option<OfferDetail>> {
        let Some(row): Option<DetailRow> = sqlx::query_as(DETAIL_SQL)
            .bind(id)
            .fetch_optional(self.pool())
            .await?
        else {
            return Ok(None);
        };
        let codes = self.load_codes(Some(id)).await?;
        let hours: Vec<HoursRow> = sqlx::query_as(
            "SELECT weekday, opens_minute, closes_minute FROM opening_hours WHERE offer_id = $1 \
             ORDER BY weekday, opens_minute",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        detail_from_row(row, &codes, hours).map(Some)
    }

    async fn public_offer_records(&self) -> StorageResult<Vec<PublicOfferRecord>> {
        let rows: Vec<RecordRow> = sqlx::query_as(RECORDS_SQL).fetch_all(self.pool()).await?;
        let codes = self.load_codes(None).await?;
        let mut hours_of = self.load_all_hours().await?;
        rows.into_iter()
            .map(|row| {
                let hours = hours_of.remove(&row.detail.id).unwrap_or_default();
                Ok(PublicOfferRecord {
                    organization_id: row.organization_id,
                    external_id: row.external_id,
                    municipality_ags: row.municipality_ags,
                    detail: detail_from_row(row.detail, &codes, hours)?,
                })
            })
            .collect()
    }

    async fn public_organizations(&self) -> StorageResult<Vec<PublicOrganization>> {
        Ok(sqlx::query_as(
            "SELECT g.id, g.external_id, g.name, g.description, g.website FROM organizations g \
             WHERE EXISTS (SELECT 1 FROM offers o WHERE o.organization_id = g.id AND o.status = 'active') \
             ORDER BY g.name, g.id",
        )
        .fetch_all(self.pool())
        .await?)
    }

    async fn offer_windows(&self) -> StorageResult<Vec<OfferWindow>> {
        Ok(sqlx::query_as(
            "SELECT id, visible_from, visible_until FROM offers \
             WHERE status = 'active' AND (visible_from <> '' OR visible_until <> '')",
        )
        .fetch_all(self.pool())
        .await?)
    }

    async fn free_places_said(&self) -> StorageResult<Vec<(i64, String)>> {
        Ok(sqlx::query_as(
            "SELECT id, availability_confirmed FROM offers \
             WHERE status = 'active' AND free_places = 'ja'",
        )
        .fetch_all(self.pool())
        .await?)
    }

    async fn offer_identities(&self) -> StorageResult<Vec<KnownOffer>> {
        let rows: Vec<IdentityRow> = sqlx::query_as(IDENTITIES_SQL)
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(KnownOffer::from).collect())
    }

    async fn last_offer_change(&self) -> StorageResult<Option<i64>> {
        Ok(
            sqlx::query_scalar("SELECT MAX(changed_at) FROM offer_changes")
                .fetch_one(self.pool())
                .await?,
        )
    }

    async fn member_only(&self, offer_id: i64) -> StorageResult<MemberOnly> {
        let contacts: Vec<ContactRow> = sqlx::query_as(
            "SELECT name, role, phone, email FROM member_contact_persons WHERE offer_id = $1 ORDER BY id",
        )
        .bind(offer_id)
        .fetch_all(self.pool())
        .await?;
        let internal_note: Option<String> =
            sqlx::query_scalar("SELECT internal_note FROM member_offer_notes WHERE offer_id = $1")
                .bind(offer_id)
                .fetch_optional(self.pool())
                .await?;
        Ok(MemberOnly {
            contacts: contacts
                .into_iter()
                .map(|c| ContactPerson {
                    name: c.name,
                    role: c.role,
                    phone: c.phone,
                    email: c.email,
                })
                .collect(),
            internal_note: internal_note.unwrap_or_default(),
        })
    }
}
