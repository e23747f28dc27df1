//! The fixed vocabularies of an offer (topics, life phases, languages, cost, delivery) with
//! their URL/database codes and German labels, and compact bit sets for sending them.

use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary: every variant has a stable code (URL and database) and a
/// German label (UI). Codes never change once published, labels may.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Parses a code; `None` for anything not in the vocabulary.
            pub fn parse(code: &str) -> Option<Self> {
                match code.trim() { $($code => Some($name::$variant),)+ _ => None }
            }

            /// Position in `ALL`, used as the bit in a set.
            pub fn bit(self) -> u32 {
                1 << (self as u32)
            }
        }
    };
}

vocabulary! {
    /// The topics (Themen) a family searches by.
    Topic {
        EarlyHelp = "fruehe-hilfen", "Frühe Hilfen";
        Childcare = "kita-betreuung", "Kita & Betreuung";
        FamilyEducation = "familienbildung", "Familienbildung";
        Counselling = "beratung", "Beratung";
        Health = "gesundheit", "Gesundheit";
        School = "bildung-schule", "Bildung & Schule";
        LanguageIntegration = "sprache-integration", "Sprache & Integration";
        TrainingWork = "ausbildung-beruf", "Ausbildung & Beruf";
        LeisureSport = "freizeit-sport", "Freizeit & Sport";
        FinancialHelp = "finanzielle-hilfen", "Finanzielle Hilfen";
        DisabilityInclusion = "behinderung-inklusion", "Behinderung & Inklusion";
    }
}

vocabulary! {
    /// Life phases: pregnancy, the child's age bands up to 27, and parents themselves.
    LifePhase {
        Pregnancy = "schwangerschaft", "Schwangerschaft";
        Age0To3 = "0-3", "0–3 Jahre";
        Age3To6 = "3-6", "3–6 Jahre";
        Age6To10 = "6-10", "6–10 Jahre";
        Age10To14 = "10-14", "10–14 Jahre";
        Age14To18 = "14-18", "14–18 Jahre";
        Age18To21 = "18-21", "18–21 Jahre";
        Age21To27 = "21-27", "21–27 Jahre";
        Parents = "eltern", "Eltern";
    }
}

vocabulary! {
    /// Languages an offer is available in (ISO 639-1 codes).
    Language {
        German = "de", "Deutsch";
        English = "en", "Englisch";
        Turkish = "tr", "Türkisch";
        Arabic = "ar", "Arabisch";
        Russian = "ru", "Russisch";
        Ukrainian = "uk", "Ukrainisch";
        Polish = "pl", "Polnisch";
        Romanian = "ro", "Rumänisch";
        Persian = "fa", "Persisch (Farsi)";
        Kurdish = "ku", "Kurdisch";
        Tigrinya = "ti", "Tigrinya";
        French = "fr", "Französisch";
        SignLanguage = "dgs", "Deutsche Gebärdensprache";
    }
}

vocabulary! {
    /// What an offer costs a family.
    Cost {
        Free = "kostenlos", "kostenlos";
        Reduced = "ermaessigt", "ermäßigt / einkommensabhängig";
        Paid = "kostenpflichtig", "kostenpflichtig";
    }
}

vocabulary! {
    /// Whether an offer's place may be shown (Schutzadresse): a women's shelter, a protected
    /// flat or a sensitive counselling place keeps its street, postcode and coordinates on the
    /// server. The public sees the town (a marker at its centre, or none) and "Adresse auf
    /// Anfrage"; members, or only the editors, see the address.
    AddressProtection {
        Public = "nein", "nein – Adresse öffentlich";
        TownForMembers = "ort", "ja – Marker am Ortsmittelpunkt, Adresse nur für Mitglieder";
        OffMapForMembers = "ohne-karte", "ja – nicht auf der Karte, Adresse nur für Mitglieder";
        TownForEditors = "ort-redaktion", "ja – Marker am Ortsmittelpunkt, Adresse nur für die Redaktion";
        OffMapForEditors = "ohne-karte-redaktion", "ja – nicht auf der Karte, Adresse nur für die Redaktion";
    }
}

impl AddressProtection {
    /// Whether the public sees only the town.
    pub fn is_protected(self) -> bool {
        self != AddressProtection::Public
    }

    /// Whether the public map shows a marker (at the town centre when protected).
    pub fn on_map(self) -> bool {
        !matches!(
            self,
            AddressProtection::OffMapForMembers | AddressProtection::OffMapForEditors
        )
    }

    /// Whether network members (not only editors) see the address.
    pub fn members_see_address(self) -> bool {
        matches!(
            self,
            AddressProtection::Public
                | AddressProtection::TownForMembers
                | AddressProtection::OffMapForMembers
        )
    }
}

