//! The member-only reads from storage (contact persons, internal notes, working groups, the
//! directory). Callers must have checked the role. Implemented for both backends with the same
//! SQL.

use std::collections::HashMap;

use async_trait::async_trait;

use crate::members::directory::{
    Contact, DirectoryEntry, DirectoryOffer, MemberOfferInfo, WorkingGroup,
};
use crate::offers::taxonomy::{Topic, TopicSet};
use crate::platform::database::{PostgresStorage, SqliteStorage, StorageResult};

#[async_trait]
pub trait MemberStorage: Send + Sync {
    /// Member-only information about an active offer. Callers must have checked the role.
    async fn member_offer_info(&self, offer_id: i64) -> StorageResult<Option<MemberOfferInfo>>;
    /// The whole member directory. Callers must have checked the role.
    async fn directory(&self) -> StorageResult<Vec<DirectoryEntry>>;
    /// One contact person. Callers must have checked the role.
    async fn contact(&self, id: i64) -> StorageResult<Option<Contact>>;
}

#[derive(sqlx::FromRow)]
struct ContactRow {
    id: i64,
    organization_id: i64,
    name: String,
    role: String,
    phone: String,
    email: String,
    organization: String,
}

impl From<ContactRow> for Contact {
    fn from(row: ContactRow) -> Contact {
        Contact {
            id: row.id,
            name: row.name,
            role: row.role,
            phone: row.phone,
            email: row.email,
            organization: row.organization,
        }
    }
}

#[derive(sqlx::FromRow)]
struct OrganizationRow {
    id: i64,
    name: String,
    website: String,
    working_group: Option<String>,
}

#[derive(sqlx::FromRow)]
struct DirectoryOfferRow {
    id: i64,
    organization_id: i64,
    name: String,
    municipality: String,
    municipality_name: String,
}

#[derive(sqlx::FromRow)]
struct TopicRow {
    offer_id: i64,
    code: String,
}

const CONTACT_SQL: &str = "SELECT c.id, c.organization_id, c.name, c.role, c.phone, c.email, \
     g.name AS organization FROM member_contact_persons c JOIN organizations g ON g.id = c.organization_id";

/// Assembles directory entries from the rows of organizations, offers, topics and contacts.
fn assemble_directory(
    organizations: Vec<OrganizationRow>,
    offers: Vec<DirectoryOfferRow>,
    topics: Vec<TopicRow>,
    contacts: Vec<ContactRow>,
) -> Vec<DirectoryEntry> {
    let mut topics_of: HashMap<i64, TopicSet> = HashMap::new();
    for row in topics {
        if let Some(topic) = Topic::parse(&row.code) {
            topics_of.entry(row.offer_id).or_default().insert(topic);
        }
    }
    let mut offers_of: HashMap<i64, Vec<DirectoryOffer>> = HashMap::new();
    for row in offers {
        offers_of
            .entry(row.organization_id)
            .or_default()
            .push(DirectoryOffer {
                id: row.id,
                topics: topics_of.get(&row.id).copied().unwrap_or_default(),
                name: row.name,
                municipality: row.municipality,
                municipality_name: row.municipality_name,
            });
    }
    let mut contacts_of: HashMap<i64, Vec<Contact>> = HashMap::new();
    for row in contacts {
        contacts_of
            .entry(row.organization_id)
            .or_default()
            .push(row.into());
    }
    organizations
        .into_iter()
        .map(|org| DirectoryEntry {
            working_group: org.working_group.as_deref().and_then(WorkingGroup::parse),
            contacts: contacts_of.remove(&org.id).unwrap_or_default(),
            offers: offers_of.remove(&org.id).unwrap_or_default(),
            organization_id: org.id,
            name: org.name,
            website: org.website,
        })
        .collect()
}

macro_rules! member_storage {
    ($name:ident) => {
        #[async_trait]
        impl MemberStorage for $name {
            async fn member_offer_info(&self, offer_id: i64) -> StorageResult<Option<MemberOfferInfo>> {
                let working_group: Option<Option<String>> = sqlx::query_scalar(
                    "SELECT i.working_group FROM offers o \
                     LEFT JOIN member_organization_info i ON i.organization_id = o.organization_id \
                     WHERE o.id = $1 AND o.status = 'active'",
                )
                .bind(offer_id)
                .fetch_optional(self.pool())
                .await?;
                let Some(working_group) = working_group else {
                    return Ok(None);
                };
                let contacts: Vec<ContactRow> =
                    sqlx::query_as(&format!("{CONTACT_SQL} WHERE c.offer_id = $1 ORDER BY c.id"))
                        .bind(offer_id)
                        .fetch_all(self.pool())
                        .await?;
                let internal_note: Option<String> =
                    sqlx::query_scalar("SELECT internal_note FROM member_offer_notes WHERE offer_id = $1")
                        .bind(offer_id)
                        .fetch_optional(self.pool())
                        .await?;
                Ok(Some(MemberOfferInfo {
                    working_group: working_group.as_deref().and_then(WorkingGroup::parse),
                    contacts: contacts.into_iter().map(Contact::from).collect(),
                    internal_note: internal_note.unwrap_or_default(),
                }))
            }

            async fn directory(&self) -> StorageResult<Vec<DirectoryEntry>> {
                let organizations: Vec<OrganizationRow> = sqlx::query_as(
                    "SELECT g.id, g.name, g.website, i.working_group FROM organizations g \
                     LEFT JOIN member_organization_info i ON i.organization_id = g.id \
                     WHERE EXISTS (SELECT 1 FROM offers o WHERE o.organization_id = g.id AND o.status = 'active') \
                     ORDER BY g.name, g.id",
                )
                .fetch_all(self.pool())
                .await?;
                let offers: Vec<DirectoryOfferRow> = sqlx::query_as(
                    "SELECT o.id, o.organization_id, o.name, l.municipality_ags AS municipality, \
                     m.name AS municipality_name FROM offers o JOIN locations l ON l.id = o.location_id \
                     JOIN municipalities m ON m.ags = l.municipality_ags \
                     WHERE o.status = 'active' ORDER BY o.name, o.id",
                )
                .fetch_all(self.pool())
                .await?;
                let topics: Vec<TopicRow> = sqlx::query_as(
                    "SELECT t.offer_id, t.topic AS code FROM offer_topics t JOIN offers o ON o.id = t.offer_id \
                     WHERE o.status = 'active'",
                )
                .fetch_all(self.pool())
                .await?;
                // Contacts of archived offers are no longer current.
                let contacts: Vec<ContactRow> = sqlx::query_as(&format!(
                    "{CONTACT_SQL} WHERE c.offer_id IS NULL OR EXISTS \
                     (SELECT 1 FROM offers o WHERE o.id = c.offer_id AND o.status = 'active') ORDER BY c.name, c.id"
                ))
                        .fetch_all(self.pool())
                        .await?;
                Ok(assemble_directory(organizations, offers, topics, contacts))
            }

            async fn contact(&self, id: i64) -> StorageResult<Option<Contact>> {
                let row: Option<ContactRow> = sqlx::query_as(&format!("{CONTACT_SQL} WHERE c.id = $1"))
                    .bind(id)
                    .fetch_optional(self.pool())
                    .await?;
                Ok(row.map(Contact::from))
            }
        }
    };
}

member_storage!(SqliteStorage);
member_storage!(PostgresStorage);
