//! A member's subscription to news of new or changed offers: the choices (municipalities,
//! topics, life phases, daily or weekly) parsed from the form, when a digest is due, which
//! changed offers it lists, and its German text. Plain Rust, no I/O.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::offers::taxonomy::{LifePhase, Topic};

/// How often a digest goes out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Frequency {
    Daily,
    Weekly,
}

impl Frequency {
    pub const ALL: [Frequency; 2] = [Frequency::Daily, Frequency::Weekly];

    /// Stable code (form and database).
    pub fn code(self) -> &'static str {
        match self {
            Frequency::Daily => "taeglich",
            Frequency::Weekly => "woechentlich",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Frequency::Daily => "täglich",
            Frequency::Weekly => "wöchentlich",
        }
    }

    pub fn parse(code: &str) -> Option<Frequency> {
        Frequency::ALL
            .into_iter()
            .find(|frequency| frequency.code() == code.trim())
    }

    /// The time between two digests.
    pub fn period_secs(self) -> i64 {
        match self {
            Frequency::Daily => 24 * 60 * 60,
            Frequency::Weekly => 7 * 24 * 60 * 60,
        }
    }
}

/// What a member chose: an empty set of municipalities, topics or life phases means all of
/// them (a member of a district-wide service wants every town).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choices {
    /// Municipality keys (AGS) of the region.
    pub municipalities: BTreeSet<String>,
    pub topics: BTreeSet<Topic>,
    pub phases: BTreeSet<LifePhase>,
}

/// A subscription as the member's page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    pub id: i64,
    pub choices: Choices,
    pub frequency: Frequency,
    /// Unix seconds of the last digest round that covered it (the start when none has yet).
    pub last_sent_at: i64,
}

/// The subscription form as posted: every list as its codes.
#[derive(Clone, Debug, Default)]
pub struct SubscriptionForm {
    pub municipalities: Vec<String>,
    pub topics: Vec<String>,
    pub phases: Vec<String>,
    pub frequency: String,
}

/// The form's fields, as the page names them (and marks them when refused).
pub const FIELD_MUNICIPALITIES: &str = "orte";
pub const FIELD_TOPICS: &str = "themen";
pub const FIELD_PHASES: &str = "phasen";
pub const FIELD_FREQUENCY: &str = "haeufigkeit";

/// Each refused field and its German reason.
pub type FieldErrors = Vec<(&'static str, String)>;

impl SubscriptionForm {
    /// The choices and frequency, or what is wrong per field. `known_municipalities` are the
    /// region's keys; anything else (a made-up code) is refused, never silently dropped.
    pub fn parse(
        &self,
        known_municipalities: &[String],
    ) -> Result<(Choices, Frequency), FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut municipalities = BTreeSet::new();
        for code in &self.municipalities {
            let code = code.trim();
            if known_municipalities.iter().any(|known| known == code) {
                municipalities.insert(code.to_string());
            } else {
                errors.push((
                    FIELD_MUNICIPALITIES,
                    format!(
                        "Den Ort „{}“ gibt es in dieser Region nicht.",
                        shorten(code)
                    ),
                ));
                break;
            }
        }
        let topics = parse_codes(
            &self.topics,
            Topic::parse,
            FIELD_TOPICS,
            "Thema",
            &mut errors,
        );
        let phases = parse_codes(
            &self.phases,
            LifePhase::parse,
            FIELD_PHASES,
            "Lebensphase",
            &mut errors,
        );
        let frequency = Frequency::parse(&self.frequency);
        if frequency.is_none() {
            errors.push((
                FIELD_FREQUENCY,
                "Bitte wählen Sie, ob die Nachrichten täglich oder wöchentlich kommen sollen."
                    .to_string(),
            ));
        }
        match frequency {
            Some(frequency) if errors.is_empty() => Ok((
                Choices {
                    municipalities,
                    topics,
                    phases,
                },
                frequency,
            )),
            _ => Err(errors),
        }
    }
}