vocabulary! {
    /// How an offer reaches the family.
    Delivery {
        OnSite = "vor-ort", "vor Ort";
        Outreach = "aufsuchend", "aufsuchend (kommt zu Ihnen)";
        Online = "online", "online";
        Phone = "telefonisch", "telefonisch";
    }
}

impl LifePhase {
    /// The youngest and oldest age (full years) of an age band; `None` for pregnancy and
    /// parents, which are not a child's age.
    pub fn age_range(self) -> Option<(u8, u8)> {
        (0..=26)
            .filter(|&age| LifePhase::for_age(age) == Some(self))
            .fold(None, |range, age| match range {
                None => Some((age, age)),
                Some((youngest, _)) => Some((youngest, age)),
            })
    }

    /// The age band a child of `age` full years belongs to; `None` above 26.
    pub fn for_age(age: u8) -> Option<Self> {
        Some(match age {
            0..=2 => LifePhase::Age0To3,
            3..=5 => LifePhase::Age3To6,
            6..=9 => LifePhase::Age6To10,
            10..=13 => LifePhase::Age10To14,
            14..=17 => LifePhase::Age14To18,
            18..=20 => LifePhase::Age18To21,
            21..=26 => LifePhase::Age21To27,
            _ => return None,
        })
    }
}

/// Declares a set of vocabulary values stored as bits, serialised as one number: the offers
/// payload carries hundreds of these, and a number is far smaller than a list of codes.
macro_rules! bit_set {
    ($(#[$meta:meta])* $set:ident of $item:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $set(pub u32);

        impl crate::shared::json_read::ReadJson for $set {
            fn read_json<S: crate::shared::json_read::JsonSource>(
                source: &S,
            ) -> Result<Self, String> {
                u32::read_json(source).map($set)
            }
        }

        impl $set {
            pub fn insert(&mut self, item: $item) {
                self.0 |= item.bit();
            }
            pub fn remove(&mut self, item: $item) {
                self.0 &= !item.bit();
            }
            pub fn contains(self, item: $item) -> bool {
                self.0 & item.bit() != 0
            }
            pub fn is_empty(self) -> bool {
                self.0 == 0
            }
            pub fn intersects(self, other: $set) -> bool {
                self.0 & other.0 != 0
            }
            pub fn iter(self) -> impl Iterator<Item = $item> {
                $item::ALL.iter().copied().filter(move |item| self.contains(*item))
            }
        }

        impl FromIterator<$item> for $set {
            fn from_iter<I: IntoIterator<Item = $item>>(items: I) -> Self {
                let mut set = $set::default();
                for item in items {
                    set.insert(item);
                }
                set
            }
        }
    };
}

bit_set!(/// A set of topics.
    TopicSet of Topic);
bit_set!(/// A set of life phases.
    PhaseSet of LifePhase);
bit_set!(/// A set of languages.
    LanguageSet of Language);
bit_set!(/// A set of delivery ways.
    DeliverySet of Delivery);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        for topic in Topic::ALL {
            assert_eq!(Topic::parse(topic.code()), Some(*topic));
        }
        let mut codes: Vec<_> = LifePhase::ALL.iter().map(|p| p.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), LifePhase::ALL.len());
        assert_eq!(Language::parse("tr"), Some(Language::Turkish));
        assert_eq!(Language::parse("xx"), None);
    }

    #[test]
    fn age_maps_to_its_band() {
        assert_eq!(LifePhase::for_age(0), Some(LifePhase::Age0To3));
        assert_eq!(LifePhase::for_age(3), Some(LifePhase::Age3To6));
        assert_eq!(LifePhase::for_age(17), Some(LifePhase::Age14To18));
        assert_eq!(LifePhase::for_age(26), Some(LifePhase::Age21To27));
        assert_eq!(LifePhase::for_age(27), None);
        assert_eq!(LifePhase::Age0To3.age_range(), Some((0, 2)));
        assert_eq!(LifePhase::Age21To27.age_range(), Some((21, 26)));
        assert_eq!(LifePhase::Parents.age_range(), None);
    }

    #[test]
    fn sets_hold_what_was_inserted() {
        let set: TopicSet = [Topic::Health, Topic::School].into_iter().collect();
        assert!(set.contains(Topic::Health));
        assert!(!set.contains(Topic::Childcare));
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            vec![Topic::Health, Topic::School]
        );
        assert_eq!(serde_json::to_string(&set).unwrap(), set.0.to_string());
        assert!(set.intersects([Topic::School].into_iter().collect()));
    }
}
