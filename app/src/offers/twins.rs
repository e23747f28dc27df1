//! Likely twins: an offer about to be listed (a listing request, an import row, an editor's new
//! offer) that may already be in the directory, because an offer of the same organisation or at
//! the same address has a similar name. Editors see the twins before anything is published.
//!
//! Names are compared in the search's folded form (`shared::text::normalize`: case, umlauts,
//! punctuation) by Jaro–Winkler similarity from `strsim`, or by one name's words all standing in
//! the other's ("Elterncafé" and "Offenes Elterncafé am Markt"). A false alarm costs an editor a
//! glance; a twin missed is published twice, so the check leans towards flagging.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::shared::text::normalize;

/// How alike two folded names must be (Jaro–Winkler, 0 to 1) to count as the same offer.
/// Chosen on the demo data's names: variants of one name ("Elterncafe am Markt" /
/// "Elterncafé Markt", a typo) score above 0.9, different offers of one organisation
/// ("Elterncafé" / "Elternberatung") below.
const SIMILAR_NAMES: f64 = 0.92;

/// The fields an offer is recognised by: its name, its organisation and its address.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferIdentity {
    pub name: String,
    pub organization: String,
    pub street: String,
    pub postcode: String,
}

/// An offer already stored (public or not), as the twin check compares it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownOffer {
    pub id: i64,
    /// The id an import file knows it by, if it came from one.
    pub external_id: Option<String>,
    pub identity: OfferIdentity,
    /// Whether it is public now (active); archived ones and drafts count as twins too.
    pub active: bool,
}

/// Why an offer counts as a likely twin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TwinReason {
    SameOrganization,
    SameAddress,
}

impl TwinReason {
    /// The reason in the editors' words.
    pub fn text(self) -> &'static str {
        match self {
            TwinReason::SameOrganization => "gleicher Träger, ähnlicher Name",
            TwinReason::SameAddress => "gleiche Adresse, ähnlicher Name",
        }
    }
}

/// A stored offer that may be the same as the one being listed. Editors only: it names no
/// address, but it may be an archived or not yet public offer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LikelyTwin {
    pub id: i64,
    pub name: String,
    pub organization: String,
    pub active: bool,
    pub reason: TwinReason,
}

/// The stored offers (other than `except`) that `candidate` likely duplicates, most alike
/// first. An empty name finds nothing. For many candidates, build a [`TwinIndex`] once.
pub fn likely_twins(
    candidate: &OfferIdentity,
    known: &[KnownOffer],
    except: Option<i64>,
) -> Vec<LikelyTwin> {
    TwinIndex::new(known).twins(candidate, except)
}

/// The stored offers by folded organisation and by address, so that each candidate is
/// compared only with the offers that share one of them (an import of thousands of lines
/// against thousands of offers).
pub struct TwinIndex<'a> {
    known: &'a [KnownOffer],
    /// Folded names, by position in `known`.
    names: Vec<String>,
    by_organization: HashMap<String, Vec<usize>>,
    by_address: HashMap<(String, String), Vec<usize>>,
}

impl<'a> TwinIndex<'a> {
    pub fn new(known: &'a [KnownOffer]) -> Self {
        let mut by_organization: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_address: HashMap<(String, String), Vec<usize>> = HashMap::new();
        for (position, offer) in known.iter().enumerate() {
            let organization = normalize(&offer.identity.organization);
            if !organization.is_empty() {
                by_organization
                    .entry(organization)
                    .or_default()
                    .push(position);
            }
            if let Some(address) = address_key(&offer.identity) {
                by_address.entry(address).or_default().push(position);
            }
        }
        let names = known
            .iter()
            .map(|offer| normalize(&offer.identity.name))
            .collect();
        TwinIndex {
            known,
            names,
            by_organization,
            by_address,
        }
    }

