//! The member-only reads from storage (contact persons, internal notes, working groups, the
//! directory). Callers must have checked the role. Implemented for both backends with the same
//! SQL.

use std::collections::HashMap;

use async_trait::async_trait;

use crate::members::directory::{
    Contact, ContactAddress, DirectoryEntry, DirectoryOffer, MemberOfferInfo, WorkingGroup,
};
use crate::offers::taxonomy::{Topic, TopicSet};
use crate::platform::database::StorageResult;

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
    offer_id: Option<i64>,
    street: Option<String>,
    postcode: Option<String>,
    town: Option<String>,
}

impl From<ContactRow> for Contact {
    fn from(row: ContactRow) -> Contact {
        let address = match (row.street, row.postcode, row.town) {
            (Some(street), Some(postcode), Some(town)) => Some(ContactAddress {
                street,
                postcode,
                town,
            }),
            _ => None,
        };
        Contact {
            id: row.id,
            name: row.name,
            role: row.role,
            phone: row.phone,
            email: row.email,
            organization: row.organization,
            offer_id: row.offer_id,
            address,
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

/// A contact person with the institution's name and an address for the vCard: the place of
/// the offer the person is the contact for, else the institution's first place.
/// A place only editors may see (Schutzadresse) gives its town alone.
const CONTACT_SQL: &str = "SELECT c.id, c.organization_id, c.offer_id, c.name, c.role, c.phone, \
     c.email, g.name AS organization, \
     CASE WHEN l.address_protection IN ('ort-redaktion', 'ohne-karte-redaktion') THEN '' ELSE l.street END AS street, \
     CASE WHEN l.address_protection IN ('ort-redaktion', 'ohne-karte-redaktion') THEN '' ELSE l.postcode END AS postcode, \
     l.town \
     FROM member_contact_persons c JOIN organizations g ON g.id = c.organization_id \
     LEFT JOIN offers co ON co.id = c.offer_id \
     LEFT JOIN locations l ON l.id = COALESCE(co.location_id, \
     (SELECT MIN(x.id) FROM locations x WHERE x.organization_id = c.organization_id))";

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

#[cfg(test)]
mod tests {
    use super::CONTACT_SQL;
    use crate::offers::taxonomy::AddressProtection;

    #[test]
    fn the_contacts_query_masks_exactly_the_places_only_editors_see() {
        for level in AddressProtection::ALL {
            let listed = CONTACT_SQL.contains(&format!("'{}'", level.code()));
            assert_eq!(listed, !level.members_see_address(), "{level:?}");
        }
    }
}

// The implementation for both backends: `store/sql.rs`, compiled once for each.
mod postgres;
mod sqlite;
