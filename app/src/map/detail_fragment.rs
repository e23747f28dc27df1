//! The map's detail panel content for one offer as an HTML fragment
//! (`/kartenfenster/angebot/{id}`): the public offer, and for signed-in members its contact
//! persons right below the name and the rest of the member-only section below the offer.
//! Rendered here with the same components as the offer page, so the browser bundle carries
//! neither those views nor the offer's data types.

use leptos::prelude::*;

use crate::map::ui::offer_view::{OfferView, OfferViewSettings};
use crate::members::directory::MemberOfferInfo;
use crate::members::ui::member_view::{MemberContactsView, MemberInfoView};
use crate::offers::model::OfferDetail;
use crate::shared::i18n::Locale;

/// The fragment: the offer and, if `member` holds it, the contacts at its top and the
/// member-only section below it.
/// The public part is in `locale`; the member section stays German.
pub fn detail_html(
    offer: OfferDetail,
    member: Option<MemberOfferInfo>,
    locale: Locale,
    settings: OfferViewSettings,
) -> String {
    let contacts = member
        .as_ref()
        .map(|info| (info.contacts.clone(), info.protected_address.clone()));
    Owner::new().with(|| {
        provide_context(locale);
        view! {
            <div class="panel-fragment">
                <OfferView offer heading_level_2=true settings>
                    {contacts.map(|(contacts, protected_address)| view! { <MemberContactsView contacts protected_address nested=true /> })}
                </OfferView>
                {member.map(|info| view! { <MemberInfoView info /> })}
            </div>
        }
        .to_html()
    })
}