    /// The stored offers (other than `except`) that `candidate` likely duplicates, most alike
    /// first. An empty name finds nothing.
    pub fn twins(&self, candidate: &OfferIdentity, except: Option<i64>) -> Vec<LikelyTwin> {
        let name = normalize(&candidate.name);
        if name.is_empty() {
            return Vec::new();
        }
        let same_organization = self
            .by_organization
            .get(&normalize(&candidate.organization))
            .into_iter()
            .flatten()
            .map(|&position| (position, TwinReason::SameOrganization));
        let same_address = address_key(candidate)
            .and_then(|address| self.by_address.get(&address))
            .into_iter()
            .flatten()
            .map(|&position| (position, TwinReason::SameAddress));
        let mut seen = std::collections::HashSet::new();
        let mut twins: Vec<(f64, LikelyTwin)> = Vec::new();
        for (position, reason) in same_organization.chain(same_address) {
            let offer = &self.known[position];
            // An offer of the same organisation at the same address comes twice.
            if Some(offer.id) == except || !seen.insert(position) {
                continue;
            }
            if let Some(likeness) = name_likeness(&name, &self.names[position]) {
                let twin = LikelyTwin {
                    id: offer.id,
                    name: offer.identity.name.clone(),
                    organization: offer.identity.organization.clone(),
                    active: offer.active,
                    reason,
                };
                twins.push((likeness, twin));
            }
        }
        twins.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
        twins.into_iter().map(|(_, twin)| twin).collect()
    }
}

/// The stored offers that stored offer `id` likely duplicates (none if `id` is unknown).
pub fn twins_of_stored(id: i64, known: &[KnownOffer]) -> Vec<LikelyTwin> {
    known
        .iter()
        .find(|offer| offer.id == id)
        .map(|offer| likely_twins(&offer.identity, known, Some(id)))
        .unwrap_or_default()
}

/// The street (folded) and postcode, if both are given: two offers at one address.
fn address_key(identity: &OfferIdentity) -> Option<(String, String)> {
    let street = normalize(&identity.street);
    let postcode = identity.postcode.trim();
    (!street.is_empty() && !postcode.is_empty()).then(|| (street, postcode.to_string()))
}

