//! The member directory: institutions with their contact persons and offers, the network's
//! working groups, searching the directory, and contact cards (vCard). Everything here is
//! member-only data; only code that has checked the member role hands it out.

use serde::{Deserialize, Serialize};

use crate::offers::taxonomy::{Topic, TopicSet};
use crate::shared::text::normalize;

/// The network's working groups, by the age of the young people they work for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WorkingGroup {
    Early,
    School,
    Young,
}

impl WorkingGroup {
    pub const ALL: [WorkingGroup; 3] = [
        WorkingGroup::Early,
        WorkingGroup::School,
        WorkingGroup::Young,
    ];

    pub fn code(self) -> &'static str {
        match self {
            WorkingGroup::Early => "ag-0-6",
            WorkingGroup::School => "ag-6-18",
            WorkingGroup::Young => "ag-18-27",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            WorkingGroup::Early => "AG 0–6",
            WorkingGroup::School => "AG 6–18",
            WorkingGroup::Young => "AG 18–27",
        }
    }

    /// Accepts the code or the label as stored ("AG 0–6", also with a plain hyphen).
    pub fn parse(text: &str) -> Option<WorkingGroup> {
        let text = text.trim().replace('–', "-");
        WorkingGroup::ALL
            .into_iter()
            .find(|group| group.code() == text || group.label().replace('–', "-") == text)
    }
}

/// A contact person at an institution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: i64,
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
    pub organization: String,
    /// The offer this person is the contact for (`None`: the whole institution).
    pub offer_id: Option<i64>,
    /// Where to find the person: the offer's place, else the institution's first place.
    pub address: Option<ContactAddress>,
}

/// A contact person's postal address (German: postcode before town).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactAddress {
    pub street: String,
    pub postcode: String,
    pub town: String,
}

impl Contact {
    /// The id of the contact's element in the directory.
    pub fn anchor(&self) -> String {
        format!("kontakt-{}", self.id)
    }

    /// The `tel:` link of the direct line: digits and a leading plus only.
    pub fn phone_uri(&self) -> String {
        let digits: String = self
            .phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        format!("tel:{digits}")
    }
}

/// What members see in addition about one offer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberOfferInfo {
    pub working_group: Option<WorkingGroup>,
    pub contacts: Vec<Contact>,
    pub internal_note: String,
    /// The address of an offer whose place is kept from the public (Schutzadresse) and which
    /// members may see; `None` for public addresses and for those only editors see.
    #[serde(default)]
    pub protected_address: Option<ContactAddress>,
}

/// An offer as the directory lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryOffer {
    pub id: i64,
    pub name: String,
    /// Official key (AGS) and name of the municipality.
    pub municipality: String,
    pub municipality_name: String,
    pub topics: TopicSet,
}

/// One institution of the network.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryEntry {
    pub organization_id: i64,
    pub name: String,
    pub website: String,
    pub working_group: Option<WorkingGroup>,
    pub contacts: Vec<Contact>,
    pub offers: Vec<DirectoryOffer>,
}

/// The directory search form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DirectoryQuery {
    pub text: String,
    pub topic: Option<Topic>,
    /// Official key (AGS) of a municipality.
    pub municipality: Option<String>,
    pub working_group: Option<WorkingGroup>,
}

impl DirectoryQuery {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.topic.is_none()
            && self.municipality.is_none()
            && self.working_group.is_none()
    }
}

impl DirectoryEntry {
    fn search_text(&self) -> String {
        let mut text = normalize(&self.name);
        for contact in &self.contacts {
            for part in [&contact.name, &contact.role, &contact.email] {
                text.push(' ');
                text.push_str(&normalize(part));
            }
        }
        for offer in &self.offers {
            text.push(' ');
            text.push_str(&normalize(&offer.name));
            text.push(' ');
            text.push_str(&normalize(&offer.municipality_name));
        }
        text
    }
}

/// The entries that match every part of `query`; text matches when every word is found in the
/// institution's name, its contacts or its offers.
pub fn search_directory<'a>(
    entries: &'a [DirectoryEntry],
    query: &DirectoryQuery,
) -> Vec<&'a DirectoryEntry> {
    let words: Vec<String> = normalize(&query.text)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    entries
        .iter()
        .filter(|entry| query.working_group.is_none() || entry.working_group == query.working_group)
        .filter(|entry| {
            query.topic.is_none_or(|topic| {
                entry
                    .offers
                    .iter()
                    .any(|offer| offer.topics.contains(topic))
            })
        })
        .filter(|entry| {
            query
                .municipality
                .as_deref()
                .is_none_or(|ags| entry.offers.iter().any(|offer| offer.municipality == ags))
        })
        .filter(|entry| {
            if words.is_empty() {
                return true;
            }
            let text = entry.search_text();
            words.iter().all(|word| text.contains(word.as_str()))
        })
        .collect()
}