/// The fragment of offer `id` for a viewer who `is_member` (or not); `None` if the offer is not
/// public.
pub async fn detail_for(
    state: &crate::platform::state::AppState,
    id: i64,
    is_member: bool,
    locale: Locale,
) -> Result<Option<String>, crate::shared::error::AppError> {
    let Some(offer) = crate::offers::service::detail_in(
        state
            .part::<crate::offers::read_model::PublicReadModel>()?
            .as_ref(),
        id,
    )
    .await?
    else {
        return Ok(None);
    };
    let member = if is_member {
        crate::members::service::member_offer_info_in(
            state
                .part::<dyn crate::members::store::MemberStorage>()?
                .as_ref(),
            id,
        )
        .await?
    } else {
        None
    };
    Ok(Some(detail_html(
        offer,
        member,
        locale,
        OfferViewSettings::of(state),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer() -> OfferDetail {
        serde_json::from_value(serde_json::json!({
            "id": 7,
            "name": "Babytreff Mitte",
            "organization": "Familienzentrum Dülmen",
            "description": "Offener Treff für Eltern mit Babys.",
            "topics": 1,
            "phases": 2,
            "languages": 1,
            "delivery": 1,
            "cost": "Free",
            "cost_note": "",
            "wheelchair": true,
            "accessibility_note": "",
            "address": {
                "street": "Marktstraße 1",
                "postcode": "48249",
                "town": "Dülmen",
                "municipality": "Dülmen"
            },
            "lat": 51.830_1,
            "lon": 7.280_5,
            "phone": "02594 9974-69",
            "email": "treff@beispiel.invalid",
            "website": "https://beispiel.invalid/treff",
            "opening_hours": [
                { "weekday": "Mon", "opens": 540, "closes": 720 },
                { "weekday": "Thu", "opens": 540, "closes": 720 }
            ],
            "hours_note": "",
            "last_checked": "2026-03-07",
            "is_demo": false,
            "summaries": [],
            "long_unchecked": false
        }))
        .expect("an offer as the store gives it")
    }

    /// Every place `value` appears in `html` is directly inside an element marked `dir="ltr"`.
    fn always_isolated(html: &str, value: &str) -> bool {
        let shown = format!(">{value}<");
        html.matches(&shown).count() > 0
            && html.match_indices(&shown).all(|(at, _)| {
                let tag = &html[html[..at].rfind('<').unwrap()..at];
                tag.contains(r#"dir="ltr""#)
            })
    }

    #[test]
    fn an_arabic_panel_keeps_phone_times_and_address_left_to_right() {
        let html = detail_html(offer(), None, Locale::Arabic, OfferViewSettings::default())
            .replace("<!>", "");
        assert!(always_isolated(&html, "02594 9974-69"), "{html}");
        assert!(always_isolated(&html, "09:00–12:00"), "{html}");
        assert!(always_isolated(&html, "treff@beispiel.invalid"), "{html}");
        assert!(
            always_isolated(&html, "https://beispiel.invalid/treff"),
            "{html}"
        );
        assert!(always_isolated(&html, "03/2026"), "{html}");
        let address = &html[html.find("offer-address").unwrap()..];
        assert!(
            address[..address.find("</bdi>").unwrap()].contains("48249 Dülmen"),
            "{html}"
        );
        assert!(
            html.contains(r#"lang="de" dir="ltr" class="offer-address""#),
            "{html}"
        );
        // The labels are Arabic; the call button and the route come before the description.
        assert!(
            html.contains("اتصال") && html.contains("تخطيط الطريق"),
            "{html}"
        );
        let actions = html.find("offer-actions").unwrap();
        assert!(actions < html.find("offer-description").unwrap());
        assert!(html.contains(r#"href="tel:02594997469""#), "{html}");
    }

    #[test]
    fn the_route_is_a_web_link_from_the_operators_template() {
        let html = detail_html(offer(), None, Locale::German, OfferViewSettings::default())
            .replace("<!>", "");
        assert!(
            html.contains(
                r#"href="https://www.google.com/maps/dir/?api=1&amp;destination=51.830100,7.280500""#
            ),
            "{html}"
        );
        assert!(html.contains(r#"rel="noopener noreferrer""#), "{html}");
        assert!(!html.contains("geo:"), "{html}");
        assert_eq!(html.matches("class=\"phone-link\"").count(), 1, "{html}");
        assert_eq!(html.matches("route-link").count(), 1, "{html}");
        assert!(
            html.contains("Angaben bestätigt im <bdi dir=\"ltr\">März 2026</bdi>"),
            "{html}"
        );
    }

    #[test]
    fn members_see_the_contacts_right_below_the_name_and_the_note_below_the_offer() {
        use crate::members::directory::Contact;
        let member = MemberOfferInfo {
            working_group: None,
            contacts: vec![Contact {
                id: 5,
                name: "Erika Beispiel".to_string(),
                role: "Leitung".to_string(),
                phone: "02594 1".to_string(),
                email: "erika@beispiel.invalid".to_string(),
                organization: "Familienzentrum Dülmen".to_string(),
                offer_id: Some(7),
                address: None,
            }],
            internal_note: "Nur intern".to_string(),
            protected_address: Some(crate::members::directory::ContactAddress {
                street: "Geheimweg 7".to_string(),
                postcode: "48249".to_string(),
                town: "Dülmen".to_string(),
            }),
        };
        let html = detail_html(
            offer(),
            Some(member),
            Locale::Arabic,
            OfferViewSettings::default(),
        )
        .replace("<!>", "");
        let at = |needle: &str| {
            html.find(needle)
                .unwrap_or_else(|| panic!("{needle}: {html}"))
        };
        assert!(at("offer-org") < at("Erika Beispiel"));
        assert!(at("Erika Beispiel") < at("offer-actions"));
        assert!(at("Erika Beispiel") < at("offer-description"));
        assert!(at("offer-description") < at("Nur intern"));
        // The panel's offer name is an h2, so the contacts' heading is an h3.
        assert!(
            html.contains(r#"<h3 id="member-contacts-heading">"#),
            "{html}"
        );
        assert!(
            html.contains(r#"lang="de" dir="ltr" class="member-contacts""#),
            "{html}"
        );
        assert!(always_isolated(&html, "erika@beispiel.invalid"), "{html}");
        // A protected place's address, which members may see, stands with the contacts.
        assert!(at("Geheimweg 7") < at("offer-actions"), "{html}");
    }

    #[test]
    fn a_protected_place_says_address_on_request_and_offers_no_route() {
        let mut offer = offer();
        offer.address_on_request = true;
        offer.address.street = String::new();
        offer.address.postcode = String::new();
        let html = detail_html(offer, None, Locale::German, OfferViewSettings::default());
        assert!(html.contains("Adresse auf Anfrage"), "{html}");
        assert!(!html.contains("route-link"), "{html}");
        assert!(html.contains("call-link"), "the public phone stays: {html}");
    }
}