fn parse_codes<T: Ord>(
    codes: &[String],
    parse: fn(&str) -> Option<T>,
    field: &'static str,
    what: &str,
    errors: &mut FieldErrors,
) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for code in codes {
        match parse(code) {
            Some(value) => {
                set.insert(value);
            }
            None => {
                errors.push((
                    field,
                    format!("Das {what} „{}“ gibt es nicht.", shorten(code.trim())),
                ));
                break;
            }
        }
    }
    set
}

/// A value typed by someone else, cut short enough to repeat in a message.
fn shorten(text: &str) -> String {
    let cut: String = text.chars().filter(|c| !c.is_control()).take(40).collect();
    if cut.chars().count() < text.chars().count() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// The stored form of a set of codes: space-separated, sorted (what `Choices` keeps).
pub fn join_codes<'a>(codes: impl IntoIterator<Item = &'a str>) -> String {
    codes.into_iter().collect::<Vec<_>>().join(" ")
}

impl Choices {
    pub fn municipality_codes(&self) -> String {
        join_codes(self.municipalities.iter().map(String::as_str))
    }
    pub fn topic_codes(&self) -> String {
        join_codes(self.topics.iter().map(|topic| topic.code()))
    }
    pub fn phase_codes(&self) -> String {
        join_codes(self.phases.iter().map(|phase| phase.code()))
    }

    /// The choices back from their stored codes; the first code that is none, if any.
    pub fn from_codes(municipalities: &str, topics: &str, phases: &str) -> Result<Choices, String> {
        let split =
            |text: &str| -> Vec<String> { text.split_whitespace().map(str::to_string).collect() };
        let mut errors = FieldErrors::new();
        let topics = parse_codes(
            &split(topics),
            Topic::parse,
            FIELD_TOPICS,
            "Thema",
            &mut errors,
        );
        let phases = parse_codes(
            &split(phases),
            LifePhase::parse,
            FIELD_PHASES,
            "Lebensphase",
            &mut errors,
        );
        match errors.into_iter().next() {
            Some((_, reason)) => Err(reason),
            None => Ok(Choices {
                municipalities: split(municipalities).into_iter().collect(),
                topics,
                phases,
            }),
        }
    }

    /// Whether a changed offer is news for these choices: in one of the chosen towns, with
    /// one of the chosen topics and one of the chosen life phases (an empty choice: any).
    pub fn cover(&self, offer: &ChangedOffer) -> bool {
        (self.municipalities.is_empty() || self.municipalities.contains(&offer.municipality_ags))
            && (self.topics.is_empty() || offer.topics.iter().any(|t| self.topics.contains(t)))
            && (self.phases.is_empty() || offer.phases.iter().any(|p| self.phases.contains(p)))
    }

    /// The choices in words, for the page and the mail: "Orte: Dülmen, Nottuln · Themen: alle …".
    pub fn describe(&self, municipality_name: &dyn Fn(&str) -> String) -> String {
        let list = |names: Vec<String>, all: &str| {
            if names.is_empty() {
                all.to_string()
            } else {
                names.join(", ")
            }
        };
        format!(
            "Orte: {} · Themen: {} · Lebensphasen: {}",
            list(
                self.municipalities
                    .iter()
                    .map(|ags| municipality_name(ags))
                    .collect(),
                "alle"
            ),
            list(
                self.topics.iter().map(|t| t.label().to_string()).collect(),
                "alle"
            ),
            list(
                self.phases.iter().map(|p| p.label().to_string()).collect(),
                "alle"
            ),
        )
    }
}

/// Whether a subscription last covered at `last_sent_at` is due at `now`. The rounds run every
/// few minutes; the slack keeps a daily digest from creeping later by up to one round a day.
pub fn is_due(frequency: Frequency, last_sent_at: i64, now: i64, slack_secs: i64) -> bool {
    now - last_sent_at >= frequency.period_secs() - slack_secs.max(0)
}