/// Escapes a vCard text value (RFC 2426, 5: backslash, comma, semicolon and line breaks);
/// other control characters are dropped, since no address book shows them.
fn vcard_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A structured value (N, ADR): its components escaped and joined by semicolons.
fn vcard_components(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|part| vcard_text(part))
        .collect::<Vec<_>>()
        .join(";")
}

/// Surname particles that belong to the family name ("Anna von Berg": family name "von Berg").
const NAME_PARTICLES: [&str; 9] = ["von", "van", "de", "der", "den", "zu", "zum", "vom", "ter"];

/// A full name split into family and given names, for the N property: the last word is the
/// family name, with the particles before it.
fn family_and_given(name: &str) -> (String, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((&last, rest)) = words.split_last() else {
        return (String::new(), String::new());
    };
    let mut split = rest.len();
    while split > 1 && NAME_PARTICLES.contains(&rest[split - 1].to_lowercase().as_str()) {
        split -= 1;
    }
    let mut family: Vec<&str> = rest[split..].to_vec();
    family.push(last);
    (family.join(" "), rest[..split].join(" "))
}

/// Folds a content line at 75 octets (RFC 2426, 2.6): a continuation starts with a space. An
/// escape sequence and a multi-byte character stay on one line, because some address books
/// unescape before they unfold.
fn fold(line: &str) -> String {
    const MAX: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / MAX * 3);
    let mut width = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        let mut unit = String::from(c);
        if c == '\\' {
            unit.extend(chars.next());
        }
        if width + unit.len() > MAX {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push_str(&unit);
        width += unit.len();
    }
    out
}

/// A vCard 3.0 of a contact person (RFC 2426): N, FN, ORG, TITLE, TEL, EMAIL and ADR, with
/// CRLF line ends and long lines folded. 3.0 rather than 4.0 because older Outlook versions
/// import only 3.0 with its name and address fields.
pub fn vcard(contact: &Contact) -> String {
    let (family, given) = family_and_given(&contact.name);
    let mut lines = vec![
        "BEGIN:VCARD".to_string(),
        "VERSION:3.0".to_string(),
        format!("N:{}", vcard_components(&[&family, &given, "", "", ""])),
        format!("FN:{}", vcard_text(&contact.name)),
    ];
    if !contact.organization.trim().is_empty() {
        lines.push(format!("ORG:{}", vcard_text(&contact.organization)));
    }
    if !contact.role.trim().is_empty() {
        lines.push(format!("TITLE:{}", vcard_text(&contact.role)));
    }
    if !contact.phone.trim().is_empty() {
        lines.push(format!(
            "TEL;TYPE=WORK,VOICE:{}",
            vcard_text(&contact.phone)
        ));
    }
    if !contact.email.trim().is_empty() {
        lines.push(format!(
            "EMAIL;TYPE=INTERNET,WORK:{}",
            vcard_text(&contact.email)
        ));
    }
    if let Some(address) = &contact.address {
        // Post office box; extended address; street; town; region; postcode; country.
        lines.push(format!(
            "ADR;TYPE=WORK:{}",
            vcard_components(&[
                "",
                "",
                &address.street,
                &address.town,
                "",
                &address.postcode,
                "Deutschland",
            ])
        ));
    }
    lines.push("END:VCARD".to_string());
    let mut card = String::new();
    for line in lines {
        card.push_str(&fold(&line));
        card.push_str("\r\n");
    }
    card
}

