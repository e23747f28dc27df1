//! The member-only reads on one backend (`super::Backend`).

use async_trait::async_trait;

use super::Backend;
use crate::members::directory::{
    Contact, ContactAddress, DirectoryEntry, MemberOfferInfo, WorkingGroup,
};
use crate::members::store::{
    CONTACT_SQL, ContactRow, DirectoryOfferRow, MemberStorage, OrganizationRow, TopicRow,
    assemble_directory,
};
use crate::offers::taxonomy::AddressProtection;
use crate::platform::database::StorageResult;

#[async_trait]
impl MemberStorage for Backend {
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
        let contacts: Vec<ContactRow> = sqlx::query_as(&format!(
            "{CONTACT_SQL} WHERE c.offer_id = $1 ORDER BY c.id"
        ))
        .bind(offer_id)
        .fetch_all(self.pool())
        .await?;
        let internal_note: Option<String> =
            sqlx::query_scalar("SELECT internal_note FROM member_offer_notes WHERE offer_id = $1")
                .bind(offer_id)
                .fetch_optional(self.pool())
                .await?;
        let place: Option<(String, String, String, String)> = sqlx::query_as(
            "SELECT l.street, l.postcode, l.town, l.address_protection FROM offers o \
             JOIN locations l ON l.id = o.location_id WHERE o.id = $1",
        )
        .bind(offer_id)
        .fetch_optional(self.pool())
        .await?;
        let protected_address = place.and_then(|(street, postcode, town, protection)| {
            let protection = AddressProtection::parse(&protection)?;
            (protection.is_protected() && protection.members_see_address()).then_some(
                ContactAddress {
                    street,
                    postcode,
                    town,
                },
            )
        });
        Ok(Some(MemberOfferInfo {
            working_group: working_group.as_deref().and_then(WorkingGroup::parse),
            contacts: contacts.into_iter().map(Contact::from).collect(),
            internal_note: internal_note.unwrap_or_default(),
            protected_address,
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