/// An active, public offer with public changes in a digest's window (member-only fields,
/// request notes and "checked" marks are not news and never counted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedOffer {
    pub id: i64,
    pub name: String,
    pub municipality_ags: String,
    pub municipality: String,
    pub topics: Vec<Topic>,
    pub phases: Vec<LifePhase>,
    /// The German labels of the fields changed, in the order of their first change.
    pub changed_fields: Vec<String>,
    /// Published (or restored) in the window: new on the map.
    pub is_new: bool,
}

/// A digest ready to send: subject and plain-text body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Digest {
    pub subject: String,
    pub body: String,
}

/// What a digest needs besides the offers.
pub struct DigestFrame<'a> {
    pub site_name: &'a str,
    /// Where links start (`PUBLIC_URL`), without a trailing slash.
    pub link_base: &'a str,
    pub frequency: Frequency,
    /// Unix seconds of the last digest round that covered the subscription (where this one
    /// starts).
    pub since: i64,
    pub choices_in_words: String,
    /// The signed one-click unsubscribe address.
    pub unsubscribe_url: &'a str,
}

/// The digest for `offers` (already filtered for the subscription), or `None` when there
/// is nothing to tell: no empty mails.
pub fn compose_digest(frame: &DigestFrame<'_>, offers: &[ChangedOffer]) -> Option<Digest> {
    if offers.is_empty() {
        return None;
    }
    // The date in German time: a digest sent in the small hours still names the right day.
    let local = frame.since + crate::offers::calendar::berlin_offset_seconds(frame.since);
    let since = chrono::DateTime::from_timestamp(local, 0)
        .map_or_else(String::new, |time| time.format("%d.%m.%Y").to_string());
    let count = match offers.len() {
        1 => "1 neues oder geändertes Angebot".to_string(),
        n => format!("{n} neue oder geänderte Angebote"),
    };
    let mut body = format!(
        "Guten Tag,\n\nauf der {} gibt es seit dem {since} {count} zu Ihrer Auswahl.\n\n",
        frame.site_name
    );
    for offer in offers {
        let what = if offer.is_new {
            "neu auf der Karte".to_string()
        } else {
            format!("geändert: {}", offer.changed_fields.join(", "))
        };
        body.push_str(&format!(
            "* {} ({})\n  {what}\n  {}/angebot/{}\n\n",
            one_line(&offer.name),
            offer.municipality,
            frame.link_base,
            offer.id
        ));
    }
    body.push_str(&format!(
        "Ihre Auswahl: {}\nHäufigkeit: {}. Ändern können Sie beides nach der Anmeldung unter {}/netzwerk/nachrichten.\n\n\
         Keine Nachrichten mehr erhalten (ein Klick, ohne Anmeldung):\n{}\n",
        frame.choices_in_words,
        frame.frequency.label(),
        frame.link_base,
        frame.unsubscribe_url
    ));
    Some(Digest {
        subject: format!("{}: {count}", frame.site_name),
        body,
    })
}

