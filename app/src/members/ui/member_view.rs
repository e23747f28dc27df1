//! The member-only part of an offer (contact persons, internal note, working group), rendered
//! on the server for signed-in members only.

use leptos::prelude::*;

use crate::members::directory::{Contact, MemberOfferInfo};

/// A contact person with direct line, e-mail and vCard download.
#[component]
pub fn ContactView(contact: Contact) -> impl IntoView {
    let phone_uri = format!(
        "tel:{}",
        contact
            .phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect::<String>()
    );
    view! {
        <li class="contact">
            <strong class="contact-name">{contact.name.clone()}</strong>
            {(!contact.role.is_empty()).then(|| view! { <span class="contact-role">" – " {contact.role.clone()}</span> })}
            <br />
            {(!contact.phone.is_empty())
                .then(|| view! { <a href=phone_uri class="phone-link" dir="ltr">{contact.phone.clone()}</a> " " })}
            {(!contact.email.is_empty())
                .then(|| {
                    view! { <a href=format!("mailto:{}", contact.email) dir="ltr">{contact.email.clone()}</a> " " }
                })}
            <a href=format!("/netzwerk/kontakt/{}/vcard", contact.id) class="vcard-link">
                "Kontakt speichern (vCard)"
            </a>
        </li>
    }
}

/// The member-only section of an offer; German (the members' tools are), also inside a page
/// in another language or direction.
#[component]
pub fn MemberInfoView(info: MemberOfferInfo) -> impl IntoView {
    view! {
        <section class="member-only" aria-labelledby="member-only-heading" lang="de" dir="ltr">
            <h2 id="member-only-heading">"Nur für Netzwerkmitglieder"</h2>
            <p>
                "Arbeitsgruppe: "
                {info.working_group.map_or("keine Angabe", |group| group.label())}
            </p>
            {if info.contacts.is_empty() {
                view! { <p>"Keine Ansprechpersonen hinterlegt."</p> }.into_any()
            } else {
                view! {
                    <h3>"Ansprechpersonen"</h3>
                    <ul class="contacts">
                        {info.contacts.into_iter().map(|contact| view! { <ContactView contact /> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
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

/// The member-only section of offer `id` if the viewer is a member; nothing otherwise.
#[component]
pub fn MemberSection(id: i64) -> impl IntoView {
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let info = crate::members::service::member_offer_info(id).await.ok().flatten()?;
                Some(view! { <MemberInfoView info /> })
            })}
        </Suspense>
    }
}