/// A file name for a contact's vCard: letters, digits and hyphens only.
pub fn vcard_file_name(contact: &Contact) -> String {
    let base: String = normalize(&contact.name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let base = base.trim_matches('-');
    if base.is_empty() {
        format!("kontakt-{}.vcf", contact.id)
    } else {
        format!("{base}.vcf")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(name: &str) -> Contact {
        Contact {
            id: 7,
            name: name.to_string(),
            role: "Beratung; Leitung".to_string(),
            phone: "02541 18-0".to_string(),
            email: "anna@example.org".to_string(),
            organization: "Familienzentrum Süd, Coesfeld".to_string(),
            offer_id: Some(1),
            address: Some(ContactAddress {
                street: "Marktstraße 1".to_string(),
                postcode: "48653".to_string(),
                town: "Coesfeld".to_string(),
            }),
        }
    }

    fn entry(
        name: &str,
        group: WorkingGroup,
        topic: Topic,
        ags: &str,
        town: &str,
        person: &str,
    ) -> DirectoryEntry {
        DirectoryEntry {
            organization_id: 1,
            name: name.to_string(),
            website: String::new(),
            working_group: Some(group),
            contacts: vec![contact(person)],
            offers: vec![DirectoryOffer {
                id: 1,
                name: format!("Angebot von {name}"),
                municipality: ags.to_string(),
                municipality_name: town.to_string(),
                topics: [topic].into_iter().collect(),
            }],
        }
    }

    fn sample() -> Vec<DirectoryEntry> {
        vec![
            entry(
                "Familienzentrum Süd",
                WorkingGroup::Early,
                Topic::Counselling,
                "05558012",
                "Coesfeld",
                "Anna Müller",
            ),
            entry(
                "Jugendtreff Nord",
                WorkingGroup::School,
                Topic::LeisureSport,
                "05558016",
                "Dülmen",
                "Jörg Weiß",
            ),
        ]
    }

    #[test]
    fn working_groups_parse_codes_and_labels() {
        for group in WorkingGroup::ALL {
            assert_eq!(WorkingGroup::parse(group.code()), Some(group));
            assert_eq!(WorkingGroup::parse(group.label()), Some(group));
        }
        assert_eq!(WorkingGroup::parse("AG 6-18"), Some(WorkingGroup::School));
        assert_eq!(WorkingGroup::parse("AG 99"), None);
    }

    #[test]
    fn finds_contacts_by_name_without_umlauts() {
        let entries = sample();
        let query = DirectoryQuery {
            text: "joerg weiss".to_string(),
            ..Default::default()
        };
        let found = search_directory(&entries, &query);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "Jugendtreff Nord");
    }

    #[test]
    fn filters_by_topic_town_and_working_group() {
        let entries = sample();
        let by_topic = DirectoryQuery {
            topic: Some(Topic::Counselling),
            ..Default::default()
        };
        assert_eq!(
            search_directory(&entries, &by_topic)[0].name,
            "Familienzentrum Süd"
        );
        let by_town = DirectoryQuery {
            municipality: Some("05558016".to_string()),
            ..Default::default()
        };
        assert_eq!(
            search_directory(&entries, &by_town)[0].name,
            "Jugendtreff Nord"
        );
        let by_group = DirectoryQuery {
            working_group: Some(WorkingGroup::Young),
            ..Default::default()
        };
        assert!(search_directory(&entries, &by_group).is_empty());
        assert_eq!(
            search_directory(&entries, &DirectoryQuery::default()).len(),
            2
        );
    }

    #[test]
    fn vcards_are_version_3_with_escapes_and_crlf() {
        let card = vcard(&contact("Anna Müller"));
        assert!(
            card.starts_with(
                "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller;Anna;;;\r\nFN:Anna Müller\r\n"
            ),
            "{card}"
        );
        assert!(card.contains("ORG:Familienzentrum Süd\\, Coesfeld\r\n"));
        assert!(card.contains("TITLE:Beratung\\; Leitung\r\n"));
        assert!(card.contains("TEL;TYPE=WORK,VOICE:02541 18-0\r\n"));
        assert!(card.contains("EMAIL;TYPE=INTERNET,WORK:anna@example.org\r\n"));
        assert!(card.contains("ADR;TYPE=WORK:;;Marktstraße 1;Coesfeld;;48653;Deutschland\r\n"));
        assert!(card.ends_with("END:VCARD\r\n"));
        assert_eq!(card.matches('\n').count(), card.matches("\r\n").count());
        assert_eq!(vcard_file_name(&contact("Anna Müller")), "anna-muller.vcf");
    }

    #[test]
    fn backslashes_and_line_breaks_are_escaped_and_controls_dropped() {
        assert_eq!(vcard_text("a\\b\r\nc\nd\u{7}e"), "a\\\\b\\nc\\nde");
        assert_eq!(vcard_components(&["a;b", "c,d"]), "a\\;b;c\\,d");
    }

    #[test]
    fn family_names_keep_their_particles() {
        assert_eq!(
            family_and_given("Anna von Berg"),
            ("von Berg".to_string(), "Anna".to_string())
        );
        assert_eq!(
            family_and_given("Jan Peter Ter Horst"),
            ("Ter Horst".to_string(), "Jan Peter".to_string())
        );
        assert_eq!(
            family_and_given("Cher"),
            ("Cher".to_string(), String::new())
        );
        assert_eq!(family_and_given("  "), (String::new(), String::new()));
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_cutting_characters_or_escapes() {
        let mut long = contact("Anna Müller");
        long.organization = "Ökumenische Beratungsstelle für Ehe-, Familien- und Lebensfragen, \
                             Außenstelle Dülmen; Träger: Caritas"
            .to_string();
        let card = vcard(&long);
        for line in card.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} has {} octets", line.len());
            assert!(!line.ends_with('\\'), "an escape is cut: {line:?}");
        }
        let unfolded = card.replace("\r\n ", "");
        assert!(
            unfolded.contains(
                "ORG:Ökumenische Beratungsstelle für Ehe-\\, Familien- und Lebensfragen\\, \
                 Außenstelle Dülmen\\; Träger: Caritas\r\n"
            ),
            "{card}"
        );
        assert!(card.contains("\r\n "), "the line was folded: {card}");
    }
}