/// An offer's name on one line of the mail (names are single-line, but a mail must not be
/// split by what an editor typed).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<String> {
        vec!["05558012".to_string(), "05558016".to_string()]
    }

    fn form(frequency: &str) -> SubscriptionForm {
        SubscriptionForm {
            municipalities: vec!["05558012".into()],
            topics: vec!["beratung".into(), "fruehe-hilfen".into()],
            phases: vec![],
            frequency: frequency.into(),
        }
    }

    fn offer(ags: &str, topics: &[Topic], phases: &[LifePhase]) -> ChangedOffer {
        ChangedOffer {
            id: 7,
            name: "Babytreff\nam Markt".into(),
            municipality_ags: ags.into(),
            municipality: "Dülmen".into(),
            topics: topics.to_vec(),
            phases: phases.to_vec(),
            changed_fields: vec!["Telefon".into(), "Öffnungszeiten".into()],
            is_new: false,
        }
    }

    #[test]
    fn a_form_parses_into_choices_and_back_from_the_stored_codes() {
        let (choices, frequency) = form("woechentlich").parse(&known()).unwrap();
        assert_eq!(frequency, Frequency::Weekly);
        assert_eq!(choices.topic_codes(), "fruehe-hilfen beratung");
        assert_eq!(choices.phase_codes(), "");
        let stored = Choices::from_codes(
            &choices.municipality_codes(),
            &choices.topic_codes(),
            &choices.phase_codes(),
        )
        .unwrap();
        assert_eq!(stored, choices);
        assert!(Choices::from_codes("", "erfunden", "").is_err());
    }

    #[test]
    fn unknown_codes_and_a_missing_frequency_are_refused_per_field() {
        let mut bad = form("monatlich");
        bad.municipalities.push("99999999".into());
        bad.phases.push("\u{7}rente".into());
        let errors = bad.parse(&known()).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|(field, _)| *field).collect();
        assert_eq!(
            fields,
            [FIELD_MUNICIPALITIES, FIELD_PHASES, FIELD_FREQUENCY]
        );
        assert!(errors[0].1.contains("„99999999“"), "{errors:?}");
        assert!(!errors[1].1.contains('\u{7}'), "{errors:?}");
        let long = SubscriptionForm {
            topics: vec!["x".repeat(500)],
            ..form("taeglich")
        };
        assert!(long.parse(&known()).unwrap_err()[0].1.chars().count() < 80);
    }

    #[test]
    fn choices_cover_offers_in_every_chosen_dimension_and_empty_means_all() {
        let (choices, _) = form("taeglich").parse(&known()).unwrap();
        assert!(choices.cover(&offer("05558012", &[Topic::Counselling], &[])));
        assert!(!choices.cover(&offer("05558016", &[Topic::Counselling], &[])));
        assert!(!choices.cover(&offer("05558012", &[Topic::Health], &[])));
        assert!(Choices::default().cover(&offer("05558016", &[], &[])));
        let by_phase = Choices {
            phases: [LifePhase::Pregnancy].into_iter().collect(),
            ..Choices::default()
        };
        assert!(!by_phase.cover(&offer("05558016", &[], &[LifePhase::Parents])));
        assert!(by_phase.cover(&offer("05558016", &[], &[LifePhase::Pregnancy])));
    }

    #[test]
    fn daily_and_weekly_digests_fall_due_after_their_period_less_the_slack() {
        let start = 1_800_000_000;
        assert!(!is_due(Frequency::Daily, start, start + 23 * 3600, 600));
        assert!(is_due(
            Frequency::Daily,
            start,
            start + 24 * 3600 - 300,
            600
        ));
        assert!(!is_due(
            Frequency::Weekly,
            start,
            start + 6 * 24 * 3600,
            600
        ));
        assert!(is_due(Frequency::Weekly, start, start + 7 * 24 * 3600, 0));
    }

    #[test]
    fn a_digest_lists_each_offer_with_its_link_and_ends_with_the_unsubscribe_link() {
        let frame = DigestFrame {
            site_name: "Chancenkarte",
            link_base: "https://karte.example",
            frequency: Frequency::Daily,
            // 23:30 UTC on 31 March 2027 is already 1 April in German (summer) time.
            since: 1_806_535_800,
            choices_in_words: "Orte: Dülmen · Themen: alle · Lebensphasen: alle".into(),
            unsubscribe_url: "https://karte.example/nachrichten/abbestellen?token=1.abc",
        };
        assert_eq!(compose_digest(&frame, &[]), None);
        let new = ChangedOffer {
            id: 9,
            is_new: true,
            ..offer("05558012", &[], &[])
        };
        let digest = compose_digest(&frame, &[offer("05558012", &[], &[]), new]).unwrap();
        assert_eq!(
            digest.subject,
            "Chancenkarte: 2 neue oder geänderte Angebote"
        );
        assert!(digest.body.contains("* Babytreff am Markt (Dülmen)\n  geändert: Telefon, Öffnungszeiten\n  https://karte.example/angebot/7\n"), "{}", digest.body);
        assert!(
            digest
                .body
                .contains("neu auf der Karte\n  https://karte.example/angebot/9")
        );
        assert!(digest.body.trim_end().ends_with("token=1.abc"));
        assert!(
            digest.body.contains("gibt es seit dem 01.04.2027 2 neue"),
            "{}",
            digest.body
        );
    }
}
