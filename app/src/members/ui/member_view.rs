//! The member-only parts of an offer, rendered on the server for signed-in members only: the
//! contact persons at the top of the detail (a member's first question is whom to call), and
//! working group and internal note below it. German, as the members' tools are, also inside a
//! page in another language or direction.

use leptos::prelude::*;

use crate::members::directory::{Contact, ContactAddress, MemberOfferInfo};

/// The contact's entry in the member directory: the directory searched for the name (a short
/// page) at the person's anchor.
pub fn directory_link(contact: &Contact) -> String {
    let query: String = url::form_urlencoded::byte_serialize(contact.name.as_bytes()).collect();
    format!("/netzwerk?q={query}#{}", contact.anchor())
}

/// What a contact card links to besides its actions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContactLink {
    /// On an offer: the person's entry in the member directory.
    Directory,
    /// In the directory: the offer (id and name) the person is the contact for, if any.
    Offer(Option<(i64, String)>),
}

/// A contact person: name and role, then one button each for the direct line, the e-mail and
/// the vCard, and the link to the directory or to the offer.
#[component]
pub fn ContactView(contact: Contact, link: ContactLink) -> impl IntoView {
    // In the directory the entry is a link target; on an offer it links there.
    let anchor = matches!(link, ContactLink::Offer(_)).then(|| contact.anchor());
    let link = match link {
        ContactLink::Directory => view! {
            <a href=directory_link(&contact) class="contact-directory-link">
                "Im Netzwerkverzeichnis"
            </a>
        }
        .into_any(),
        ContactLink::Offer(Some((id, name))) => view! {
            <p class="contact-offer">
                "Ansprechperson für: " <a href=format!("/angebot/{id}")>{name}</a>
            </p>
        }
        .into_any(),
        ContactLink::Offer(None) => ().into_any(),
    };
    view! {
        <li class="contact" id=anchor>
            <p class="contact-who">
                <strong class="contact-name">{contact.name.clone()}</strong>
                {(!contact.role.is_empty())
                    .then(|| view! { <span class="contact-role">" – " {contact.role.clone()}</span> })}
            </p>
            <div class="contact-actions">
                {(!contact.phone.is_empty())
                    .then(|| {
                        view! {
                            <a href=contact.phone_uri() class="contact-action contact-call">
                                <span class="contact-action-label">"Anrufen"</span>
                                " "
                                <bdi dir="ltr">{contact.phone.clone()}</bdi>
                            </a>
                        }
                    })}
                {(!contact.email.is_empty())
                    .then(|| {
                        view! {
                            <a href=format!("mailto:{}", contact.email) class="contact-action contact-mail">
                                <span class="contact-action-label">"E-Mail"</span>
                                " "
                                <bdi dir="ltr">{contact.email.clone()}</bdi>
                            </a>
                        }
                    })}
                <a href=format!("/netzwerk/kontakt/{}/vcard", contact.id) class="contact-action vcard-link">
                    "Kontakt speichern (vCard)"
                </a>
            </div>
            {link}
        </li>
    }
}

/// The contact persons of an offer, for the top of its detail: right below name and
/// organisation. `nested` when the offer's name is an `h2` (the map's panel).
#[component]
pub fn MemberContactsView(
    contacts: Vec<Contact>,
    /// The address of a protected place members may see (Schutzadresse).
    #[prop(default = None)]
    protected_address: Option<ContactAddress>,
    #[prop(optional)] nested: bool,
) -> impl IntoView {
    let heading = view! {
        "Ansprechpersonen " <span class="member-badge">"nur für Netzwerkmitglieder"</span>
    };
    let heading = if nested {
        view! { <h3 id="member-contacts-heading">{heading}</h3> }.into_any()
    } else {
        view! { <h2 id="member-contacts-heading">{heading}</h2> }.into_any()
    };
    view! {
        <section class="member-contacts" aria-labelledby="member-contacts-heading" lang="de" dir="ltr">
            {heading}
            {protected_address
                .map(|address| {
                    view! {
                        <p class="protected-address">
                            <strong>"Geschützte Adresse (nicht öffentlich): "</strong>
                            {address.street} ", " {address.postcode} " " {address.town}
                        </p>
                    }
                })}
            {if contacts.is_empty() {
                view! { <p>"Keine Ansprechpersonen hinterlegt."</p> }.into_any()
            } else {
                view! {
                    <ul class="contacts">
                        {contacts
                            .into_iter()
                            .map(|contact| view! { <ContactView contact link=ContactLink::Directory /> })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

/// The rest of the member-only information of an offer: working group and internal note (the
/// contacts stand at the top, [`MemberContactsView`]).
#[component]
pub fn MemberInfoView(info: MemberOfferInfo) -> impl IntoView {
    view! {
        <section class="member-only" aria-labelledby="member-only-heading" lang="de" dir="ltr">
            <h2 id="member-only-heading">"Nur für Netzwerkmitglieder"</h2>
            <p>
                "Arbeitsgruppe: "
                {info.working_group.map_or("keine Angabe", |group| group.label())}
            </p>
            {(!info.internal_note.is_empty())
                .then(|| {
                    view! {
                        <h3>"Interne Notiz"</h3>
                        <p class="internal-note">{info.internal_note.clone()}</p>
                    }
                })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact() -> Contact {
        Contact {
            id: 12,
            name: "Anna von Berg".to_string(),
            role: "Leitung".to_string(),
            phone: "+49 2541 18-0".to_string(),
            email: "anna@beispiel.invalid".to_string(),
            organization: "Familienzentrum".to_string(),
            offer_id: Some(3),
            address: Some(ContactAddress {
                street: "Markt 1".to_string(),
                postcode: "48653".to_string(),
                town: "Coesfeld".to_string(),
            }),
        }
    }

    fn html(link: ContactLink) -> String {
        Owner::new()
            .with(|| view! { <ContactView contact=contact() link /> }.to_html())
            .replace("<!>", "")
    }

    #[test]
    fn an_offers_contact_links_to_the_directory_with_one_button_per_action() {
        let html = html(ContactLink::Directory);
        assert!(
            html.contains(r#"href="/netzwerk?q=Anna+von+Berg#kontakt-12""#),
            "{html}"
        );
        assert!(!html.contains(r#"id="kontakt-12""#), "{html}");
        assert!(html.contains(r#"href="tel:+492541180""#), "{html}");
        assert!(
            html.contains(r#"<bdi dir="ltr">+49 2541 18-0</bdi>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<bdi dir="ltr">anna@beispiel.invalid</bdi>"#),
            "{html}"
        );
        assert_eq!(html.matches("class=\"contact-action ").count(), 3, "{html}");
    }

    #[test]
    fn a_directory_contact_is_a_link_target_and_links_back_to_its_offer() {
        let html = html(ContactLink::Offer(Some((3, "Babytreff".to_string()))));
        assert!(html.contains(r#"id="kontakt-12""#), "{html}");
        assert!(
            html.contains(r#"<a href="/angebot/3">Babytreff</a>"#),
            "{html}"
        );
        assert!(!html.contains("/netzwerk?q="), "{html}");
    }
}