/// How alike two folded names are, if alike enough to be one offer: their Jaro–Winkler
/// similarity, or 0.9 when one's words all stand in the other.
fn name_likeness(a: &str, b: &str) -> Option<f64> {
    if a == b {
        return Some(1.0);
    }
    let similarity = strsim::jaro_winkler(a, b);
    if similarity >= SIMILAR_NAMES {
        return Some(similarity);
    }
    let words = |text: &str| text.split(' ').map(str::to_string).collect::<Vec<_>>();
    let (a_words, b_words) = (words(a), words(b));
    let (shorter, longer) = if a_words.len() <= b_words.len() {
        (a_words, b_words)
    } else {
        (b_words, a_words)
    };
    shorter
        .iter()
        .all(|word| longer.contains(word))
        .then_some(0.9)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(id: i64, name: &str, organization: &str, street: &str, postcode: &str) -> KnownOffer {
        KnownOffer {
            id,
            external_id: None,
            identity: OfferIdentity {
                name: name.into(),
                organization: organization.into(),
                street: street.into(),
                postcode: postcode.into(),
            },
            active: true,
        }
    }

    fn directory() -> Vec<KnownOffer> {
        vec![
            known(
                1,
                "Elterncafé am Markt",
                "Familienzentrum Regenbogen",
                "Markt 3",
                "48653",
            ),
            known(
                2,
                "Elternberatung",
                "Familienzentrum Regenbogen",
                "Markt 3",
                "48653",
            ),
            known(
                3,
                "Hebammensprechstunde",
                "Gesundheitsamt",
                "Schützenwall 18",
                "48653",
            ),
            known(
                4,
                "Offene Krabbelgruppe",
                "Ev. Kirchengemeinde",
                "Kirchplatz 1",
                "48249",
            ),
        ]
    }

    fn candidate(name: &str, organization: &str, street: &str, postcode: &str) -> OfferIdentity {
        OfferIdentity {
            name: name.into(),
            organization: organization.into(),
            street: street.into(),
            postcode: postcode.into(),
        }
    }

    fn ids(twins: &[LikelyTwin]) -> Vec<i64> {
        twins.iter().map(|twin| twin.id).collect()
    }

    #[test]
    fn the_same_offer_spelt_otherwise_is_found_by_its_organisation() {
        for name in [
            "Elterncafe am Markt",
            "ELTERNCAFÉ AM MARKT",
            "Elterncafé am Markt!",
            "Elterncafé am Mark",
        ] {
            let twins = likely_twins(
                &candidate(name, "Familienzentrum  Regenbogen", "", ""),
                &directory(),
                None,
            );
            assert_eq!(ids(&twins), vec![1], "{name}");
            assert_eq!(twins[0].reason, TwinReason::SameOrganization);
        }
    }

    #[test]
    fn the_same_offer_under_another_organisation_is_found_by_its_address() {
        let twins = likely_twins(
            &candidate(
                "Hebammen-Sprechstunde",
                "Kreis Coesfeld",
                "Schützenwall 18",
                "48653",
            ),
            &directory(),
            None,
        );
        assert_eq!(ids(&twins), vec![3]);
        assert_eq!(twins[0].reason, TwinReason::SameAddress);
        // Words of one name all standing in the other also count.
        let twins = likely_twins(
            &candidate(
                "Krabbelgruppe Offene",
                "Familienbüro",
                "Kirchplatz 1",
                "48249",
            ),
            &directory(),
            None,
        );
        assert_eq!(ids(&twins), vec![4]);
        let twins = likely_twins(
            &candidate("Elterncafé", "Familienzentrum Regenbogen", "", ""),
            &directory(),
            None,
        );
        assert_eq!(ids(&twins), vec![1]);
    }

    #[test]
    fn other_offers_of_an_organisation_or_an_address_are_not_twins() {
        for name in [
            "Elternfrühstück",
            "Babymassage",
            "Beratung für Eltern",
            "Café am Rathaus",
        ] {
            let twins = likely_twins(
                &candidate(name, "Familienzentrum Regenbogen", "Markt 3", "48653"),
                &directory(),
                None,
            );
            assert_eq!(ids(&twins), Vec::<i64>::new(), "{name}");
        }
        // A similar name elsewhere under another organisation is another offer.
        let twins = likely_twins(
            &candidate(
                "Elterncafé am Markt",
                "Stadt Dülmen",
                "Marktstraße 1",
                "48249",
            ),
            &directory(),
            None,
        );
        assert!(twins.is_empty());
    }

    #[test]
    fn an_offer_is_not_its_own_twin_and_an_empty_name_finds_nothing() {
        let me = candidate(
            "Elterncafé am Markt",
            "Familienzentrum Regenbogen",
            "Markt 3",
            "48653",
        );
        assert!(likely_twins(&me, &directory(), Some(1)).is_empty());
        // An empty name; no street or no postcode (no address to compare).
        for (name, organization, postcode) in [
            (" ", "Familienzentrum Regenbogen", ""),
            ("Hebammensprechstunde", "", "48653"),
        ] {
            let nobody = candidate(name, organization, "", postcode);
            assert!(
                likely_twins(&nobody, &directory(), None).is_empty(),
                "{name}"
            );
        }
    }

    #[test]
    fn a_stored_offer_finds_its_twins_but_not_itself() {
        let mut offers = directory();
        offers.push(known(
            5,
            "Elterncafe am Markt",
            "Familienzentrum Regenbogen",
            "",
            "",
        ));
        assert_eq!(ids(&twins_of_stored(5, &offers)), vec![1]);
        assert_eq!(ids(&twins_of_stored(1, &offers)), vec![5]);
        assert!(twins_of_stored(3, &offers).is_empty());
        assert!(twins_of_stored(99, &offers).is_empty());
    }

    #[test]
    fn the_most_alike_come_first() {
        let mut offers = directory();
        offers.push(known(
            5,
            "Elterncafé am Markt (Sommer)",
            "Familienzentrum Regenbogen",
            "",
            "",
        ));
        let twins = likely_twins(
            &candidate("Elterncafé am Markt", "Familienzentrum Regenbogen", "", ""),
            &offers,
            None,
        );
        assert_eq!(ids(&twins), vec![1, 5]);
    }
}
