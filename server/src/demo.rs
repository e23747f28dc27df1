//! Deterministic demo data: fictional organisations and offers spread over the region's
//! municipalities, so the map can be shown, developed and tested without any real data.
//!
//! Everything here is invented: organisation and person names, streets, phone numbers (a
//! `99…` block behind the real area code), and addresses on the reserved domain example.org.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};

use app::offers::hours::OpeningSlot;
use app::offers::records::{
    ContactPerson, MemberOnly, NewLocation, NewOffer, NewOrganization, OfferStatus,
};
use app::offers::taxonomy::{
    Cost, Delivery, DeliverySet, Language, LanguageSet, LifePhase, PhaseSet, Topic, TopicSet,
};
use app::platform::database::{Storage, StorageError};
use app::shared::prng::SplitMix64;

use app::region::loader::{LoadedRegion, RegionMunicipality};

use Delivery::{OnSite, Online, Outreach, Phone};
use LifePhase::{
    Age0To3, Age3To6, Age6To10, Age10To14, Age14To18, Age18To21, Age21To27, Parents, Pregnancy,
};

/// Marker contained in every internal note of the demo data, so leak tests can look for it.
pub const MEMBER_NOTE_MARKER: &str = "NUR-MITGLIEDER";
/// Marker contained in every demo contact person's e-mail address.
pub const MEMBER_CONTACT_MARKER: &str = "intern-kontakt";
/// The seed the server uses, so every installation shows the same demo map.
pub const DEFAULT_SEED: u64 = 2026;

/// An organisation with its offers; the offers carry `organization_id` 0 until loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoOrganization {
    pub organization: NewOrganization,
    pub offers: Vec<NewOffer>,
}

/// Roughly how many organisations the whole region gets; shared out by population.
const TARGET_ORGANISATIONS: f64 = 132.0;
/// Even the smallest municipality needs enough organisations to show every kind of help.
const MIN_ORGANISATIONS_PER_TOWN: usize = 6;
/// Below this the map looks empty; the generator tops up until it is reached.
const MIN_OFFERS: usize = 300;
/// Archived offers exist so tests can prove they never reach the public page.
const ARCHIVED_OFFERS: usize = 3;
const KM_PER_DEGREE_LAT: f64 = 111.32;
const WORKING_GROUPS: [&str; 3] = ["AG 0–6", "AG 6–18", "AG 18–27"];

/// When an offer takes place, as a pattern the generator turns into slots and a note.
#[derive(Clone, Copy)]
enum Hours {
    Office,
    Counselling,
    Appointment,
    /// Weekly course in the daytime, e.g. with babies.
    DayCourse,
    /// Weekly course in the evening, for working parents.
    EveningCourse,
    /// Weekly course in the afternoon or on Saturday, for school children.
    Course,
    /// One-day course on a Saturday.
    Workshop,
    Afternoon,
    Group,
    Holiday,
    Daycare,
    SchoolDay,
    Outreach,
    Youth,
    Sport,
}

/// What a paid offer costs, phrased the way the provider would.
#[derive(Clone, Copy)]
enum Price {
    Course,
    Session,
    Membership,
    Week,
    Trip,
    /// Health insurance pays for the mother; the partner pays a fee.
    Partner,
}

/// A type of offer. Texts may use `{T}` (town), `{M}` (the organisation's motto), `{S}` (its
/// short name) and `{A}` (where: "im Familienzentrum Regenbogen").
struct OfferKind {
    slug: &'static str,
    names: &'static [&'static str],
    topics: &'static [Topic],
    phases: &'static [LifePhase],
    delivery: &'static [Delivery],
    /// Added to some offers of the kind, e.g. counselling that also works by phone.
    extra_delivery: Option<Delivery>,
    /// Weights for free, reduced and paid.
    cost: [u32; 3],
    price: Price,
    /// Note for the reduced price; empty picks a general one.
    reduced_note: &'static str,
    hours: Hours,
    texts: &'static [&'static str],
    extras: &'static [&'static str],
    /// Roles of contact persons (female, male form).
    roles: &'static [(&'static str, &'static str)],
    /// Offers aimed at newcomers are far more often available in other languages.
    multilingual: bool,
}

const BASE: OfferKind = OfferKind {
    slug: "",
    names: &[],
    topics: &[],
    phases: &[],
    delivery: &[Delivery::OnSite],
    extra_delivery: None,
    cost: [100, 0, 0],
    price: Price::Course,
    reduced_note: "",
    hours: Hours::Office,
    texts: &[],
    extras: &[],
    roles: &[],
    multilingual: false,
};

// --- Frühe Hilfen -------------------------------------------------------------------------

const BABYLOTSEN: OfferKind = OfferKind {
    slug: "babylotsen",
    names: &[
        "Babylotsen {T}",
        "Babylotsinnen-Sprechstunde {T}",
        "Babylotsen – Begleitung rund um die Geburt in {T}",
    ],
    topics: &[Topic::EarlyHelp],
    phases: &[Pregnancy, Age0To3, Parents],
    delivery: &[Outreach, Phone],
    hours: Hours::Outreach,
    texts: &[
        "Die Babylotsinnen begleiten Familien rund um die Geburt und helfen, passende Unterstützung in {T} zu finden.",
        "Unsere Babylotsen beraten werdende und frischgebackene Eltern vertraulich und vermitteln bei Bedarf weitere Hilfen.",
    ],
    extras: &[
        "Das Angebot ist freiwillig und vertraulich.",
        "Gespräche sind auch bei Ihnen zu Hause möglich.",
        "Sie können sich schon in der Schwangerschaft melden.",
    ],
    roles: &[
        ("Babylotsin", "Babylotse"),
        ("Koordinatorin Frühe Hilfen", "Koordinator Frühe Hilfen"),
    ],
    ..BASE
};

const FAMILIENHEBAMME: OfferKind = OfferKind {
    slug: "familienhebamme",
    names: &[
        "Familienhebamme {T}",
        "Familienhebammen-Sprechstunde {A}",
        "Familienhebamme und Kinderkrankenpflege für {T}",
    ],
    topics: &[Topic::EarlyHelp, Topic::Health],
    phases: &[Pregnancy, Age0To3, Parents],
    delivery: &[Outreach],
    extra_delivery: Some(Phone),
    hours: Hours::Outreach,
    texts: &[
        "Eine Familienhebamme unterstützt Familien mit besonderem Bedarf bis zum ersten Geburtstag des Kindes – bei Pflege, Ernährung und Entwicklung.",
        "Familienhebammen besuchen Eltern zu Hause und begleiten sie durch das erste Lebensjahr ihres Babys.",
    ],
    extras: &[
        "Die Besuche sind kostenlos und vertraulich.",
        "Eine Überweisung ist nicht nötig.",
        "Auch Fragen zu Schlaf, Schreien und Stillen haben hier Platz.",
    ],
    roles: &[("Familienhebamme", "Familienentbindungspfleger")],
    ..BASE
};

const WILLKOMMENSBESUCH: OfferKind = OfferKind {
    slug: "willkommensbesuch",
    names: &[
        "Willkommensbesuch für Neugeborene in {T}",
        "Babybegrüßungsdienst {T}",
        "Willkommen im Leben – Besuch für neue Eltern in {T}",
    ],
    topics: &[Topic::EarlyHelp],
    phases: &[Age0To3, Parents],
    delivery: &[Outreach],
    hours: Hours::Outreach,
    texts: &[
        "Nach der Geburt besuchen wir Familien in {T} auf Wunsch zu Hause und bringen Informationen über Angebote vor Ort mit.",
        "Beim Willkommensbesuch erhalten Eltern eine Begrüßungsmappe und Antworten auf erste Fragen rund ums Baby.",
    ],
    extras: &[
        "Der Besuch ist freiwillig; den Termin stimmen wir vorher mit Ihnen ab.",
        "Die Begrüßungsmappe gibt es auch in einfacher Sprache.",
        "Wer lieber nicht zu Hause besucht werden möchte, kann uns auch im Büro treffen.",
    ],
    roles: &[("Fachkraft Frühe Hilfen", "Fachkraft Frühe Hilfen")],
    ..BASE
};

const ELTERN_BABY_CAFE: OfferKind = OfferKind {
    slug: "eltern-baby-cafe",
    names: &[
        "Eltern-Baby-Café {T}",
        "Eltern-Baby-Café {A}",
        "Babytreff am Vormittag – {T}",
        "Krabbelcafé {M}",
    ],
    topics: &[Topic::EarlyHelp],
    phases: &[Age0To3, Parents],
    cost: [85, 15, 0],
    reduced_note: "kleiner Beitrag für Kaffee und Kuchen",
    hours: Hours::Group,
    texts: &[
        "Im Eltern-Baby-Café treffen sich Mütter und Väter mit ihren Babys zum Austausch bei Kaffee und Tee.",
        "Ein offener Treff für Eltern mit Kindern im ersten Lebensjahr – mit Zeit zum Spielen, Reden und Fragen.",
    ],
    extras: &[
        "Eine Anmeldung ist nicht nötig, kommen Sie einfach vorbei.",
        "Geschwisterkinder sind herzlich willkommen.",
        "Wickelplatz und Stillecke sind vorhanden.",
        "Einmal im Monat ist eine Hebamme zu Gast und beantwortet Fragen.",
    ],
    roles: &[("Erzieherin", "Erzieher")],
    ..BASE
};

const FRUEHE_HILFEN: OfferKind = OfferKind {
    slug: "fruehe-hilfen",
    names: &[
        "Sprechstunde Frühe Hilfen {T}",
        "Frühe Hilfen – Beratung für Eltern mit kleinen Kindern in {T}",
        "Anlaufstelle Frühe Hilfen {A}",
    ],
    topics: &[Topic::EarlyHelp, Topic::Counselling],
    phases: &[Pregnancy, Age0To3, Parents],
    extra_delivery: Some(Phone),
    hours: Hours::Counselling,
    texts: &[
        "Die Frühen Hilfen beraten Eltern mit Kindern bis drei Jahre zu Entwicklung, Alltag und Entlastung.",
        "Fachkräfte der Frühen Hilfen hören zu, informieren über Angebote in {T} und vermitteln passgenau weiter.",
    ],
    extras: &[
        "Die Beratung ist kostenlos und vertraulich.",
        "Auch werdende Eltern können sich melden.",
        "Gespräche sind auf Wunsch auch telefonisch möglich.",
    ],
    roles: &[("Koordinatorin Frühe Hilfen", "Koordinator Frühe Hilfen")],
    ..BASE
};

const FAMILIENPATEN: OfferKind = OfferKind {
    slug: "familienpaten",
    names: &[
        "Familienpatenschaften {T}",
        "Ehrenamtliche Familienpaten {A}",
        "Patenschaften für junge Familien in {T}",
    ],
    topics: &[Topic::EarlyHelp],
    phases: &[Age0To3, Age3To6, Parents],
    delivery: &[Outreach],
    hours: Hours::Appointment,
    texts: &[
        "Ehrenamtliche Patinnen und Paten unterstützen Familien mit kleinen Kindern einige Stunden pro Woche im Alltag.",
        "Geschulte Ehrenamtliche entlasten junge Familien in {T} – zum Beispiel beim Spaziergang mit dem Baby oder bei Behördengängen.",
    ],
    extras: &[
        "Die Patinnen und Paten werden von Fachkräften begleitet.",
        "Die Unterstützung ist kostenlos und freiwillig.",
        "Ein erstes Kennenlerngespräch findet in Ruhe bei Ihnen zu Hause statt.",
    ],
    roles: &[("Koordinatorin Ehrenamt", "Koordinator Ehrenamt")],
    ..BASE
};

// --- Kita & Betreuung ---------------------------------------------------------------------

const KINDERTAGESPFLEGE: OfferKind = OfferKind {
    slug: "kindertagespflege",
    names: &[
        "Vermittlung Kindertagespflege {T}",
        "Fachberatung Kindertagespflege {T}",
        "Kindertagespflege-Vermittlung {A}",
    ],
    topics: &[Topic::Childcare],
    phases: &[Age0To3, Age3To6, Parents],
    extra_delivery: Some(Phone),
    hours: Hours::Office,
    texts: &[
        "Wir vermitteln Tagesmütter und Tagesväter in {T} und beraten Eltern zu Betreuungszeiten und Kosten.",
        "Die Fachberatung Kindertagespflege hilft bei der Suche nach einer passenden Tagespflegeperson für Kinder unter drei Jahren.",
    ],
    extras: &[
        "Bitte melden Sie sich möglichst früh vor dem gewünschten Betreuungsbeginn.",
        "Auch wer selbst Tagespflegeperson werden möchte, ist willkommen.",
        "Die Elternbeiträge für die Tagespflege richten sich nach dem Einkommen.",
    ],
    roles: &[(
        "Fachberaterin Kindertagespflege",
        "Fachberater Kindertagespflege",
    )],
    ..BASE
};

const KITA: OfferKind = OfferKind {
    slug: "kita",
    names: &[
        "Kita {M}",
        "Kita {M} – Betreuung für Kinder von 1 bis 6",
        "Kindertageseinrichtung {M}",
    ],
    topics: &[Topic::Childcare],
    phases: &[Age0To3, Age3To6],
    cost: [0, 100, 0],
    reduced_note: "Elternbeitrag einkommensabhängig",
    hours: Hours::Daycare,
    texts: &[
        "Die Kita {M} betreut Kinder ab einem Jahr bis zum Schuleintritt in altersgemischten Gruppen.",
        "In unserer Kita spielen, lernen und entdecken Kinder von eins bis sechs – mit viel Zeit draußen und im Bewegungsraum.",
    ],
    extras: &[
        "Die Anmeldung läuft über das Online-Portal für Kitaplätze.",
        "Gerne zeigen wir Ihnen die Räume bei einem Besuch.",
        "Das Mittagessen wird täglich frisch gekocht.",
    ],
    roles: &[("Kita-Leitung", "Kita-Leitung"), ("Erzieherin", "Erzieher")],
    ..BASE
};

const OGS: OfferKind = OfferKind {
    slug: "ogs",
    names: &[
        "Offene Ganztagsschule {A}",
        "OGS {A}",
        "Offener Ganztag {M} in {T}",
    ],
    topics: &[Topic::Childcare, Topic::School],
    phases: &[Age6To10],
    cost: [0, 100, 0],
    reduced_note: "Elternbeitrag einkommensabhängig, Mittagessen extra",
    hours: Hours::SchoolDay,
    texts: &[
        "Im Offenen Ganztag werden Grundschulkinder nach dem Unterricht bis 16 Uhr betreut – mit Mittagessen, Lernzeit und AGs.",
        "Die OGS bietet Kindern ein verlässliches Nachmittagsprogramm mit Hausaufgabenzeit, Spiel und Bewegung.",
    ],
    extras: &[
        "Die Anmeldung gilt jeweils für ein Schuljahr.",
        "In einem Teil der Ferien gibt es eine Ferienbetreuung.",
        "Kinder mit Förderbedarf werden gemeinsam mit allen anderen betreut.",
    ],
    roles: &[("OGS-Koordinatorin", "OGS-Koordinator")],
    ..BASE
};

const FERIENBETREUUNG: OfferKind = OfferKind {
    slug: "ferienbetreuung",
    names: &[
        "Ferienbetreuung {T}",
        "Ferienspiele {A}",
        "Ferienbetreuung in den Sommerferien – {T}",
    ],
    topics: &[Topic::Childcare, Topic::LeisureSport],
    phases: &[Age6To10, Age10To14],
    cost: [30, 40, 30],
    price: Price::Week,
    hours: Hours::Holiday,
    texts: &[
        "In den Ferien betreuen wir Schulkinder ganztags mit Ausflügen, Basteln und Spielen.",
        "Die Ferienbetreuung entlastet berufstätige Eltern: Grundschulkinder verbringen abwechslungsreiche Tage mit festem Programm.",
    ],
    extras: &[
        "Die Plätze sind begrenzt, eine frühe Anmeldung lohnt sich.",
        "Die Anmeldung öffnet jeweils im Frühjahr.",
        "Kinder mit Unterstützungsbedarf sind nach Absprache willkommen.",
    ],
    roles: &[("Projektleitung", "Projektleitung")],
    ..BASE
};

const SPIELGRUPPE: OfferKind = OfferKind {
    slug: "spielgruppe",
    names: &[
        "Eltern-Kind-Gruppe {A}",
        "Krabbelgruppe {T}",
        "Spielgruppe für Kinder unter drei – {T}",
    ],
    topics: &[Topic::FamilyEducation],
    phases: &[Age0To3, Parents],
    cost: [50, 30, 20],
    hours: Hours::Group,
    texts: &[
        "In der Eltern-Kind-Gruppe spielen Kinder von ein bis drei Jahren gemeinsam, während Eltern sich austauschen.",
        "Singen, spielen, matschen: Die Gruppe bietet kleinen Kindern erste Erfahrungen in einer festen Gruppe – mit Mama, Papa oder Oma dabei.",
    ],
    extras: &[
        "Eine Gruppe läuft über ein halbes Jahr.",
        "Neue Familien können nach Absprache jederzeit einsteigen.",
        "Bitte bringen Sie Stoppersocken mit.",
    ],
    roles: &[("Kursleiterin", "Kursleiter")],
    ..BASE
};

// --- Familienbildung ----------------------------------------------------------------------

const PEKIP: OfferKind = OfferKind {
    slug: "pekip",
    names: &[
        "PEKiP-Kurs {T}",
        "PEKiP – Spiel und Bewegung im ersten Lebensjahr {A}",
        "Babykurs nach PEKiP in {T}",
    ],
    topics: &[Topic::FamilyEducation],
    phases: &[Age0To3, Parents],
    cost: [10, 40, 50],
    hours: Hours::DayCourse,
    texts: &[
        "Im PEKiP-Kurs begleiten Eltern ihre Babys im ersten Lebensjahr mit Spiel- und Bewegungsanregungen.",
        "Eltern und Babys ab der sechsten Lebenswoche treffen sich wöchentlich in einer kleinen Gruppe mit ausgebildeter Kursleitung.",
    ],
    extras: &[
        "Die Babys bewegen sich nackt in einem gut geheizten Raum.",
        "Ein Kurs umfasst zehn Treffen.",
        "Die Gruppe ist auf acht Familien begrenzt.",
    ],
    roles: &[("Kursleiterin", "Kursleiter")],
    ..BASE
};

const ERSTE_HILFE: OfferKind = OfferKind {
    slug: "erste-hilfe-am-kind",
    names: &[
        "Erste Hilfe am Kind {T}",
        "Erste-Hilfe-Kurs für Eltern von Babys und Kleinkindern – {T}",
        "Notfälle im Kindesalter – Erste-Hilfe-Kurs {A}",
    ],
    topics: &[Topic::FamilyEducation, Topic::Health],
    phases: &[Age0To3, Age3To6, Parents],
    cost: [15, 35, 50],
    hours: Hours::Workshop,
    texts: &[
        "Im Kurs lernen Eltern, Großeltern und Betreuungspersonen, was bei Unfällen und Notfällen mit Kindern zu tun ist.",
        "Von Fieberkrampf bis Verschlucken: Der Kurs vermittelt praktische Erste Hilfe für Säuglinge und Kleinkinder.",
    ],
    extras: &[
        "Geübt wird an Baby- und Kinderpuppen.",
        "Der Kurs dauert einen Tag.",
        "Eine Teilnahmebescheinigung wird ausgestellt.",
    ],
    roles: &[("Kursleiterin", "Kursleiter")],
    ..BASE
};

const ELTERNKURS: OfferKind = OfferKind {
    slug: "elternkurs",
    names: &[
        "Elternkurs „Familienalltag gelassen meistern“ {T}",
        "Elternkurs „Gemeinsam wachsen“ {A}",
        "Elternkurs „Klare Regeln, warme Worte“ {T}",
    ],
    topics: &[Topic::FamilyEducation],
    phases: &[Age3To6, Age6To10, Age10To14, Parents],
    cost: [40, 40, 20],
    hours: Hours::EveningCourse,
    texts: &[
        "Der Elternkurs stärkt Mütter und Väter im Erziehungsalltag – mit Austausch, kurzen Impulsen und praktischen Übungen.",
        "An mehreren Abenden geht es um Grenzen, Gefühle und Familienregeln: Wie bleibe ich gelassen und trotzdem klar?",
    ],
    extras: &[
        "Kinderbetreuung kann auf Wunsch organisiert werden.",
        "Der Kurs umfasst sechs Abende.",
        "Eltern können auch allein ohne Partnerin oder Partner teilnehmen.",
    ],
    roles: &[
        ("Kursleiterin", "Kursleiter"),
        ("Familienbildnerin", "Familienbildner"),
    ],
    ..BASE
};

const BABYMASSAGE: OfferKind = OfferKind {
    slug: "babymassage",
    names: &[
        "Babymassage {T}",
        "Babymassage-Kurs {A}",
        "Sanfte Berührung – Babymassage für Eltern in {T}",
    ],
    topics: &[Topic::FamilyEducation],
    phases: &[Age0To3, Parents],
    cost: [15, 35, 50],
    hours: Hours::DayCourse,
    texts: &[
        "Im Kurs lernen Eltern einfache Massagegriffe, die ihrem Baby guttun und die Bindung stärken.",
        "Babymassage für Kinder von sechs Wochen bis zum Krabbelalter – in kleiner Runde und ruhiger Atmosphäre.",
    ],
    extras: &[
        "Bitte ein großes Handtuch mitbringen; Öl ist vorhanden.",
        "Der Kurs umfasst fünf Treffen.",
        "Väter sind ausdrücklich eingeladen.",
    ],
    roles: &[("Kursleiterin", "Kursleiter")],
    ..BASE
};

const FAMILIENKUECHE: OfferKind = OfferKind {
    slug: "familienkueche",
    names: &[
        "Gesund kochen mit Kindern – {T}",
        "Familienküche {A}",
        "Kochwerkstatt für Eltern und Kinder {T}",
    ],
    topics: &[Topic::FamilyEducation, Topic::Health],
    phases: &[Age6To10, Age10To14, Parents],
    cost: [40, 40, 20],
    price: Price::Session,
    hours: Hours::Course,
    texts: &[
        "Eltern und Kinder kochen gemeinsam einfache, günstige Gerichte und essen anschließend zusammen.",
        "In der Familienküche geht es um gesunde Ernährung im Alltag – praktisch, lecker und mit kleinem Budget.",
    ],
    extras: &[
        "Die Zutaten werden gestellt.",
        "Rezepte gibt es zum Mitnehmen.",
        "Bitte Unverträglichkeiten bei der Anmeldung angeben.",
    ],
    roles: &[("Ökotrophologin", "Ökotrophologe")],
    ..BASE
};

const MEDIENELTERNABEND: OfferKind = OfferKind {
    slug: "medienerziehung",
    names: &[
        "Elternabend Medienerziehung {T}",
        "Smartphone, Games & Co. – Elternabend {A}",
        "Medienfit in der Familie – {T}",
    ],
    topics: &[Topic::FamilyEducation],
    phases: &[Age6To10, Age10To14, Age14To18, Parents],
    extra_delivery: Some(Online),
    cost: [80, 20, 0],
    hours: Hours::EveningCourse,
    texts: &[
        "Wie viel Bildschirmzeit ist okay? Der Abend gibt Eltern Orientierung zu Handy, Games und sozialen Netzwerken.",
        "Medienpädagoginnen zeigen, wie Familien gemeinsame Regeln für Smartphone und Internet finden.",
    ],
    extras: &[
        "Der Abend findet in wechselnden Schulen statt.",
        "Fragen können vorab anonym eingereicht werden.",
        "Eine Aufzeichnung gibt es leider nicht.",
    ],
    roles: &[("Medienpädagogin", "Medienpädagoge")],
    ..BASE
};

const VORLESEN: OfferKind = OfferKind {
    slug: "vorlesen",
    names: &[
        "Vorlesenachmittag {A}",
        "Vorlesezeit für Kinder in {T}",
        "Bilderbuchkino {M}",
    ],
    topics: &[Topic::FamilyEducation, Topic::School],
    phases: &[Age3To6, Age6To10],
    hours: Hours::Group,
    texts: &[
        "Ehrenamtliche Vorlesepatinnen lesen Geschichten vor – zum Zuhören, Mitraten und Weitererzählen.",
        "Beim Vorlesenachmittag entdecken Kinder Bilderbücher und Geschichten, auch in mehreren Sprachen.",
    ],
    extras: &[
        "Eltern dürfen gern dabeibleiben.",
        "Im Anschluss wird gemalt oder gebastelt.",
        "Eine Anmeldung ist nicht nötig.",
    ],
    roles: &[("Ehrenamtskoordinatorin", "Ehrenamtskoordinator")],
    ..BASE
};

// --- Beratung -----------------------------------------------------------------------------

const ERZIEHUNGSBERATUNG: OfferKind = OfferKind {
    slug: "erziehungsberatung",
    names: &[
        "Erziehungsberatung {T}",
        "Erziehungs- und Familienberatung {A}",
        "Offene Sprechstunde Erziehungsberatung {T}",
    ],
    topics: &[Topic::Counselling],
    phases: &[Age3To6, Age6To10, Age10To14, Age14To18, Age18To21, Parents],
    extra_delivery: Some(Online),
    hours: Hours::Counselling,
    texts: &[
        "Die Erziehungsberatung unterstützt Eltern, Kinder und Jugendliche bei Fragen zur Erziehung, bei Konflikten und in Krisen.",
        "Ob Wutanfälle, Schulprobleme oder Streit zu Hause – in vertraulichen Gesprächen suchen wir gemeinsam nach Lösungen.",
    ],
    extras: &[
        "Die Beratung ist kostenlos und unterliegt der Schweigepflicht.",
        "Jugendliche können sich auch ohne ihre Eltern melden.",
        "Einen ersten Termin gibt es meist innerhalb von zwei Wochen.",
    ],
    roles: &[
        ("Psychologin", "Psychologe"),
        ("Familientherapeutin", "Familientherapeut"),
    ],
    ..BASE
};

const SCHWANGERSCHAFTSBERATUNG: OfferKind = OfferKind {
    slug: "schwangerschaftsberatung",
    names: &[
        "Schwangerschaftsberatung {T}",
        "Beratung rund um Schwangerschaft und Geburt {A}",
        "Schwangerenberatung – Sprechstunde in {T}",
    ],
    topics: &[Topic::Counselling],
    phases: &[Pregnancy, Parents],
    extra_delivery: Some(Phone),
    hours: Hours::Counselling,
    texts: &[
        "Wir beraten rund um Schwangerschaft und Geburt – zu Elterngeld, Mutterschutz, finanziellen Hilfen und allen persönlichen Fragen.",
        "Die Schwangerschaftsberatung ist offen für Schwangere, werdende Väter und Paare, unabhängig von Herkunft und Religion.",
    ],
    extras: &[
        "Auf Wunsch bleiben Sie anonym.",
        "Wir helfen auch bei Anträgen auf finanzielle Unterstützung für die Erstausstattung.",
        "Die Beratung ist kostenlos und vertraulich.",
    ],
    roles: &[("Beraterin", "Berater")],
    ..BASE
};

const SCHULDNERBERATUNG: OfferKind = OfferKind {
    slug: "schuldnerberatung",
    names: &[
        "Schuldnerberatung {T}",
        "Schuldner- und Insolvenzberatung {A}",
        "Sprechstunde Schuldnerberatung für Familien in {T}",
    ],
    topics: &[Topic::Counselling, Topic::FinancialHelp],
    phases: &[Parents, Age18To21, Age21To27],
    extra_delivery: Some(Phone),
    hours: Hours::Counselling,
    texts: &[
        "Die Schuldnerberatung hilft Familien, einen Überblick über ihre Schulden zu gewinnen und mit Gläubigern Lösungen zu finden.",
        "Wenn Rechnungen sich stapeln: Wir unterstützen beim Haushaltsplan, beim Pfändungsschutzkonto und beim Weg in die Verbraucherinsolvenz.",
    ],
    extras: &[
        "Bitte bringen Sie zum ersten Termin vorhandene Unterlagen mit.",
        "Junge Erwachsene erhalten eine eigene Sprechstunde.",
        "Die Beratung ist kostenlos.",
    ],
    roles: &[("Schuldnerberaterin", "Schuldnerberater")],
    ..BASE
};

const TRENNUNGSBERATUNG: OfferKind = OfferKind {
    slug: "trennungsberatung",
    names: &[
        "Trennungs- und Scheidungsberatung {T}",
        "Beratung bei Trennung und Scheidung {A}",
        "Trennungsberatung für Eltern – {T}",
    ],
    topics: &[Topic::Counselling],
    phases: &[Age3To6, Age6To10, Age10To14, Age14To18, Parents],
    extra_delivery: Some(Online),
    hours: Hours::Counselling,
    texts: &[
        "Wir begleiten Eltern in Trennung und Scheidung und helfen, Regelungen zum Umgang im Sinne der Kinder zu finden.",
        "Wenn Eltern sich trennen, brauchen Kinder Halt: Die Beratung unterstützt Familien dabei, gut auseinanderzugehen.",
    ],
    extras: &[
        "Gespräche sind einzeln oder gemeinsam möglich.",
        "Für Kinder von sechs bis zwölf gibt es eine eigene Gruppe.",
        "Die Beratung ist kostenlos und vertraulich.",
    ],
    roles: &[
        ("Sozialpädagogin", "Sozialpädagoge"),
        ("Mediatorin", "Mediator"),
    ],
    ..BASE
};

const ALLEINERZIEHENDE: OfferKind = OfferKind {
    slug: "alleinerziehende",
    names: &[
        "Treff für Alleinerziehende {T}",
        "Beratung für Alleinerziehende {A}",
        "Frühstück für Alleinerziehende – {T}",
    ],
    topics: &[Topic::Counselling, Topic::FamilyEducation],
    phases: &[Parents],
    hours: Hours::Group,
    texts: &[
        "Alleinerziehende Mütter und Väter tauschen sich aus, bekommen Tipps und finden Entlastung im Alltag.",
        "Ein Treffpunkt für Ein-Eltern-Familien in {T} – mit Beratung zu Unterhalt, Betreuung und Beruf.",
    ],
    extras: &[
        "Während des Treffens werden die Kinder betreut.",
        "Neue Gesichter sind jederzeit willkommen.",
        "Einmal im Monat kommt eine Fachkraft zu einem Schwerpunktthema.",
    ],
    roles: &[("Sozialarbeiterin", "Sozialarbeiter")],
    ..BASE
};

const JUGENDBERATUNG: OfferKind = OfferKind {
    slug: "jugendberatung",
    names: &[
        "Jugend- und Suchtberatung {T}",
        "Sprechstunde „Reden hilft“ {A}",
        "Beratung für junge Menschen in {T}",
    ],
    topics: &[Topic::Counselling, Topic::Health],
    phases: &[Age14To18, Age18To21, Age21To27],
    extra_delivery: Some(Online),
    hours: Hours::Counselling,
    texts: &[
        "Jugendliche und junge Erwachsene finden hier ein offenes Ohr – bei Stress, Streit, Liebeskummer oder Fragen zu Alkohol und Drogen.",
        "Vertrauliche Beratung für junge Menschen bis 27, auch für Freundinnen, Freunde und Eltern, die sich Sorgen machen.",
    ],
    extras: &[
        "Niemand erfährt von dem Gespräch, wenn du das nicht möchtest.",
        "Ein Chat-Termin ist ebenfalls möglich.",
        "Du kannst auch ohne Termin vorbeikommen.",
    ],
    roles: &[
        ("Sozialarbeiterin", "Sozialarbeiter"),
        ("Suchtberaterin", "Suchtberater"),
    ],
    ..BASE
};

const MIGRATIONSBERATUNG: OfferKind = OfferKind {
    slug: "migrationsberatung",
    names: &[
        "Migrationsberatung {T}",
        "Migrationsberatung für Familien {A}",
        "Beratung für junge Zugewanderte in {T}",
    ],
    topics: &[Topic::LanguageIntegration, Topic::Counselling],
    phases: &[Parents, Age14To18, Age18To21, Age21To27],
    extra_delivery: Some(Phone),
    hours: Hours::Counselling,
    texts: &[
        "Die Migrationsberatung hilft Zugewanderten bei Aufenthalt, Anerkennung von Abschlüssen, Sprachkursen und Behördenpost.",
        "Neu in {T}? Wir beraten Familien und junge Menschen mit Einwanderungsgeschichte zu allen Fragen des Ankommens.",
    ],
    extras: &[
        "Bei Bedarf wird eine Sprachmittlung organisiert.",
        "Bitte bringen Sie Ihre Unterlagen mit.",
        "Die Beratung ist kostenlos und vertraulich.",
    ],
    roles: &[("Migrationsberaterin", "Migrationsberater")],
    multilingual: true,
    ..BASE
};

// --- Gesundheit ---------------------------------------------------------------------------

const HEBAMMENSPRECHSTUNDE: OfferKind = OfferKind {
    slug: "hebammensprechstunde",
    names: &[
        "Hebammensprechstunde {T}",
        "Offene Hebammensprechstunde {A}",
        "Hebammen-Sprechstunde für Frauen ohne Hebamme – {T}",
    ],
    topics: &[Topic::Health, Topic::EarlyHelp],
    phases: &[Pregnancy, Age0To3, Parents],
    hours: Hours::Group,
    texts: &[
        "In der offenen Sprechstunde beantworten Hebammen Fragen zu Schwangerschaft, Stillen und dem ersten Lebensjahr.",
        "Für Schwangere und junge Mütter, die keine eigene Hebamme gefunden haben: Beratung, Wiegen und Tipps für den Alltag.",
    ],
    extras: &[
        "Eine Anmeldung ist nicht erforderlich.",
        "Bitte bringen Sie Mutterpass oder Vorsorgeheft mit.",
        "Die Kosten übernimmt die Krankenkasse.",
    ],
    roles: &[("Hebamme", "Entbindungspfleger")],
    ..BASE
};

const GEBURTSVORBEREITUNG: OfferKind = OfferKind {
    slug: "geburtsvorbereitung",
    names: &[
        "Geburtsvorbereitungskurs {T}",
        "Geburtsvorbereitung für Paare {A}",
        "Geburtsvorbereitung für Schwangere – {T}",
    ],
    topics: &[Topic::Health, Topic::FamilyEducation],
    phases: &[Pregnancy, Parents],
    cost: [60, 0, 40],
    price: Price::Partner,
    hours: Hours::EveningCourse,
    texts: &[
        "Der Kurs bereitet Schwangere und ihre Begleitpersonen auf Geburt und Wochenbett vor – mit Atemübungen und viel Raum für Fragen.",
        "Was passiert bei der Geburt, und was hilft? Eine Hebamme vermittelt Wissen, Entspannung und Zuversicht.",
    ],
    extras: &[
        "Für Schwangere übernimmt die Krankenkasse die Kosten.",
        "Begleitpersonen zahlen einen eigenen Beitrag.",
        "Bitte bequeme Kleidung und ein Kissen mitbringen.",
    ],
    roles: &[("Hebamme", "Entbindungspfleger")],
    ..BASE
};

const RUECKBILDUNG: OfferKind = OfferKind {
    slug: "rueckbildung",
    names: &[
        "Rückbildungskurs {T}",
        "Rückbildungsgymnastik mit Baby {A}",
        "Rückbildung und Beckenboden – {T}",
    ],
    topics: &[Topic::Health],
    phases: &[Age0To3, Parents],
    cost: [70, 0, 30],
    hours: Hours::DayCourse,
    texts: &[
        "Nach der Geburt stärken Mütter in kleiner Gruppe Beckenboden, Bauch und Rücken – die Babys dürfen dabei sein.",
        "Der Rückbildungskurs hilft, nach Schwangerschaft und Geburt wieder gut im eigenen Körper anzukommen.",
    ],
    extras: &[
        "Beginn frühestens sechs Wochen nach der Geburt.",
        "Die Krankenkasse übernimmt die Kosten, wenn der Kurs bis zum neunten Lebensmonat beendet wird.",
        "Bitte eine Decke mitbringen.",
    ],
    roles: &[("Hebamme", "Physiotherapeut")],
    ..BASE
};

const SCHREIBABY: OfferKind = OfferKind {
    slug: "schreibaby",
    names: &[
        "Schreibaby-Sprechstunde {T}",
        "Sprechstunde für Eltern von Schreibabys {A}",
        "Beratung bei Schlaf- und Schreiproblemen – {T}",
    ],
    topics: &[Topic::Health, Topic::EarlyHelp],
    phases: &[Age0To3, Parents],
    extra_delivery: Some(Phone),
    hours: Hours::Appointment,
    texts: &[
        "Wenn das Baby viel schreit und schlecht schläft, helfen wir Eltern, Ruhe zu finden und ihr Kind besser zu verstehen.",
        "Die Sprechstunde unterstützt erschöpfte Eltern von Babys, die untröstlich weinen – schnell und ohne lange Wartezeit.",
    ],
    extras: &[
        "In akuten Situationen rufen Sie bitte direkt an.",
        "Die Beratung ist kostenlos.",
        "Ein Hausbesuch ist nach Absprache möglich.",
    ],
    roles: &[("Kinderkrankenschwester", "Kinderkrankenpfleger")],
    ..BASE
};

const LOGOPAEDIE: OfferKind = OfferKind {
    slug: "logopaedie",
    names: &[
        "Logopädie für Kinder {T}",
        "Sprachtherapie für Kinder {A}",
        "Sprechstunde Sprachentwicklung {T}",
    ],
    topics: &[Topic::Health],
    phases: &[Age3To6, Age6To10],
    hours: Hours::Appointment,
    texts: &[
        "Die Praxis behandelt Kinder mit Sprach-, Sprech- und Schluckstörungen auf ärztliche Verordnung.",
        "Wenn Kinder spät sprechen, lispeln oder stottern, hilft eine logopädische Therapie – spielerisch und mit Eltern im Boot.",
    ],
    extras: &[
        "Bitte bringen Sie die ärztliche Verordnung mit.",
        "Die Kosten übernimmt die Krankenkasse.",
        "Hausbesuche sind in Ausnahmefällen möglich.",
    ],
    roles: &[("Logopädin", "Logopäde")],
    ..BASE
};

const ERGOTHERAPIE: OfferKind = OfferKind {
    slug: "ergotherapie",
    names: &[
        "Ergotherapie für Kinder {T}",
        "Kinderergotherapie {A}",
        "Ergotherapie bei Konzentrationsproblemen – {T}",
    ],
    topics: &[Topic::Health, Topic::DisabilityInclusion],
    phases: &[Age3To6, Age6To10, Age10To14],
    hours: Hours::Appointment,
    texts: &[
        "Ergotherapie fördert Kinder mit Schwierigkeiten in Bewegung, Wahrnehmung oder Konzentration.",
        "In der Kinderergotherapie üben Kinder spielerisch Alltagsfertigkeiten – vom Schuhebinden bis zum Stillsitzen in der Schule.",
    ],
    extras: &[
        "Behandlung auf ärztliche Verordnung.",
        "Eltern bekommen Anregungen für zu Hause.",
        "Termine auch am späten Nachmittag.",
    ],
    roles: &[("Ergotherapeutin", "Ergotherapeut")],
    ..BASE
};

const PSYCHOTHERAPIE: OfferKind = OfferKind {
    slug: "psychotherapie-sprechstunde",
    names: &[
        "Psychotherapeutische Sprechstunde für Kinder und Jugendliche {T}",
        "Erstgespräch Kinder- und Jugendpsychotherapie {A}",
    ],
    topics: &[Topic::Health],
    phases: &[Age6To10, Age10To14, Age14To18, Age18To21],
    extra_delivery: Some(Online),
    hours: Hours::Appointment,
    texts: &[
        "In der Sprechstunde klären wir mit Kindern, Jugendlichen und Eltern, ob und welche Hilfe sinnvoll ist.",
        "Bei Ängsten, Traurigkeit, Essstörungen oder Problemen in der Schule bietet die Praxis zeitnahe Erstgespräche.",
    ],
    extras: &[
        "Bitte die Versichertenkarte mitbringen.",
        "Die Kosten übernimmt die Krankenkasse.",
        "Ab 15 Jahren können Jugendliche auch allein kommen.",
    ],
    roles: &[("Psychotherapeutin", "Psychotherapeut")],
    ..BASE
};

// --- Bildung & Schule ---------------------------------------------------------------------

const HAUSAUFGABENHILFE: OfferKind = OfferKind {
    slug: "hausaufgabenhilfe",
    names: &[
        "Hausaufgabenhilfe {A}",
        "Hausaufgabenhilfe {T}",
        "Lernzeit am Nachmittag – {T}",
        "Hausaufgabenbetreuung für Grundschulkinder in {T}",
    ],
    topics: &[Topic::School],
    phases: &[Age6To10, Age10To14],
    cost: [80, 20, 0],
    hours: Hours::Afternoon,
    texts: &[
        "Ehrenamtliche und Honorarkräfte helfen Schülerinnen und Schülern nachmittags bei den Hausaufgaben.",
        "In ruhiger Atmosphäre werden Hausaufgaben erledigt, Vokabeln geübt und Fragen geklärt – in kleinen Gruppen.",
    ],
    extras: &[
        "Ein Snack und Getränke stehen bereit.",
        "Zum Start gibt es ein kurzes Kennenlernen mit den Eltern.",
        "In den Schulferien findet keine Hausaufgabenhilfe statt.",
    ],
    roles: &[("Pädagogische Mitarbeiterin", "Pädagogischer Mitarbeiter")],
    ..BASE
};

const LERNPATEN: OfferKind = OfferKind {
    slug: "lernpaten",
    names: &[
        "Lernpaten {T}",
        "Lernpatenschaften {A}",
        "Lesepaten für Grundschulkinder in {T}",
    ],
    topics: &[Topic::School],
    phases: &[Age6To10, Age10To14],
    hours: Hours::Appointment,
    texts: &[
        "Ehrenamtliche Lernpatinnen und -paten treffen sich einmal pro Woche mit einem Kind zum Lesen, Rechnen und Reden.",
        "Eine feste Bezugsperson, die Zeit hat: Lernpaten stärken Kinder beim Lernen und beim Selbstvertrauen.",
    ],
    extras: &[
        "Die Vermittlung erfolgt über die Schule oder direkt bei uns.",
        "Neue Patinnen und Paten sind herzlich willkommen.",
        "Das Angebot ist kostenlos.",
    ],
    roles: &[("Koordinatorin Lernpaten", "Koordinator Lernpaten")],
    ..BASE
};

const SCHULSOZIALARBEIT: OfferKind = OfferKind {
    slug: "schulsozialarbeit",
    names: &[
        "Schulsozialarbeit {A}",
        "Sprechstunde Schulsozialarbeit {M}",
        "Schulsozialarbeit – offene Tür {A}",
    ],
    topics: &[Topic::School, Topic::Counselling],
    phases: &[Age6To10, Age10To14, Age14To18, Parents],
    hours: Hours::Office,
    texts: &[
        "Die Schulsozialarbeit ist Ansprechpartnerin für Schülerinnen, Schüler und Eltern bei Sorgen, Streit oder Mobbing.",
        "Ob Stress mit Mitschülern, Probleme zu Hause oder Fragen zum Bildungspaket – die Schulsozialarbeit hört zu und hilft weiter.",
    ],
    extras: &[
        "Gespräche sind vertraulich.",
        "Eltern können auch einen Termin am Nachmittag vereinbaren.",
        "Auch Klassenprojekte zu Teamgeist und Medien werden angeboten.",
    ],
    roles: &[("Schulsozialarbeiterin", "Schulsozialarbeiter")],
    ..BASE
};

const LERNCAFE: OfferKind = OfferKind {
    slug: "lerncafe",
    names: &[
        "Lerncafé für Jugendliche {T}",
        "Lerncafé {A}",
        "Prüfungsvorbereitung Klasse 10 – {T}",
    ],
    topics: &[Topic::School],
    phases: &[Age10To14, Age14To18],
    cost: [80, 20, 0],
    hours: Hours::Afternoon,
    texts: &[
        "Im Lerncafé bereiten sich Jugendliche auf Klassenarbeiten und Prüfungen vor – mit Unterstützung von Studierenden.",
        "Ein ruhiger Ort zum Lernen mit WLAN, Laptops und Leuten, die bei Mathe, Deutsch und Englisch weiterhelfen.",
    ],
    extras: &[
        "Einfach vorbeikommen, eine Anmeldung ist nicht nötig.",
        "Vor den Zentralen Prüfungen gibt es Extra-Termine.",
        "Getränke gibt es gratis.",
    ],
    roles: &[("Sozialpädagogin", "Sozialpädagoge")],
    ..BASE
};

// --- Sprache & Integration ----------------------------------------------------------------

const SPRACHCAFE: OfferKind = OfferKind {
    slug: "sprachcafe",
    names: &[
        "Sprachcafé {T}",
        "Sprachcafé International {A}",
        "Deutsch üben im Sprachcafé – {T}",
    ],
    topics: &[Topic::LanguageIntegration],
    phases: &[Parents, Age18To21, Age21To27],
    hours: Hours::Group,
    texts: &[
        "Im Sprachcafé üben Menschen aus aller Welt gemeinsam mit Ehrenamtlichen Deutsch im Gespräch.",
        "Bei Tee und Gebäck kommen Neuzugewanderte und Einheimische ins Gespräch – jede Sprachstufe ist willkommen.",
    ],
    extras: &[
        "Kinder können mitgebracht werden; es gibt eine Spielecke.",
        "Eine Anmeldung ist nicht nötig.",
        "Auch Fragen zu Behördenbriefen können mitgebracht werden.",
    ],
    roles: &[("Integrationsbeauftragte", "Integrationsbeauftragter")],
    multilingual: true,
    ..BASE
};

const DEUTSCHKURS_KINDERBETREUUNG: OfferKind = OfferKind {
    slug: "deutschkurs-kinderbetreuung",
    names: &[
        "Deutschkurs mit Kinderbetreuung {T}",
        "Deutsch für Mütter und Väter mit Kinderbetreuung {A}",
        "Deutschkurs für Eltern – mit Kinderbetreuung in {T}",
    ],
    topics: &[Topic::LanguageIntegration, Topic::FamilyEducation],
    phases: &[Parents, Age0To3, Age3To6],
    cost: [60, 40, 0],
    hours: Hours::DayCourse,
    texts: &[
        "Eltern lernen Deutsch für den Alltag, während ihre kleinen Kinder im Nebenraum betreut werden.",
        "Ein Sprachkurs für Eltern mit Kindern unter sechs Jahren: Deutsch lernen für Kita, Arzt und Einkauf – mit Kinderbetreuung.",
    ],
    extras: &[
        "Der Einstieg ist jederzeit möglich.",
        "Vorkenntnisse sind nicht nötig.",
        "Die Betreuung übernehmen erfahrene Fachkräfte.",
    ],
    roles: &[("Kursleiterin", "Kursleiter")],
    multilingual: true,
    ..BASE
};

const INTEGRATIONSLOTSEN: OfferKind = OfferKind {
    slug: "integrationslotsen",
    names: &[
        "Integrationslotsen {T}",
        "Ehrenamtliche Integrationslotsen {A}",
        "Begleitung zu Ämtern und Ärzten – {T}",
    ],
    topics: &[Topic::LanguageIntegration],
    phases: &[Parents, Age18To21, Age21To27],
    delivery: &[OnSite, Outreach],
    hours: Hours::Appointment,
    texts: &[
        "Integrationslotsinnen und -lotsen begleiten neu zugewanderte Familien zu Behörden, Schulen und Arztpraxen.",
        "Ehrenamtliche mit eigener Einwanderungsgeschichte helfen beim Ankommen in {T} und erklären, wie vieles hier funktioniert.",
    ],
    extras: &[
        "Viele Lotsen sprechen mehrere Sprachen.",
        "Die Begleitung ist kostenlos.",
        "Bitte melden Sie Ihren Bedarf einige Tage vorher an.",
    ],
    roles: &[(
        "Koordinatorin Integrationslotsen",
        "Koordinator Integrationslotsen",
    )],
    multilingual: true,
    ..BASE
};

const SPRACHMITTLUNG: OfferKind = OfferKind {
    slug: "sprachmittlung",
    names: &[
        "Sprach- und Kulturmittlung {T}",
        "Dolmetschdienst für Familien {A}",
    ],
    topics: &[Topic::LanguageIntegration],
    phases: &[Parents],
    delivery: &[OnSite, Phone],
    hours: Hours::Appointment,
    texts: &[
        "Geschulte Sprachmittlerinnen und Sprachmittler begleiten Gespräche in Kita, Schule und Beratung.",
        "Damit Eltern verstehen und verstanden werden: Wir vermitteln Sprachmittlung für wichtige Gespräche in {T}.",
    ],
    extras: &[
        "Bitte mindestens eine Woche vorher anfragen.",
        "Die Sprachmittlung ist für Familien kostenlos.",
        "Auch telefonische Sprachmittlung ist möglich.",
    ],
    roles: &[("Koordinatorin Sprachmittlung", "Koordinator Sprachmittlung")],
    multilingual: true,
    ..BASE
};

const SPRACHFOERDERUNG: OfferKind = OfferKind {
    slug: "sprachfoerderung",
    names: &[
        "Sprachförderung für Kindergartenkinder {A}",
        "Sprachspielgruppe {M}",
        "Mehrsprachig groß werden – Spielgruppe in {T}",
    ],
    topics: &[Topic::LanguageIntegration, Topic::Childcare],
    phases: &[Age3To6],
    hours: Hours::Group,
    texts: &[
        "In kleinen Gruppen erweitern Kinder mit Liedern, Reimen und Spielen ihren deutschen Wortschatz.",
        "Die Sprachspielgruppe unterstützt Kinder, die mit mehreren Sprachen aufwachsen, vor dem Schulstart.",
    ],
    extras: &[
        "Eltern erhalten Tipps, wie sie die Familiensprache stärken können.",
        "Die Gruppe trifft sich wöchentlich.",
        "Auch Kinder ohne Kitaplatz können teilnehmen.",
    ],
    roles: &[("Sprachförderkraft", "Sprachförderkraft")],
    multilingual: true,
    ..BASE
};

// --- Ausbildung & Beruf -------------------------------------------------------------------

const BERUFSORIENTIERUNG: OfferKind = OfferKind {
    slug: "berufsorientierung",
    names: &[
        "Berufsorientierung {A}",
        "Berufsorientierungstage {T}",
        "Praktikumsbörse für Jugendliche in {T}",
    ],
    topics: &[Topic::TrainingWork],
    phases: &[Age14To18, Age18To21],
    hours: Hours::Afternoon,
    texts: &[
        "Jugendliche entdecken ihre Stärken, lernen Berufe in der Region kennen und finden passende Praktikumsplätze.",
        "Welche Ausbildung passt zu mir? Wir unterstützen Schülerinnen und Schüler ab Klasse 8 bei der Berufswahl.",
    ],
    extras: &[
        "Betriebe aus {T} stellen sich regelmäßig vor.",
        "Eltern sind zu den Infoabenden eingeladen.",
        "Die Teilnahme ist kostenlos.",
    ],
    roles: &[("Berufswegebegleiterin", "Berufswegebegleiter")],
    ..BASE
};

const BEWERBUNGSTRAINING: OfferKind = OfferKind {
    slug: "bewerbungstraining",
    names: &[
        "Bewerbungstraining {T}",
        "Bewerbungswerkstatt {A}",
        "Bewerbungsmappen-Check für junge Leute – {T}",
    ],
    topics: &[Topic::TrainingWork],
    phases: &[Age14To18, Age18To21, Age21To27],
    extra_delivery: Some(Online),
    hours: Hours::Course,
    texts: &[
        "Im Bewerbungstraining schreiben junge Menschen Anschreiben und Lebenslauf und üben Vorstellungsgespräche.",
        "Wir checken Bewerbungsunterlagen, machen Mut und üben das Vorstellungsgespräch – auch kurzfristig vor einem Termin.",
    ],
    extras: &[
        "Bitte Zeugnisse und vorhandene Unterlagen mitbringen.",
        "Ein Laptop kann vor Ort genutzt werden.",
        "Bewerbungsfotos werden kostenlos gemacht.",
    ],
    roles: &[("Jobcoach", "Jobcoach")],
    ..BASE
};

const JUGENDBERUFSAGENTUR: OfferKind = OfferKind {
    slug: "jugendberufsagentur",
    names: &[
        "Sprechstunde der Jugendberufsagentur in {T}",
        "Jugendberufsagentur – Beratung vor Ort {A}",
    ],
    topics: &[Topic::TrainingWork, Topic::Counselling],
    phases: &[Age14To18, Age18To21, Age21To27],
    extra_delivery: Some(Phone),
    hours: Hours::Counselling,
    texts: &[
        "Berufsberatung, Jobcenter und Jugendhilfe beraten junge Menschen unter 25 gemeinsam an einem Ort.",
        "Ob Schulabschluss, Ausbildung oder Job – die Jugendberufsagentur hilft bei allen Fragen rund um den Einstieg in den Beruf.",
    ],
    extras: &[
        "Termine gibt es auch kurzfristig.",
        "Bitte den Personalausweis mitbringen.",
        "Eltern dürfen gern mitkommen.",
    ],
    roles: &[
        ("Berufsberaterin", "Berufsberater"),
        ("Fallmanagerin", "Fallmanager"),
    ],
    ..BASE
};

const AUSBILDUNGSBEGLEITUNG: OfferKind = OfferKind {
    slug: "ausbildungsbegleitung",
    names: &[
        "Ausbildungsbegleitung {T}",
        "Coaching für Auszubildende {A}",
        "Ausbildung durchhalten – Begleitung in {T}",
    ],
    topics: &[Topic::TrainingWork],
    phases: &[Age14To18, Age18To21, Age21To27],
    extra_delivery: Some(Phone),
    hours: Hours::Appointment,
    texts: &[
        "Wenn es in der Ausbildung hakt, unterstützen wir Azubis bei Lernstoff, Konflikten im Betrieb und Prüfungsangst.",
        "Die Ausbildungsbegleitung hilft jungen Menschen, ihre Ausbildung erfolgreich abzuschließen – mit Nachhilfe und Coaching.",
    ],
    extras: &[
        "Termine auch nach Feierabend.",
        "Auch Betriebe können sich melden.",
        "Das Angebot ist kostenlos.",
    ],
    roles: &[("Ausbildungscoach", "Ausbildungscoach")],
    ..BASE
};

const WERKSTATTJAHR: OfferKind = OfferKind {
    slug: "werkstattjahr",
    names: &[
        "Werkstattjahr für junge Erwachsene {T}",
        "Holz- und Metallwerkstatt {A}",
        "Praxisjahr Handwerk – {T}",
    ],
    topics: &[Topic::TrainingWork],
    phases: &[Age14To18, Age18To21, Age21To27],
    hours: Hours::Office,
    texts: &[
        "Junge Menschen ohne Ausbildungsplatz arbeiten in Holz-, Metall- und Hauswirtschaftswerkstätten und holen Abschlüsse nach.",
        "Im Werkstattjahr wird praktisch gearbeitet, gelernt und der Weg in eine Ausbildung vorbereitet.",
    ],
    extras: &[
        "Der Einstieg ist laufend möglich.",
        "Eine Aufwandsentschädigung wird gezahlt.",
        "Sozialpädagogische Begleitung ist inklusive.",
    ],
    roles: &[
        ("Anleiterin", "Anleiter"),
        ("Sozialpädagogin", "Sozialpädagoge"),
    ],
    ..BASE
};

const TEILZEITAUSBILDUNG: OfferKind = OfferKind {
    slug: "teilzeitausbildung",
    names: &[
        "Beratung Teilzeitausbildung für junge Eltern {T}",
        "Ausbildung in Teilzeit – Sprechstunde {A}",
    ],
    topics: &[Topic::TrainingWork, Topic::Counselling],
    phases: &[Parents, Age18To21, Age21To27],
    hours: Hours::Counselling,
    texts: &[
        "Junge Mütter und Väter erfahren, wie eine Ausbildung in Teilzeit mit Kind gelingt – von der Betriebssuche bis zur Kinderbetreuung.",
        "Wir beraten Eltern unter 27 zu Teilzeitausbildung, Finanzierung und Betreuung und stellen Kontakte zu Betrieben her.",
    ],
    extras: &[
        "Kinder können zum Termin mitgebracht werden.",
        "Die Beratung ist kostenlos.",
        "Auch Alleinerziehende sind herzlich eingeladen.",
    ],
    roles: &[("Beraterin", "Berater")],
    ..BASE
};

// --- Freizeit & Sport ---------------------------------------------------------------------

const JUGENDTREFF: OfferKind = OfferKind {
    slug: "offener-treff",
    names: &[
        "Offener Treff {A}",
        "Jugendcafé {T}",
        "Offener Jugendtreff {M}",
        "Mädchentreff {A}",
    ],
    topics: &[Topic::LeisureSport],
    phases: &[Age10To14, Age14To18],
    hours: Hours::Youth,
    texts: &[
        "Der offene Treff ist ein Ort zum Abhängen, Kickern, Kochen und Reden – ohne Anmeldung und ohne Konsumzwang.",
        "Jugendliche gestalten ihren Treff mit: Musik, Spiele, Ausflüge und ein offenes Ohr von den Mitarbeitenden.",
    ],
    extras: &[
        "WLAN und Spielkonsole sind vorhanden.",
        "Einmal im Monat gibt es einen Aktionstag.",
        "Für Mädchen gibt es einen eigenen Nachmittag.",
    ],
    roles: &[
        ("Jugendreferentin", "Jugendreferent"),
        ("Leitung", "Leitung"),
    ],
    ..BASE
};

const FERIENFREIZEIT: OfferKind = OfferKind {
    slug: "ferienfreizeit",
    names: &[
        "Ferienfreizeit an der Nordsee – {T}",
        "Zeltlager in den Sommerferien – {T}",
        "Ferienfreizeit {A}",
        "Ferienfahrt für Jugendliche ab {T}",
    ],
    topics: &[Topic::LeisureSport],
    phases: &[Age6To10, Age10To14, Age14To18],
    cost: [10, 50, 40],
    price: Price::Trip,
    hours: Hours::Holiday,
    texts: &[
        "Eine Woche raus aus dem Alltag: Zelten, Schwimmen, Lagerfeuer und neue Freundschaften – begleitet von geschulten Teamern.",
        "Die Ferienfreizeit bietet Kindern und Jugendlichen erholsame Tage mit Ausflügen, Spielen und viel Gemeinschaft.",
    ],
    extras: &[
        "Ein Vortreffen für Eltern findet vorher statt.",
        "Zuschüsse für Familien mit geringem Einkommen sind möglich.",
        "Die Plätze werden nach Anmeldedatum vergeben.",
    ],
    roles: &[("Freizeitleitung", "Freizeitleitung")],
    ..BASE
};

const SCHWIMMKURS: OfferKind = OfferKind {
    slug: "schwimmkurs",
    names: &[
        "Schwimmkurs für Kinder {T}",
        "Seepferdchen-Kurs {A}",
        "Schwimmkurs für Anfänger – {T}",
    ],
    topics: &[Topic::LeisureSport],
    phases: &[Age3To6, Age6To10],
    cost: [10, 30, 60],
    hours: Hours::Sport,
    texts: &[
        "Im Schwimmkurs lernen Kinder ab fünf Jahren sicher schwimmen und können das Seepferdchen-Abzeichen ablegen.",
        "Wassergewöhnung, Gleiten, Tauchen: In kleinen Gruppen werden Kinder Schritt für Schritt zu sicheren Schwimmern.",
    ],
    extras: &[
        "Der Kurs findet im Hallenbad statt.",
        "Die Warteliste ist lang, bitte früh anmelden.",
        "Eltern warten im Foyer.",
    ],
    roles: &[("Übungsleiterin", "Übungsleiter")],
    ..BASE
};

const KINDERTURNEN: OfferKind = OfferKind {
    slug: "kinderturnen",
    names: &[
        "Eltern-Kind-Turnen {A}",
        "Kinderturnen {T}",
        "Bewegungsspaß für Minis – {T}",
    ],
    topics: &[Topic::LeisureSport],
    phases: &[Age0To3, Age3To6, Parents],
    cost: [10, 20, 70],
    price: Price::Membership,
    hours: Hours::Sport,
    texts: &[
        "Klettern, Rollen, Balancieren: Beim Turnen erobern Kinder mit ihren Eltern die Bewegungslandschaft in der Sporthalle.",
        "Im Kinderturnen sammeln Kinder vielfältige Bewegungserfahrungen und haben Spaß in der Gruppe.",
    ],
    extras: &[
        "Ein Probetraining ist jederzeit möglich.",
        "Bitte Turnschläppchen oder Stoppersocken mitbringen.",
        "In den Schulferien ruht der Betrieb.",
    ],
    roles: &[("Übungsleiterin", "Übungsleiter")],
    ..BASE
};

const FUSSBALL: OfferKind = OfferKind {
    slug: "fussball",
    names: &[
        "Mädchenfußball {A}",
        "Fußball für Kinder und Jugendliche in {T}",
        "Fußballschule für Kinder {M}",
    ],
    topics: &[Topic::LeisureSport],
    phases: &[Age6To10, Age10To14, Age14To18],
    cost: [20, 20, 60],
    price: Price::Membership,
    hours: Hours::Sport,
    texts: &[
        "Training in altersgerechten Gruppen mit erfahrenen Trainerinnen und Trainern – Anfängerinnen und Anfänger sind willkommen.",
        "Beim Fußball zählen Fairplay und Spaß: Kinder trainieren zweimal pro Woche in festen Teams und spielen in der Kreisliga.",
    ],
    extras: &[
        "Fußballschuhe können ausgeliehen werden.",
        "Ein Probetraining ist jederzeit möglich.",
        "Im Sommer wird draußen gespielt.",
    ],
    roles: &[("Jugendtrainerin", "Jugendtrainer")],
    ..BASE
};

const KREATIV: OfferKind = OfferKind {
    slug: "kreativwerkstatt",
    names: &[
        "Kreativwerkstatt für Kinder {A}",
        "Kreativgruppe für Kinder in {T}",
        "Kunst- und Theaterwerkstatt {M}",
    ],
    topics: &[Topic::LeisureSport],
    phases: &[Age6To10, Age10To14],
    cost: [50, 30, 20],
    hours: Hours::Course,
    texts: &[
        "Malen, Werken, Theater spielen: Kinder probieren sich kreativ aus und zeigen ihre Ergebnisse am Ende des Halbjahres.",
        "In der Kreativwerkstatt entstehen Kunstwerke, Theaterstücke und Songs – Vorkenntnisse braucht niemand.",
    ],
    extras: &[
        "Material wird gestellt.",
        "Die Gruppe hat höchstens zwölf Kinder.",
        "Zum Abschluss gibt es eine Aufführung für die Familien.",
    ],
    roles: &[("Kunstpädagogin", "Kunstpädagoge")],
    ..BASE
};

// --- Finanzielle Hilfen -------------------------------------------------------------------

const BILDUNG_TEILHABE: OfferKind = OfferKind {
    slug: "bildung-und-teilhabe",
    names: &[
        "Beratung Bildungs- und Teilhabepaket {T}",
        "Bildung und Teilhabe – Antragshilfe {A}",
        "Sprechstunde Bildungspaket in {T}",
    ],
    topics: &[Topic::FinancialHelp],
    phases: &[Age3To6, Age6To10, Age10To14, Age14To18, Age18To21, Parents],
    extra_delivery: Some(Phone),
    hours: Hours::Office,
    texts: &[
        "Wir erklären, welche Leistungen aus dem Bildungs- und Teilhabepaket Ihrem Kind zustehen, und helfen beim Antrag.",
        "Schulbedarf, Klassenfahrt, Mittagessen oder Sportverein: Das Bildungspaket übernimmt viele Kosten – wir zeigen, wie.",
    ],
    extras: &[
        "Bitte den aktuellen Leistungsbescheid mitbringen.",
        "Die Beratung ist kostenlos.",
        "Auch Familien mit Wohngeld oder Kinderzuschlag haben Anspruch.",
    ],
    roles: &[("Sachbearbeiterin", "Sachbearbeiter")],
    ..BASE
};

const KINDERZUSCHLAG: OfferKind = OfferKind {
    slug: "kinderzuschlag",
    names: &[
        "Kinderzuschlag-Beratung {T}",
        "Hilfe beim Antrag auf Kinderzuschlag und Wohngeld {A}",
        "Sprechstunde Familienleistungen in {T}",
    ],
    topics: &[Topic::FinancialHelp, Topic::Counselling],
    phases: &[Parents],
    extra_delivery: Some(Phone),
    hours: Hours::Counselling,
    texts: &[
        "Viele Familien mit kleinem Einkommen wissen nicht, dass ihnen Kinderzuschlag oder Wohngeld zusteht – wir prüfen es gemeinsam.",
        "Wir helfen beim Ausfüllen von Anträgen auf Kinderzuschlag, Wohngeld, Elterngeld und Unterhaltsvorschuss.",
    ],
    extras: &[
        "Bitte Einkommensnachweise und Mietvertrag mitbringen.",
        "Die Beratung ist kostenlos.",
        "Auf Wunsch erinnern wir an Folgeanträge.",
    ],
    roles: &[("Sozialarbeiterin", "Sozialarbeiter")],
    ..BASE
};

const KLEIDERKAMMER: OfferKind = OfferKind {
    slug: "kinderkleiderkammer",
    names: &[
        "Kinderkleiderkammer {T}",
        "Kinderkleider- und Spielzeugbörse {A}",
        "Second-Hand-Laden für Babysachen in {T}",
    ],
    topics: &[Topic::FinancialHelp],
    phases: &[Age0To3, Age3To6, Age6To10, Parents],
    cost: [60, 40, 0],
    reduced_note: "kleine Schutzgebühr",
    hours: Hours::Group,
    texts: &[
        "Gut erhaltene Kinderkleidung, Spielzeug und Babyausstattung gibt es hier für wenig oder gar kein Geld.",
        "Ehrenamtliche sortieren gespendete Kinderkleidung in allen Größen – Familien können in Ruhe stöbern.",
    ],
    extras: &[
        "Sachspenden werden zu den Öffnungszeiten angenommen.",
        "Kinderwagen und Autositze bitte vorher anmelden.",
        "Ein Nachweis über das Einkommen ist nicht nötig.",
    ],
    roles: &[("Ehrenamtskoordinatorin", "Ehrenamtskoordinator")],
    ..BASE
};

const UNTERHALTSVORSCHUSS: OfferKind = OfferKind {
    slug: "unterhaltsvorschuss",
    names: &[
        "Unterhaltsvorschuss und Beistandschaft – Sprechstunde {T}",
        "Beratung Unterhalt und Beistandschaft {A}",
    ],
    topics: &[Topic::FinancialHelp, Topic::Counselling],
    phases: &[Parents],
    extra_delivery: Some(Phone),
    hours: Hours::Office,
    texts: &[
        "Alleinerziehende erhalten Beratung zu Unterhalt und Unterhaltsvorschuss und Unterstützung bei der Vaterschaftsfeststellung.",
        "Wenn der andere Elternteil keinen Unterhalt zahlt, hilft der Unterhaltsvorschuss – wir beraten und nehmen den Antrag auf.",
    ],
    extras: &[
        "Bitte Geburtsurkunde und Ausweis mitbringen.",
        "Eine Beistandschaft ist freiwillig und kostenlos.",
        "Termine auch telefonisch.",
    ],
    roles: &[
        ("Beistand", "Beistand"),
        ("Sachbearbeiterin", "Sachbearbeiter"),
    ],
    ..BASE
};

const FAMILIENPASS: OfferKind = OfferKind {
    slug: "familienpass",
    names: &[
        "Familienpass-Ausgabe {T}",
        "Familienpass und Ermäßigungen {A}",
    ],
    topics: &[Topic::FinancialHelp, Topic::LeisureSport],
    phases: &[Age3To6, Age6To10, Age10To14, Age14To18, Parents],
    hours: Hours::Office,
    texts: &[
        "Mit dem Familienpass erhalten Familien mit kleinem Einkommen Ermäßigungen in Schwimmbädern, Kursen und Vereinen in {T}.",
        "Hier wird der Familienpass ausgestellt – er öffnet Türen zu vielen Freizeit- und Bildungsangeboten zum kleinen Preis.",
    ],
    extras: &[
        "Bitte den Einkommensnachweis mitbringen.",
        "Der Pass gilt jeweils ein Jahr.",
        "Eine Liste der teilnehmenden Angebote gibt es vor Ort.",
    ],
    roles: &[("Sachbearbeiterin", "Sachbearbeiter")],
    ..BASE
};

// --- Behinderung & Inklusion --------------------------------------------------------------

const FRUEHFOERDERUNG: OfferKind = OfferKind {
    slug: "fruehfoerderung",
    names: &[
        "Interdisziplinäre Frühförderung {T}",
        "Frühförderung {A}",
        "Heilpädagogische Frühförderung in {T}",
    ],
    topics: &[Topic::DisabilityInclusion, Topic::Health],
    phases: &[Age0To3, Age3To6, Parents],
    delivery: &[OnSite, Outreach],
    hours: Hours::Appointment,
    texts: &[
        "Die Frühförderung unterstützt Kinder von der Geburt bis zum Schuleintritt, deren Entwicklung verzögert ist oder die eine Behinderung haben.",
        "Heilpädagogik, Logopädie und Physiotherapie unter einem Dach: Wir fördern kleine Kinder und beraten ihre Eltern.",
    ],
    extras: &[
        "Förderung ist auch zu Hause oder in der Kita möglich.",
        "Eine offene Erstberatung ist ohne Verordnung möglich.",
        "Die Kosten tragen Krankenkasse und Eingliederungshilfe.",
    ],
    roles: &[("Heilpädagogin", "Heilpädagoge")],
    ..BASE
};

const INKLUSIVE_SPIELGRUPPE: OfferKind = OfferKind {
    slug: "inklusive-spielgruppe",
    names: &[
        "Inklusive Spielgruppe {T}",
        "Spielgruppe für alle Kinder {A}",
        "Inklusive Eltern-Kind-Gruppe {M}",
    ],
    topics: &[Topic::DisabilityInclusion, Topic::LeisureSport],
    phases: &[Age0To3, Age3To6, Parents],
    cost: [70, 30, 0],
    hours: Hours::Group,
    texts: &[
        "Kinder mit und ohne Behinderung spielen, singen und toben gemeinsam – Eltern tauschen sich nebenbei aus.",
        "In der inklusiven Spielgruppe ist jedes Kind willkommen, egal wie es sich entwickelt.",
    ],
    extras: &[
        "Eine heilpädagogische Fachkraft leitet die Gruppe.",
        "Geschwisterkinder sind willkommen.",
        "Die Räume sind rollstuhlgerecht.",
    ],
    roles: &[("Heilpädagogin", "Heilpädagoge")],
    ..BASE
};

const AUTISMUSBERATUNG: OfferKind = OfferKind {
    slug: "autismusberatung",
    names: &[
        "Autismusberatung {T}",
        "Beratung für Familien mit autistischen Kindern {A}",
        "Elterngruppe Autismus in {T}",
    ],
    topics: &[Topic::DisabilityInclusion, Topic::Counselling],
    phases: &[Age3To6, Age6To10, Age10To14, Age14To18, Age18To21, Parents],
    extra_delivery: Some(Online),
    hours: Hours::Appointment,
    texts: &[
        "Wir beraten Eltern, Kitas und Schulen zu Autismus – vor und nach der Diagnose und bei Fragen zum Alltag.",
        "Familien mit autistischen Kindern finden hier Beratung, Austausch mit anderen Eltern und Hilfe bei Anträgen.",
    ],
    extras: &[
        "Eine Diagnose ist für das Erstgespräch nicht nötig.",
        "Die Elterngruppe trifft sich einmal im Monat.",
        "Gespräche sind auch per Video möglich.",
    ],
    roles: &[("Autismusberaterin", "Autismusberater")],
    ..BASE
};

const FAMILIENUNTERSTUETZENDER_DIENST: OfferKind = OfferKind {
    slug: "familienunterstuetzender-dienst",
    names: &[
        "Familienunterstützender Dienst {T}",
        "Entlastung für Familien mit behinderten Kindern {A}",
    ],
    topics: &[Topic::DisabilityInclusion],
    phases: &[Age3To6, Age6To10, Age10To14, Age14To18, Parents],
    delivery: &[Outreach],
    cost: [40, 60, 0],
    reduced_note: "Abrechnung über die Pflegekasse möglich",
    hours: Hours::Appointment,
    texts: &[
        "Geschulte Betreuungskräfte kommen nach Hause und verbringen Zeit mit Kindern mit Behinderung, damit Eltern durchatmen können.",
        "Der Dienst entlastet Familien stundenweise – für Freizeit, Arzttermine oder einfach eine Pause.",
    ],
    extras: &[
        "Auch Geschwisterkinder werden mitbedacht.",
        "Die Einsätze werden flexibel abgesprochen.",
        "Wir beraten zur Finanzierung über die Pflegekasse.",
    ],
    roles: &[("Einsatzleitung", "Einsatzleitung")],
    ..BASE
};

const INKLUSIVE_FREIZEIT: OfferKind = OfferKind {
    slug: "inklusive-ferienfreizeit",
    names: &[
        "Inklusive Ferienfreizeit {T}",
        "Ferien für alle – inklusive Freizeit {A}",
    ],
    topics: &[Topic::DisabilityInclusion, Topic::LeisureSport],
    phases: &[Age6To10, Age10To14, Age14To18, Age18To21],
    cost: [20, 60, 20],
    price: Price::Trip,
    hours: Hours::Holiday,
    texts: &[
        "Junge Menschen mit und ohne Behinderung verreisen gemeinsam – mit Pflege- und Betreuungskräften im Team.",
        "Eine Woche Ferien für alle: barrierefreie Unterkunft, abwechslungsreiches Programm und eine Betreuung, die passt.",
    ],
    extras: &[
        "Pflegerische Versorgung ist sichergestellt.",
        "Zuschüsse über die Pflegekasse sind möglich.",
        "Ein Kennenlerntag findet vorher statt.",
    ],
    roles: &[("Freizeitleitung", "Freizeitleitung")],
    ..BASE
};

const INKLUSIVER_SPORT: OfferKind = OfferKind {
    slug: "inklusiver-sport",
    names: &[
        "Inklusive Sportgruppe {A}",
        "Sport für alle – inklusive Gruppe in {T}",
        "Inklusive Bewegungsgruppe {T}",
    ],
    topics: &[Topic::DisabilityInclusion, Topic::LeisureSport],
    phases: &[Age6To10, Age10To14, Age14To18],
    cost: [30, 30, 40],
    price: Price::Membership,
    hours: Hours::Sport,
    texts: &[
        "Kinder und Jugendliche mit und ohne Behinderung trainieren gemeinsam – jede und jeder nach den eigenen Möglichkeiten.",
        "Bewegung, Teamgeist und Spaß: Die inklusive Gruppe passt Spiele und Übungen so an, dass alle mitmachen können.",
    ],
    extras: &[
        "Die Halle ist barrierefrei.",
        "Ein Probetraining ist jederzeit möglich.",
        "Assistenzkräfte sind willkommen.",
    ],
    roles: &[("Übungsleiterin", "Übungsleiter")],
    ..BASE
};

const TEILHABEBERATUNG: OfferKind = OfferKind {
    slug: "teilhabeberatung",
    names: &[
        "Teilhabeberatung für Familien {T}",
        "Beratung zu Eingliederungshilfe und Schulbegleitung {A}",
    ],
    topics: &[Topic::DisabilityInclusion, Topic::Counselling],
    phases: &[
        Age6To10, Age10To14, Age14To18, Age18To21, Age21To27, Parents,
    ],
    extra_delivery: Some(Phone),
    hours: Hours::Counselling,
    texts: &[
        "Wir beraten Familien und junge Menschen mit Behinderung zu Eingliederungshilfe, Schulbegleitung und persönlichem Budget.",
        "Welche Hilfe steht meinem Kind zu? Unabhängige Beraterinnen und Berater helfen, den Weg durch Anträge zu finden.",
    ],
    extras: &[
        "Einige Beraterinnen haben selbst eine Behinderung.",
        "Die Beratung ist kostenlos und unabhängig.",
        "Termine auch als Hausbesuch.",
    ],
    roles: &[("Peer-Beraterin", "Peer-Berater")],
    ..BASE
};

/// A type of organisation. `short` and `full` may use `{M}` (motto), `{S}` (short name) and
/// `{T}` (town).
struct OrgKind {
    short: &'static str,
    full: &'static str,
    /// Preposition with article for "im Familienzentrum …", "in der Beratungsstelle …".
    dative: &'static str,
    mottos: &'static [&'static str],
    descriptions: &'static [&'static str],
    /// The first offer kind is what the organisation is known for and always offered.
    offers: &'static [&'static OfferKind],
    min_offers: usize,
    max_offers: usize,
    /// Whether it also holds consultation hours in a neighbouring town.
    regional: bool,
    weight: u32,
}

const JUGENDAMT: OrgKind = OrgKind {
    short: "Kreisjugendamt",
    full: "Kreisjugendamt – Außenstelle {T}",
    dative: "im",
    mottos: &[],
    descriptions: &[
        "Außenstelle des Kreisjugendamts für Familien in {T}: Frühe Hilfen, Kindertagespflege und finanzielle Hilfen.",
        "Anlaufstelle des Kreisjugendamts in {T} für Eltern, Kinder und Jugendliche.",
    ],
    offers: &[
        &WILLKOMMENSBESUCH,
        &KINDERTAGESPFLEGE,
        &BILDUNG_TEILHABE,
        &UNTERHALTSVORSCHUSS,
        &FRUEHE_HILFEN,
        &BABYLOTSEN,
        &FAMILIENHEBAMME,
        &FAMILIENPASS,
    ],
    min_offers: 3,
    max_offers: 4,
    regional: false,
    weight: 0,
};

const FAMILIENZENTRUM: OrgKind = OrgKind {
    short: "Familienzentrum {M}",
    full: "{S} {T}",
    dative: "im",
    mottos: &[
        "Regenbogen",
        "Sonnenschein",
        "Pusteblume",
        "Kunterbunt",
        "Löwenzahn",
        "Sternschnuppe",
        "Spatzennest",
        "Wirbelwind",
        "Mosaik",
        "Kleeblatt",
        "Schatzkiste",
        "Sonnenblume",
        "Himmelszelt",
        "Arche",
    ],
    descriptions: &[
        "Familienzentrum mit Kita, Elterncafé und Kursen für Familien in {T}.",
        "Treffpunkt für Familien in {T}: Betreuung, Bildung und Beratung unter einem Dach.",
    ],
    offers: &[
        &KITA,
        &ELTERN_BABY_CAFE,
        &SPIELGRUPPE,
        &PEKIP,
        &ERSTE_HILFE,
        &ELTERNKURS,
        &BABYMASSAGE,
        &SPRACHCAFE,
        &DEUTSCHKURS_KINDERBETREUUNG,
        &SPRACHFOERDERUNG,
        &VORLESEN,
        &HEBAMMENSPRECHSTUNDE,
        &KLEIDERKAMMER,
        &INKLUSIVE_SPIELGRUPPE,
        &FAMILIENPATEN,
    ],
    min_offers: 2,
    max_offers: 4,
    regional: false,
    weight: 14,
};

const KITA_TRAEGER: OrgKind = OrgKind {
    short: "Kita {M}",
    full: "{S} {T}",
    dative: "in der",
    mottos: &[
        "Zwergenland",
        "Rappelkiste",
        "Schneckenhaus",
        "Wichtelhaus",
        "Sonnenkäfer",
        "Glühwürmchen",
        "Purzelbaum",
        "Weltentdecker",
        "Mäusenest",
        "Zauberwald",
    ],
    descriptions: &[
        "Kindertageseinrichtung für Kinder von einem Jahr bis zum Schuleintritt in {T}.",
        "Kleine Kita mit naturnahem Außengelände in {T}.",
    ],
    offers: &[
        &KITA,
        &SPIELGRUPPE,
        &SPRACHFOERDERUNG,
        &ELTERN_BABY_CAFE,
        &VORLESEN,
    ],
    min_offers: 1,
    max_offers: 2,
    regional: false,
    weight: 8,
};

const BERATUNGSSTELLE: OrgKind = OrgKind {
    short: "Beratungsstelle {M}",
    full: "{S} {T}",
    dative: "in der",
    mottos: &[
        "Lichtblick",
        "Wegweiser",
        "Brückenschlag",
        "Anker",
        "Leuchtturm",
        "Horizont",
        "Weitblick",
        "Zuversicht",
        "Lotse",
    ],
    descriptions: &[
        "Psychosoziale Beratungsstelle für Familien, Paare und junge Menschen in {T}.",
        "Beratung in allen Lebenslagen – vertraulich und mit kurzen Wartezeiten, in {T} und Umgebung.",
    ],
    offers: &[
        &ERZIEHUNGSBERATUNG,
        &SCHWANGERSCHAFTSBERATUNG,
        &SCHULDNERBERATUNG,
        &TRENNUNGSBERATUNG,
        &KINDERZUSCHLAG,
        &JUGENDBERATUNG,
        &ALLEINERZIEHENDE,
        &MIGRATIONSBERATUNG,
        &TEILZEITAUSBILDUNG,
    ],
    min_offers: 2,
    max_offers: 4,
    regional: true,
    weight: 8,
};

const JUGENDTREFF_TRAEGER: OrgKind = OrgKind {
    short: "Jugendtreff {M}",
    full: "{S} {T}",
    dative: "im",
    mottos: &[
        "Kompass",
        "Oase",
        "Freiraum",
        "Bahnhof",
        "Funkwerk",
        "Insel",
        "Checkpoint",
        "Treibhaus",
        "Hafen",
        "Basislager",
    ],
    descriptions: &[
        "Offene Kinder- und Jugendarbeit in {T} mit Treff, Projekten und Ferienangeboten.",
        "Jugendhaus in {T} – Treffpunkt, Lernort und Anlaufstelle für junge Menschen.",
    ],
    offers: &[
        &JUGENDTREFF,
        &HAUSAUFGABENHILFE,
        &FERIENFREIZEIT,
        &BEWERBUNGSTRAINING,
        &BERUFSORIENTIERUNG,
        &KREATIV,
        &LERNCAFE,
        &FUSSBALL,
        &JUGENDBERATUNG,
    ],
    min_offers: 2,
    max_offers: 4,
    regional: false,
    weight: 9,
};

const SPORTVEREIN: OrgKind = OrgKind {
    short: "Sportverein {M}",
    full: "{S} {T} e. V.",
    dative: "beim",
    mottos: &[
        "Blau-Weiß",
        "Grün-Weiß",
        "Rot-Gold",
        "Schwarz-Weiß",
        "Grün-Gelb",
        "Blau-Gelb",
        "Rot-Weiß",
        "Eintracht",
    ],
    descriptions: &[
        "Breitensportverein in {T} mit Angeboten für Kinder, Jugendliche und Familien.",
        "Mehrspartenverein in {T}: Turnen, Schwimmen, Fußball und inklusive Gruppen.",
    ],
    offers: &[
        &KINDERTURNEN,
        &SCHWIMMKURS,
        &FUSSBALL,
        &INKLUSIVER_SPORT,
        &FERIENFREIZEIT,
    ],
    min_offers: 1,
    max_offers: 3,
    regional: false,
    weight: 9,
};

const GRUNDSCHULE: OrgKind = OrgKind {
    short: "Grundschule {M}",
    full: "{S}, {T}",
    dative: "in der",
    mottos: &[
        "Am Mühlenbach",
        "Am Wiesengrund",
        "Im Sonnenfeld",
        "An der Linde",
        "Am Eichenhain",
        "Im Lerchenfeld",
        "Am Hohen Kamp",
        "An der Burg",
    ],
    descriptions: &[
        "Grundschule in {T} mit Offenem Ganztag und Schulsozialarbeit.",
        "Gemeinschaftsgrundschule in {T} mit vielen Angeboten am Nachmittag.",
    ],
    offers: &[
        &OGS,
        &HAUSAUFGABENHILFE,
        &SCHULSOZIALARBEIT,
        &LERNPATEN,
        &FERIENBETREUUNG,
    ],
    min_offers: 2,
    max_offers: 3,
    regional: false,
    weight: 8,
};

const SEKUNDARSCHULE: OrgKind = OrgKind {
    short: "Sekundarschule {M}",
    full: "{S}, {T}",
    dative: "in der",
    mottos: &[
        "Am Stadtpark",
        "An den Eichen",
        "Am Bürgerwald",
        "Am Kreuzweg",
    ],
    descriptions: &[
        "Weiterführende Schule in {T} mit Schwerpunkt Berufsorientierung.",
        "Schule der Sekundarstufe I in {T} mit Ganztag und Schulsozialarbeit.",
    ],
    offers: &[
        &SCHULSOZIALARBEIT,
        &BERUFSORIENTIERUNG,
        &LERNCAFE,
        &LERNPATEN,
        &BEWERBUNGSTRAINING,
    ],
    min_offers: 2,
    max_offers: 3,
    regional: false,
    weight: 5,
};

const HEBAMMENPRAXIS: OrgKind = OrgKind {
    short: "Hebammenpraxis {M}",
    full: "{S} {T}",
    dative: "in der",
    mottos: &[
        "Storchennest",
        "Lebenslicht",
        "Nestwärme",
        "Mondkind",
        "Wiegenlied",
    ],
    descriptions: &[
        "Hebammenpraxis in {T}: Vorsorge, Kurse und Wochenbettbetreuung.",
        "Gemeinschaftspraxis freiberuflicher Hebammen in {T}.",
    ],
    offers: &[
        &HEBAMMENSPRECHSTUNDE,
        &GEBURTSVORBEREITUNG,
        &RUECKBILDUNG,
        &BABYMASSAGE,
        &SCHREIBABY,
    ],
    min_offers: 1,
    max_offers: 3,
    regional: false,
    weight: 5,
};

const THERAPIEZENTRUM: OrgKind = OrgKind {
    short: "Therapiezentrum {M}",
    full: "{S} {T}",
    dative: "im",
    mottos: &[
        "Sprachfreude",
        "Farbenfroh",
        "Wachsen & Werden",
        "Kleine Riesen",
        "Rückenwind",
    ],
    descriptions: &[
        "Therapeutische Praxis für Kinder und Jugendliche in {T}.",
        "Praxisgemeinschaft für Logopädie, Ergotherapie und Psychotherapie in {T}.",
    ],
    offers: &[&LOGOPAEDIE, &ERGOTHERAPIE, &PSYCHOTHERAPIE],
    min_offers: 1,
    max_offers: 2,
    regional: false,
    weight: 5,
};

const FAMILIENBILDUNGSSTAETTE: OrgKind = OrgKind {
    short: "Familienbildungsstätte {M}",
    full: "{S} {T}",
    dative: "in der",
    mottos: &[
        "Lebenswege",
        "Lernwerk",
        "Brückenbogen",
        "Zeitreich",
        "Wurzelwerk",
    ],
    descriptions: &[
        "Familienbildungsstätte mit Kursen für Eltern und Kinder in {T} und Umgebung.",
        "Bildungshaus für Familien in {T}: vom Babykurs bis zum Elternabend.",
    ],
    offers: &[
        &PEKIP,
        &ERSTE_HILFE,
        &ELTERNKURS,
        &BABYMASSAGE,
        &GEBURTSVORBEREITUNG,
        &FAMILIENKUECHE,
        &MEDIENELTERNABEND,
        &DEUTSCHKURS_KINDERBETREUUNG,
        &KREATIV,
        &SPIELGRUPPE,
    ],
    min_offers: 3,
    max_offers: 5,
    regional: true,
    weight: 5,
};

const JUGENDWERKSTATT: OrgKind = OrgKind {
    short: "Jugendwerkstatt {M}",
    full: "{S} {T}",
    dative: "in der",
    mottos: &[
        "Zukunft",
        "Perspektive",
        "Startklar",
        "Werkbank",
        "Sprungbrett",
        "Weichenstellung",
    ],
    descriptions: &[
        "Jugendberufshilfe in {T}: Orientierung, Qualifizierung und Begleitung auf dem Weg in Ausbildung und Arbeit.",
        "Werkstatt und Beratung für junge Menschen zwischen Schule und Beruf in {T}.",
    ],
    offers: &[
        &WERKSTATTJAHR,
        &BEWERBUNGSTRAINING,
        &BERUFSORIENTIERUNG,
        &JUGENDBERUFSAGENTUR,
        &AUSBILDUNGSBEGLEITUNG,
        &TEILZEITAUSBILDUNG,
    ],
    min_offers: 2,
    max_offers: 4,
    regional: true,
    weight: 5,
};

const INTEGRATIONSINITIATIVE: OrgKind = OrgKind {
    short: "Initiative {M}",
    full: "{S} {T} e. V.",
    dative: "bei der",
    mottos: &[
        "Miteinander",
        "Brückenbauer",
        "Willkommen",
        "Buntes Haus",
        "Nachbarschaft",
        "Vielfalt",
        "Ankommen",
    ],
    descriptions: &[
        "Ehrenamtliche Initiative in {T}, die Zugewanderte beim Ankommen unterstützt.",
        "Verein für Begegnung und Integration in {T}.",
    ],
    offers: &[
        &SPRACHCAFE,
        &DEUTSCHKURS_KINDERBETREUUNG,
        &INTEGRATIONSLOTSEN,
        &SPRACHMITTLUNG,
        &LERNPATEN,
        &HAUSAUFGABENHILFE,
        &KLEIDERKAMMER,
        &MIGRATIONSBERATUNG,
    ],
    min_offers: 2,
    max_offers: 3,
    regional: false,
    weight: 7,
};

const FRUEHFOERDERSTELLE: OrgKind = OrgKind {
    short: "Frühförderstelle {M}",
    full: "{S} {T}",
    dative: "in der",
    mottos: &[
        "Kleine Schritte",
        "Entdeckerland",
        "Sonnenstrahl",
        "Wegbegleiter",
    ],
    descriptions: &[
        "Interdisziplinäre Frühförderstelle für Kinder mit Entwicklungsverzögerung oder Behinderung in {T} und Umgebung.",
        "Förderung und Beratung für Familien mit Kindern bis zum Schuleintritt in {T}.",
    ],
    offers: &[
        &FRUEHFOERDERUNG,
        &INKLUSIVE_SPIELGRUPPE,
        &AUTISMUSBERATUNG,
        &ERGOTHERAPIE,
    ],
    min_offers: 1,
    max_offers: 3,
    regional: true,
    weight: 4,
};

const INKLUSIONSVEREIN: OrgKind = OrgKind {
    short: "Inklusionsverein {M}",
    full: "{S} {T} e. V.",
    dative: "beim",
    mottos: &["Hand in Hand", "Mittendrin", "Gemeinsam", "Alle zusammen"],
    descriptions: &[
        "Elternverein in {T}, der sich für die Teilhabe von Kindern und Jugendlichen mit Behinderung einsetzt.",
        "Verein für inklusive Freizeit und Beratung in {T}.",
    ],
    offers: &[
        &FAMILIENUNTERSTUETZENDER_DIENST,
        &INKLUSIVE_FREIZEIT,
        &INKLUSIVER_SPORT,
        &TEILHABEBERATUNG,
        &AUTISMUSBERATUNG,
    ],
    min_offers: 2,
    max_offers: 3,
    regional: false,
    weight: 4,
};

const FAMILIENNETZ: OrgKind = OrgKind {
    short: "Familiennetz {M}",
    full: "{S} {T} e. V.",
    dative: "beim",
    mottos: &[
        "Kinderglück",
        "Herzenswärme",
        "Zusammenhalt",
        "Lichterkette",
    ],
    descriptions: &[
        "Ehrenamtliches Netzwerk in {T}, das Familien im Alltag entlastet.",
        "Verein von Eltern für Eltern in {T}.",
    ],
    offers: &[
        &FAMILIENPATEN,
        &KLEIDERKAMMER,
        &ELTERN_BABY_CAFE,
        &ALLEINERZIEHENDE,
        &FERIENBETREUUNG,
    ],
    min_offers: 1,
    max_offers: 3,
    regional: false,
    weight: 5,
};

/// Every town gets these first, so even the smallest one shows the main kinds of help.
const CORE_KINDS: [&OrgKind; 6] = [
    &JUGENDAMT,
    &FAMILIENZENTRUM,
    &BERATUNGSSTELLE,
    &JUGENDTREFF_TRAEGER,
    &GRUNDSCHULE,
    &SPORTVEREIN,
];

const OTHER_KINDS: [&OrgKind; 15] = [
    &FAMILIENZENTRUM,
    &KITA_TRAEGER,
    &BERATUNGSSTELLE,
    &JUGENDTREFF_TRAEGER,
    &SPORTVEREIN,
    &GRUNDSCHULE,
    &SEKUNDARSCHULE,
    &HEBAMMENPRAXIS,
    &THERAPIEZENTRUM,
    &FAMILIENBILDUNGSSTAETTE,
    &JUGENDWERKSTATT,
    &INTEGRATIONSINITIATIVE,
    &FRUEHFOERDERSTELLE,
    &INKLUSIONSVEREIN,
    &FAMILIENNETZ,
];

const STREETS: &[&str] = &[
    "Lindenstraße",
    "Birkenweg",
    "Mühlenstraße",
    "Schulstraße",
    "Am Markt",
    "Bahnhofstraße",
    "Kirchstraße",
    "Gartenstraße",
    "Wiesenweg",
    "Ahornallee",
    "Am Stadtpark",
    "Kastanienweg",
    "Amselweg",
    "Lerchenfeld",
    "Am Mühlenbach",
    "Sonnenweg",
    "Rosenstraße",
    "Poststraße",
    "Hofstraße",
    "Feldstraße",
    "Brunnenweg",
    "Zum Sportplatz",
    "Eschenring",
    "Buchenkamp",
    "Am Wall",
    "Weidenstraße",
];

const FEMALE_NAMES: &[&str] = &[
    "Anna",
    "Lena",
    "Marie",
    "Sophie",
    "Laura",
    "Julia",
    "Sarah",
    "Katharina",
    "Miriam",
    "Aylin",
    "Elif",
    "Olga",
    "Nadia",
    "Sabine",
    "Petra",
    "Kerstin",
    "Christina",
    "Hanna",
    "Leonie",
    "Jana",
    "Svenja",
    "Maria",
    "Fatma",
    "Natalia",
];

const MALE_NAMES: &[&str] = &[
    "Jonas",
    "Lukas",
    "Felix",
    "Tobias",
    "Jan",
    "Markus",
    "Stefan",
    "Thomas",
    "Mehmet",
    "Yusuf",
    "Daniel",
    "Sebastian",
    "Michael",
    "Andreas",
    "Florian",
    "Niklas",
    "Hendrik",
    "Bernd",
    "Ahmad",
    "Pawel",
];

/// Invented surnames that read as placeholders, so nobody mistakes a demo contact for a person.
const SURNAMES: &[&str] = &[
    "Beispiel",
    "Probst-Demo",
    "Demoberg",
    "Testkamp",
    "Beispielhaus",
    "Musterkötter",
    "Demowski",
    "Platzhalter",
    "Exempel",
    "Vorlage",
    "Testhövel",
    "Demir-Beispiel",
    "Musterhues",
    "Probewald",
];

const REDUCED_NOTES: &[&str] = &[
    "einkommensabhängig",
    "mit Familienpass ermäßigt",
    "Ermäßigung über das Bildungs- und Teilhabepaket möglich",
    "Geschwisterermäßigung möglich",
];

const GENERAL_ROLES: &[(&str, &str)] = &[
    ("Leitung", "Leitung"),
    ("Sozialpädagogin", "Sozialpädagoge"),
    ("Verwaltung", "Verwaltung"),
];

const ACCESSIBLE_NOTES: &[&str] = &[
    "Aufzug vorhanden",
    "Barrierefreies WC im Erdgeschoss",
    "Stufenloser Eingang über die Rampe an der Rückseite",
    "Behindertenparkplatz direkt vor dem Haus",
];

const INACCESSIBLE_NOTES: &[&str] = &[
    "Eingang über den Hof, zwei Stufen",
    "Räume im 1. Obergeschoss ohne Aufzug",
    "Schmaler Eingang; Hilfe beim Ankommen auf Anfrage",
];

const INTERNAL_NOTES: &[&str] = &[
    "Kurzfristige Termine über die Durchwahl möglich.",
    "Fallanfragen bitte vorab telefonisch ankündigen, nicht per unverschlüsselter E-Mail.",
    "Warteliste derzeit etwa sechs Wochen; in Krisen bitte direkt die Leitung anrufen.",
    "Monatliche Fallbesprechung mit dem Kreisjugendamt, Termine im Netzwerkkalender.",
    "Vertretung in den Sommerferien über die Kolleginnen in {T}.",
    "Freie Plätze ab dem kommenden Quartal; Vermittlung bitte über die Koordination.",
    "Dolmetschende können über den Netzwerkpool angefragt werden.",
    "Räume können von Netzwerkpartnern für Gruppenangebote mitgenutzt werden.",
    "Kooperation mit der Schulsozialarbeit vor Ort; gemeinsame Sprechstunde in Planung.",
    "Finanzierung bis Jahresende gesichert, Verlängerung ist beantragt.",
];

const EXTRA_LANGUAGES: &[Language] = &[
    Language::English,
    Language::English,
    Language::Turkish,
    Language::Arabic,
    Language::Russian,
    Language::Ukrainian,
    Language::Polish,
    Language::Persian,
    Language::Kurdish,
    Language::Romanian,
    Language::Tigrinya,
    Language::French,
];

const NEWCOMER_LANGUAGES: &[Language] = &[
    Language::Arabic,
    Language::Ukrainian,
    Language::Turkish,
    Language::Russian,
    Language::Persian,
    Language::Kurdish,
    Language::Tigrinya,
    Language::English,
    Language::Romanian,
];

/// The real telephone area code of a Kreis Coesfeld town (the subscriber numbers are not real).
fn area_code(ags: &str) -> &'static str {
    match ags {
        "05558004" => "02593",
        "05558008" => "02543",
        "05558012" => "02541",
        "05558016" => "02594",
        "05558020" => "02507",
        "05558024" => "02591",
        "05558028" => "02596",
        "05558032" => "02502",
        "05558036" => "02595",
        "05558040" => "02547",
        "05558044" => "02597",
        // Other regions: an unassigned prefix keeps the numbers obviously fictional.
        _ => "01234",
    }
}

/// What the text templates can refer to.
struct Names<'a> {
    town: &'a str,
    motto: &'a str,
    short: &'a str,
    at: &'a str,
}

fn fill(template: &str, names: &Names) -> String {
    template
        .replace("{T}", names.town)
        .replace("{M}", names.motto)
        .replace("{S}", names.short)
        .replace("{A}", names.at)
}

/// Lower-case ASCII for e-mail addresses and paths.
/// An address on example.org with `local` cut to the 64 characters mail allows before the @.
fn example_address(local: &str) -> String {
    let local: String = local.chars().take(64).collect();
    format!("{}@example.org", local.trim_end_matches(['.', '-']))
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'é' | 'è' => out.push('e'),
            'a'..='z' | '0'..='9' => out.push(c),
            _ => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn round6(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

/// A point near the town centre that lies inside the municipality: most within 3 km, some
/// further out in the villages. Rejection sampling keeps points out of neighbouring towns.
fn sample_point(
    rng: &mut SplitMix64,
    region: &LoadedRegion,
    town: &RegionMunicipality,
) -> (f64, f64) {
    let (centre_lon, centre_lat) = town.centre;
    let village = rng.percent(15);
    let km_per_degree_lon = KM_PER_DEGREE_LAT * centre_lat.to_radians().cos();
    for _ in 0..40 {
        let distance = if village {
            3.0 + 5.0 * rng.unit()
        } else {
            3.0 * rng.unit().sqrt()
        };
        let angle = rng.unit() * std::f64::consts::TAU;
        let lat = round6(centre_lat + distance * angle.sin() / KM_PER_DEGREE_LAT);
        let lon = round6(centre_lon + distance * angle.cos() / km_per_degree_lon);
        if region
            .municipality_at(lon, lat)
            .is_some_and(|found| found.ags == town.ags)
        {
            return (lon, lat);
        }
    }
    let rounded = (round6(centre_lon), round6(centre_lat));
    if region
        .municipality_at(rounded.0, rounded.1)
        .is_some_and(|found| found.ags == town.ags)
    {
        rounded
    } else {
        town.centre
    }
}

fn sample_location(
    rng: &mut SplitMix64,
    region: &LoadedRegion,
    town: &RegionMunicipality,
) -> NewLocation {
    let mut number = rng.between(1, 90).to_string();
    if rng.percent(10) {
        number.push(rng.pick(&['a', 'b']));
    }
    let street = format!("{} {number}", rng.pick(STREETS));
    let (lon, lat) = sample_point(rng, region, town);
    NewLocation {
        street,
        postcode: town.postcode.clone(),
        town: town.name.clone(),
        municipality_ags: town.ags.clone(),
        lat,
        lon,
    }
}

fn slot(weekday: u8, opens: &str, closes: &str) -> OpeningSlot {
    OpeningSlot::parse(weekday, opens, closes).expect("demo opening hours are valid")
}

fn slots(weekdays: &[u8], opens: &str, closes: &str) -> Vec<OpeningSlot> {
    weekdays
        .iter()
        .map(|day| slot(*day, opens, closes))
        .collect()
}

/// Realistic weekly slots (never more than five) and an optional note for a pattern.
fn opening_hours(rng: &mut SplitMix64, hours: Hours) -> (Vec<OpeningSlot>, String) {
    let note = |rng: &mut SplitMix64, chance: usize, notes: &[&str]| {
        if rng.percent(chance) {
            rng.pick(notes).to_string()
        } else {
            String::new()
        }
    };
    match hours {
        Hours::Office => {
            let slots = match rng.below(4) {
                0 => slots(&[1, 2, 3, 4, 5], "09:00", "12:00"),
                1 => {
                    let mut s = slots(&[1, 2, 3, 4], "08:30", "12:30");
                    s.push(slot(4, "14:00", "17:00"));
                    s
                }
                2 => {
                    let mut s = slots(&[1, 3, 5], "09:00", "12:00");
                    s.push(slot(2, "14:00", "16:00"));
                    s
                }
                _ => vec![slot(2, "09:00", "12:00"), slot(4, "14:00", "18:00")],
            };
            let note = note(
                rng,
                40,
                &[
                    "Termine nach Vereinbarung auch außerhalb der Sprechzeiten",
                    "Termine nach Vereinbarung",
                    "Zwischen Weihnachten und Neujahr geschlossen",
                ],
            );
            (slots, note)
        }
        Hours::Counselling => match rng.below(3) {
            0 => (Vec::new(), "Termine nach Vereinbarung".to_string()),
            1 => (
                vec![slot(rng.pick(&[2, 3, 4]), "14:00", "16:00")],
                "Offene Sprechstunde ohne Anmeldung; weitere Termine nach Vereinbarung".to_string(),
            ),
            _ => {
                let slots = vec![
                    slot(1, "09:00", "12:00"),
                    slot(3, "14:00", "17:00"),
                    slot(4, "09:00", "12:00"),
                ];
                (slots, note(rng, 50, &["Termine nach Vereinbarung"]))
            }
        },
        Hours::Appointment => {
            let slots = if rng.percent(50) {
                vec![slot(rng.pick(&[1, 2, 3, 4, 5]), "08:00", "09:00")]
            } else {
                Vec::new()
            };
            let note = if slots.is_empty() {
                "Termine nach Vereinbarung"
            } else {
                "Telefonische Sprechzeit; Termine nach Vereinbarung"
            };
            (slots, note.to_string())
        }
        Hours::DayCourse | Hours::EveningCourse | Hours::Course => {
            let times: &[(&str, &str)] = match hours {
                Hours::DayCourse => &[("09:30", "11:00"), ("10:00", "11:30"), ("10:00", "12:00")],
                Hours::EveningCourse => {
                    &[("18:00", "19:30"), ("19:00", "21:00"), ("19:30", "21:00")]
                }
                _ => &[("15:00", "16:30"), ("16:00", "17:30"), ("15:30", "17:30")],
            };
            let slots = if matches!(hours, Hours::Course) && rng.percent(25) {
                vec![slot(6, "10:00", "12:00")]
            } else {
                let (opens, closes) = rng.pick(times);
                vec![slot(rng.pick(&[1, 2, 3, 4, 5]), opens, closes)]
            };
            let note = note(
                rng,
                60,
                &[
                    "Kursbeginn jeweils im Frühjahr und im Herbst",
                    "Neue Kurse laufend – bitte vorher anmelden",
                    "nicht in den Schulferien",
                    "Anmeldung erforderlich",
                ],
            );
            (slots, note)
        }
        Hours::Workshop => (
            vec![slot(6, "09:00", rng.pick(&["15:00", "16:00"]))],
            rng.pick(&[
                "Eintägiger Kurs etwa alle zwei Monate; Termine auf der Website",
                "Eintägiger Kurs; Anmeldung erforderlich",
            ])
            .to_string(),
        ),
        Hours::Afternoon => {
            let mut days = vec![1, 2, 3, 4];
            rng.shuffle(&mut days);
            days.truncate(rng.between(2, 4));
            days.sort_unstable();
            let (opens, closes) =
                rng.pick(&[("14:00", "16:00"), ("14:30", "16:30"), ("15:00", "17:00")]);
            (
                slots(&days, opens, closes),
                note(rng, 60, &["nicht in den Schulferien"]),
            )
        }
        Hours::Group => {
            let mut slots = vec![match rng.below(3) {
                0 => slot(rng.pick(&[1, 2, 3, 4, 5]), "09:30", "11:30"),
                1 => slot(rng.pick(&[1, 2, 3, 4, 5]), "10:00", "12:00"),
                _ => slot(rng.pick(&[1, 2, 3, 4]), "15:00", "17:00"),
            }];
            if rng.percent(20) {
                slots.push(slot(6, "10:00", "12:00"));
            }
            let note = note(
                rng,
                35,
                &[
                    "nicht in den Schulferien",
                    "Ohne Anmeldung – einfach vorbeikommen",
                ],
            );
            (slots, note)
        }
        Hours::Holiday => (
            Vec::new(),
            rng.pick(&[
                "In den Sommerferien; Termine werden rechtzeitig bekannt gegeben",
                "Jeweils in den Oster- und Herbstferien",
                "In den ersten drei Wochen der Sommerferien",
            ])
            .to_string(),
        ),
        Hours::Daycare => {
            let slots = if rng.percent(50) {
                slots(&[1, 2, 3, 4, 5], "07:00", "16:30")
            } else {
                let mut s = slots(&[1, 2, 3, 4], "07:30", "16:00");
                s.push(slot(5, "07:30", "14:00"));
                s
            };
            (
                slots,
                note(rng, 50, &["Schließzeit drei Wochen in den Sommerferien"]),
            )
        }
        Hours::SchoolDay => (
            slots(&[1, 2, 3, 4, 5], "11:30", "16:00"),
            note(rng, 40, &["Ferienbetreuung nach Anmeldung"]),
        ),
        Hours::Outreach => {
            let slots = match rng.below(3) {
                0 => Vec::new(),
                1 => vec![slot(1, "09:00", "11:00")],
                _ => vec![slot(1, "09:00", "11:00"), slot(4, "13:00", "15:00")],
            };
            let note = rng.pick(&[
                "Hausbesuche nach Absprache",
                "Telefonische Sprechzeit; Besuche nach Vereinbarung",
            ]);
            (slots, note.to_string())
        }
        Hours::Youth => {
            let mut slots = if rng.percent(50) {
                slots(&[2, 3, 4, 5], "15:00", "20:00")
            } else {
                slots(&[1, 3, 5], "14:00", "19:00")
            };
            if rng.percent(30) {
                slots.push(slot(6, "14:00", "18:00"));
            }
            (
                slots,
                note(rng, 30, &["In den Ferien gelten besondere Öffnungszeiten"]),
            )
        }
        Hours::Sport => {
            let mut slots = vec![match rng.below(3) {
                0 => slot(rng.pick(&[1, 2, 3, 4, 5]), "16:00", "17:00"),
                1 => slot(rng.pick(&[1, 2, 3, 4, 5]), "17:00", "18:30"),
                _ => slot(6, "10:00", "11:30"),
            }];
            if rng.percent(30) {
                slots.push(slot(rng.pick(&[2, 4]), "19:00", "20:30"));
            }
            (
                slots,
                note(
                    rng,
                    40,
                    &[
                        "Probetraining jederzeit möglich",
                        "nicht in den Schulferien",
                    ],
                ),
            )
        }
    }
}

fn describe(rng: &mut SplitMix64, kind: &OfferKind, names: &Names) -> String {
    let mut text = fill(rng.pick(kind.texts), names);
    let mut extras: Vec<&str> = kind.extras.to_vec();
    rng.shuffle(&mut extras);
    let wanted = rng.below(3);
    let mut added = 0;
    for extra in extras {
        if added >= wanted && text.chars().count() >= 80 {
            break;
        }
        let extra = fill(extra, names);
        if text.chars().count() + 1 + extra.chars().count() <= 300 {
            text.push(' ');
            text.push_str(&extra);
            added += 1;
        }
    }
    text
}

fn cost(rng: &mut SplitMix64, kind: &OfferKind) -> (Cost, String) {
    match rng.weighted(&kind.cost) {
        0 => (Cost::Free, String::new()),
        1 => {
            let note = if kind.reduced_note.is_empty() {
                rng.pick(REDUCED_NOTES).to_string()
            } else {
                kind.reduced_note.to_string()
            };
            (Cost::Reduced, note)
        }
        _ => {
            let note = match kind.price {
                Price::Course => {
                    let amount = rng.pick(&[35, 40, 45, 55, 60, 75, 90]);
                    if rng.percent(50) {
                        format!("{amount} € pro Kurs")
                    } else {
                        format!("{amount} € für {} Termine", rng.pick(&[5, 6, 8, 10]))
                    }
                }
                Price::Session => format!("{} € pro Termin", rng.pick(&[3, 5, 8, 12])),
                Price::Membership => {
                    format!(
                        "Vereinsbeitrag {} € im Jahr",
                        rng.pick(&[24, 36, 48, 60, 84])
                    )
                }
                Price::Week => {
                    format!(
                        "{} € pro Ferienwoche inklusive Mittagessen",
                        rng.pick(&[60, 75, 90, 110])
                    )
                }
                Price::Partner => {
                    format!(
                        "Partnergebühr {} €; für Schwangere zahlt die Krankenkasse",
                        rng.pick(&[60, 75, 90])
                    )
                }
                Price::Trip => format!(
                    "Teilnahmebeitrag {} €, Zuschuss auf Antrag möglich",
                    rng.pick(&[180, 240, 290, 350])
                ),
            };
            (Cost::Paid, note)
        }
    }
}

fn languages(rng: &mut SplitMix64, kind: &OfferKind) -> LanguageSet {
    let mut set: LanguageSet = [Language::German].into_iter().collect();
    let (chance, pool) = if kind.multilingual {
        (90, NEWCOMER_LANGUAGES)
    } else {
        (35, EXTRA_LANGUAGES)
    };
    if rng.percent(chance) {
        for _ in 0..rng.between(1, 3) {
            set.insert(rng.pick(pool));
        }
    }
    let sign_chance = if kind.topics.contains(&Topic::DisabilityInclusion) {
        20
    } else {
        2
    };
    if rng.percent(sign_chance) {
        set.insert(Language::SignLanguage);
    }
    set
}

fn contact_person(
    rng: &mut SplitMix64,
    kind: &OfferKind,
    area: &str,
    block: &str,
    taken: &[ContactPerson],
) -> ContactPerson {
    loop {
        let female = rng.percent(65);
        let first = if female {
            rng.pick(FEMALE_NAMES)
        } else {
            rng.pick(MALE_NAMES)
        };
        let last = if rng.percent(15) {
            if female { "Musterfrau" } else { "Mustermann" }
        } else {
            rng.pick(SURNAMES)
        };
        let name = format!("{first} {last}");
        let phone = format!("{area} {block}-2{:02}", rng.below(100));
        if taken.iter().any(|c| c.name == name || c.phone == phone) {
            continue;
        }
        let roles: Vec<(&str, &str)> = kind
            .roles
            .iter()
            .chain(GENERAL_ROLES.iter())
            .copied()
            .collect();
        let (role_female, role_male) = rng.pick(&roles);
        return ContactPerson {
            email: example_address(&format!(
                "{}.{}.{MEMBER_CONTACT_MARKER}",
                slug(first),
                slug(last)
            )),
            phone,
            role: if female { role_female } else { role_male }.to_string(),
            name,
        };
    }
}

/// The parts of an organisation its offers are built from.
struct OrgDraft {
    kind: &'static OrgKind,
    home: usize,
    motto: String,
    short: String,
    full: String,
    slug: String,
    /// Four digits after the area code, shared by the organisation's numbers.
    block: String,
    location: NewLocation,
    description: String,
    website: String,
    used_kinds: Vec<&'static str>,
    offers: Vec<NewOffer>,
}

struct Generator<'a> {
    rng: SplitMix64,
    region: &'a LoadedRegion,
    org_names: BTreeSet<String>,
    offer_names: BTreeSet<String>,
}

impl Generator<'_> {
    fn organisation(&mut self, kind: &'static OrgKind, home: usize) -> OrgDraft {
        let region = self.region;
        let town = &region.municipalities[home];
        let mut mottos: Vec<&str> = kind.mottos.to_vec();
        self.rng.shuffle(&mut mottos);
        if mottos.is_empty() {
            mottos.push(&town.name);
        }
        let naming = |motto: &str| {
            let short = kind.short.replace("{M}", motto);
            let full = kind.full.replace("{S}", &short).replace("{T}", &town.name);
            (short, full)
        };
        let motto = mottos
            .iter()
            .copied()
            .find(|motto| !self.org_names.contains(&naming(motto).1))
            .unwrap_or(mottos[0]);
        let (short, mut full) = naming(motto);
        let mut counter = 2;
        while self.org_names.contains(&full) {
            full = format!("{} – Standort {counter}", naming(motto).1);
            counter += 1;
        }
        self.org_names.insert(full.clone());
        let slug = slug(&full);
        let names = Names {
            town: &town.name,
            motto,
            short: &short,
            at: "",
        };
        let description = fill(self.rng.pick(kind.descriptions), &names);
        OrgDraft {
            kind,
            home,
            motto: motto.to_string(),
            short: short.clone(),
            block: format!("99{:02}", self.rng.below(100)),
            location: sample_location(&mut self.rng, self.region, town),
            website: format!("https://example.org/{slug}"),
            description,
            full,
            slug,
            used_kinds: Vec::new(),
            offers: Vec::new(),
        }
    }

    fn offer(&mut self, org: &OrgDraft, kind: &'static OfferKind, town_index: usize) -> NewOffer {
        let region = self.region;
        let rng = &mut self.rng;
        let town = &region.municipalities[town_index];
        let at = format!("{} {}", org.kind.dative, org.short);
        let names = Names {
            town: &town.name,
            motto: &org.motto,
            short: &org.short,
            at: &at,
        };

        let start = rng.below(kind.names.len());
        let candidates: Vec<String> = (0..kind.names.len())
            .map(|i| fill(kind.names[(start + i) % kind.names.len()], &names))
            .collect();
        let name = match candidates.iter().find(|c| !self.offer_names.contains(*c)) {
            Some(free) => free.clone(),
            None => {
                let mut name = format!("{} ({})", candidates[0], org.short);
                let mut counter = 2;
                while self.offer_names.contains(&name) {
                    name = format!("{} ({}, Gruppe {counter})", candidates[0], org.short);
                    counter += 1;
                }
                name
            }
        };
        self.offer_names.insert(name.clone());

        let description = describe(rng, kind, &names);
        let mut delivery: DeliverySet = kind.delivery.iter().copied().collect();
        if let Some(extra) = kind.extra_delivery
            && rng.percent(35)
        {
            delivery.insert(extra);
        }
        let languages = languages(rng, kind);
        let (cost, cost_note) = cost(rng, kind);
        let wheelchair = rng.percent(55);
        let accessibility_note = if rng.percent(35) {
            rng.pick(if wheelchair {
                ACCESSIBLE_NOTES
            } else {
                INACCESSIBLE_NOTES
            })
            .to_string()
        } else {
            String::new()
        };
        let location = if town_index == org.home && rng.percent(75) {
            org.location.clone()
        } else {
            sample_location(rng, region, town)
        };

        let area = area_code(&town.ags);
        let phone = if rng.percent(40) {
            format!("{area} {}-0", org.block)
        } else {
            format!("{area} {}-{}", org.block, rng.between(10, 199))
        };
        let email = if rng.percent(15) {
            String::new()
        } else if rng.percent(50) {
            example_address(&format!("info.{}", org.slug))
        } else {
            example_address(&format!("{}.{}", kind.slug, org.slug))
        };
        let website = if rng.percent(30) {
            String::new()
        } else {
            format!("https://example.org/{}/{}", org.slug, kind.slug)
        };
        let (opening_hours, hours_note) = opening_hours(rng, kind.hours);
        // Most offers were checked within the last 18 months; a few long ago, so the public
        // "not checked for over two years" flag and the editors' list have something to show.
        let last_checked = if rng.percent(4) {
            NaiveDate::from_ymd_opt(2023, 6, 1).expect("valid date")
                + Days::new(rng.below(300) as u64)
        } else {
            NaiveDate::from_ymd_opt(2025, 5, 1).expect("valid date")
                + Days::new(rng.below(550) as u64)
        };

        let mut contacts = Vec::new();
        for _ in 0..rng.between(1, 2) {
            let person = contact_person(rng, kind, area, &org.block, &contacts);
            contacts.push(person);
        }
        let internal_note = if rng.percent(70) {
            format!(
                "{MEMBER_NOTE_MARKER}: {}",
                fill(rng.pick(INTERNAL_NOTES), &names)
            )
        } else {
            String::new()
        };

        let summaries = summaries_for(&name, kind.topics[0], &town.name);
        NewOffer {
            external_id: None,
            organization_id: 0,
            location,
            name,
            description,
            topics: kind.topics.iter().copied().collect::<TopicSet>(),
            phases: kind.phases.iter().copied().collect::<PhaseSet>(),
            languages,
            delivery,
            cost,
            cost_note,
            wheelchair,
            accessibility_note,
            phone,
            email,
            website,
            opening_hours,
            hours_note,
            last_checked,
            status: OfferStatus::Active,
            is_demo: true,
            member_only: MemberOnly {
                contacts,
                internal_note,
            },
            summaries,
        }
    }

    fn add_offer(&mut self, org: &mut OrgDraft, kind: &'static OfferKind, town_index: usize) {
        let offer = self.offer(org, kind, town_index);
        org.used_kinds.push(kind.slug);
        org.offers.push(offer);
    }

    /// A municipality other than `home`, for organisations that also serve a neighbour.
    fn other_town(&mut self, home: usize) -> Option<usize> {
        let count = self.region.municipalities.len();
        (count > 1).then(|| (home + 1 + self.rng.below(count - 1)) % count)
    }
}

/// How many organisations each municipality gets: by population, with a floor.
fn organisations_per_town(region: &LoadedRegion) -> Vec<usize> {
    let known: Vec<i64> = region
        .municipalities
        .iter()
        .filter_map(|m| m.population)
        .collect();
    let fallback = if known.is_empty() {
        10_000
    } else {
        known.iter().sum::<i64>() / known.len() as i64
    };
    let populations: Vec<f64> = region
        .municipalities
        .iter()
        .map(|m| m.population.unwrap_or(fallback).max(1) as f64)
        .collect();
    let total: f64 = populations.iter().sum();
    populations
        .iter()
        .map(|p| {
            ((p / total * TARGET_ORGANISATIONS).round() as usize).max(MIN_ORGANISATIONS_PER_TOWN)
        })
        .collect()
}

/// The working group whose age range most of the organisation's offers address.
fn working_group(offers: &[NewOffer]) -> &'static str {
    let mut votes = [0usize; 3];
    for phase in offers.iter().flat_map(|o| o.phases.iter()) {
        match phase {
            Pregnancy | Age0To3 | Age3To6 => votes[0] += 1,
            Age6To10 | Age10To14 | Age14To18 => votes[1] += 1,
            Age18To21 | Age21To27 => votes[2] += 1,
            Parents => {}
        }
    }
    let best = votes
        .iter()
        .enumerate()
        .max_by_key(|(index, count)| (**count, std::cmp::Reverse(*index)))
        .map_or(0, |(index, _)| index);
    WORKING_GROUPS[best]
}

/// Generates the demo data for a region; same region + seed → identical output.
pub fn generate(region: &LoadedRegion, seed: u64) -> Vec<DemoOrganization> {
    let mut generator = Generator {
        rng: SplitMix64(seed),
        region,
        org_names: BTreeSet::new(),
        offer_names: BTreeSet::new(),
    };
    let weights: Vec<u32> = OTHER_KINDS.iter().map(|k| k.weight).collect();
    let mut drafts: Vec<OrgDraft> = Vec::new();

    for (home, count) in organisations_per_town(region).into_iter().enumerate() {
        for index in 0..count {
            let kind = match CORE_KINDS.get(index) {
                Some(kind) => *kind,
                None => OTHER_KINDS[generator.rng.weighted(&weights)],
            };
            let mut org = generator.organisation(kind, home);
            let mut rest: Vec<&'static OfferKind> = kind.offers[1..].to_vec();
            generator.rng.shuffle(&mut rest);
            let wanted = generator.rng.between(kind.min_offers, kind.max_offers);
            let chosen: Vec<&'static OfferKind> = std::iter::once(kind.offers[0])
                .chain(rest)
                .take(wanted.min(kind.offers.len()))
                .collect();
            let serves_neighbour = kind.regional && chosen.len() >= 2 && generator.rng.percent(35);
            for (position, offer_kind) in chosen.iter().copied().enumerate() {
                let town = if serves_neighbour && position + 1 == chosen.len() {
                    generator.other_town(home).unwrap_or(home)
                } else {
                    home
                };
                generator.add_offer(&mut org, offer_kind, town);
            }
            drafts.push(org);
        }
    }

    // Small regions (or unlucky seeds) could fall short of a convincing map: add the
    // organisations' remaining offer kinds, round-robin, until there are enough.
    let mut total: usize = drafts.iter().map(|d| d.offers.len()).sum();
    while total < MIN_OFFERS {
        let before = total;
        for org in drafts.iter_mut() {
            if total >= MIN_OFFERS {
                break;
            }
            let next = org
                .kind
                .offers
                .iter()
                .copied()
                .find(|k| !org.used_kinds.contains(&k.slug));
            if let Some(kind) = next {
                let home = org.home;
                generator.add_offer(org, kind, home);
                total += 1;
            }
        }
        if total == before {
            break;
        }
    }

    let mut archived = BTreeSet::new();
    while archived.len() < ARCHIVED_OFFERS.min(total) {
        archived.insert(generator.rng.below(total));
    }

    let mut offer_number = 0;
    drafts
        .into_iter()
        .enumerate()
        .map(|(index, draft)| {
            let working_group = working_group(&draft.offers).to_string();
            let offers = draft
                .offers
                .into_iter()
                .map(|mut offer| {
                    if archived.contains(&offer_number) {
                        offer.status = OfferStatus::Archived;
                    }
                    offer_number += 1;
                    offer.external_id = Some(format!("demo-offer-{offer_number:03}"));
                    offer
                })
                .collect();
            DemoOrganization {
                organization: NewOrganization {
                    external_id: Some(format!("demo-org-{:03}", index + 1)),
                    name: draft.full,
                    description: draft.description,
                    website: draft.website,
                    is_demo: true,
                    working_group,
                },
                offers,
            }
        })
        .collect()
}

/// Inserts the demo data when the storage has no offers yet; returns how many offers were
/// inserted (0 if there were already offers). Upserts the region's municipalities first,
/// because locations refer to them.
pub async fn load_if_empty(
    storage: &dyn Storage,
    region: &LoadedRegion,
) -> Result<usize, StorageError> {
    storage
        .upsert_municipalities(&region.storage_municipalities())
        .await?;
    if storage.count_offers().await? > 0 {
        return Ok(0);
    }
    let mut inserted = 0;
    for demo in generate(region, DEFAULT_SEED) {
        let organization_id = storage.insert_organization(&demo.organization).await?;
        for mut offer in demo.offers {
            offer.organization_id = organization_id;
            storage.insert_offer(&offer).await?;
            inserted += 1;
        }
    }
    Ok(inserted)
}

/// Short descriptions in the other interface languages for about two offers in five (chosen
/// by the name, so the random draws of the rest of the demo data stay as they were).
fn summaries_for(name: &str, topic: Topic, town: &str) -> [String; 4] {
    use app::shared::i18n::Locale;
    if name.bytes().map(u32::from).sum::<u32>() % 5 >= 2 {
        return Default::default();
    }
    let topic_in = |locale| {
        app::platform::catalogues::message(locale, &format!("thema-{}", topic.code()), None)
    };
    [
        format!(
            "{}: a service for families in {town}. Call or drop by to ask whether it suits you.",
            topic_in(Locale::English)
        ),
        format!(
            "{}: {town} içindeki aileler için bir hizmet. Size uygun olup olmadığını sormak için arayın veya uğrayın.",
            topic_in(Locale::Turkish)
        ),
        format!(
            "{}: خدمة للأسر في {town}. اتصلوا بنا أو زورونا لتسألوا إن كانت تناسبكم.",
            topic_in(Locale::Arabic)
        ),
        format!(
            "{}: послуга для сімей у {town}. Зателефонуйте або зайдіть, щоб дізнатися, чи підходить вона Вам.",
            topic_in(Locale::Ukrainian)
        ),
    ]
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use geo::{Contains, Point};

    use super::*;

    fn region() -> LoadedRegion {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../regions/kreis-coesfeld/region.json");
        LoadedRegion::load(&path).expect("the default region loads")
    }

    fn offers(data: &[DemoOrganization]) -> impl Iterator<Item = &NewOffer> {
        data.iter().flat_map(|d| d.offers.iter())
    }

    #[test]
    fn enough_offers_in_every_municipality() {
        let region = region();
        let data = generate(&region, DEFAULT_SEED);
        assert!(data.len() >= 120, "{} organisations", data.len());
        assert!(
            offers(&data).count() >= 300,
            "{} offers",
            offers(&data).count()
        );
        let mut per_town: BTreeMap<&str, usize> = BTreeMap::new();
        for offer in offers(&data) {
            *per_town
                .entry(offer.location.municipality_ags.as_str())
                .or_default() += 1;
        }
        assert_eq!(per_town.len(), 11);
        for town in &region.municipalities {
            let count = per_town.get(town.ags.as_str()).copied().unwrap_or(0);
            assert!(count >= 5, "{} has only {count} offers", town.name);
        }
        // Bigger towns get more offers than the smallest ones.
        let count_of = |name: &str| {
            let ags = &region
                .municipalities
                .iter()
                .find(|m| m.name == name)
                .unwrap()
                .ags;
            per_town[ags.as_str()]
        };
        assert!(count_of("Dülmen") > count_of("Nordkirchen"));
        let two_towns = data
            .iter()
            .filter(|d| {
                let towns: BTreeSet<_> = d
                    .offers
                    .iter()
                    .map(|o| &o.location.municipality_ags)
                    .collect();
                towns.len() >= 2
            })
            .count();
        assert!(
            two_towns >= 3,
            "only {two_towns} organisations serve two towns"
        );
    }

    #[test]
    fn same_seed_gives_same_data() {
        let region = region();
        let first = generate(&region, DEFAULT_SEED);
        assert_eq!(first, generate(&region, DEFAULT_SEED));
        assert_ne!(first, generate(&region, DEFAULT_SEED + 1));
    }

    #[test]
    fn other_seeds_also_reach_the_minimum() {
        let region = region();
        for seed in [0, 1, 42, u64::MAX] {
            let data = generate(&region, seed);
            assert!(offers(&data).count() >= 300, "seed {seed}");
            assert!(data.len() >= 120, "seed {seed}");
        }
    }

    #[test]
    fn locations_lie_in_their_own_municipality() {
        let region = region();
        let data = generate(&region, DEFAULT_SEED);
        for offer in offers(&data) {
            let location = &offer.location;
            let town = region
                .municipalities
                .iter()
                .find(|m| m.ags == location.municipality_ags)
                .expect("known municipality");
            assert!(
                town.area.contains(&Point::new(location.lon, location.lat)),
                "{} at {}, {} is outside {}",
                offer.name,
                location.lat,
                location.lon,
                town.name
            );
            assert_eq!(
                region
                    .municipality_at(location.lon, location.lat)
                    .map(|m| &m.ags),
                Some(&town.ags)
            );
            assert_eq!(location.postcode, town.postcode);
            assert_eq!(location.town, town.name);
            assert_eq!(round6(location.lat), location.lat);
            assert!(!location.street.is_empty());
        }
    }

    #[test]
    fn offers_are_complete_and_varied() {
        let region = region();
        let data = generate(&region, DEFAULT_SEED);
        let first = NaiveDate::from_ymd_opt(2023, 6, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let mut names = BTreeSet::new();
        let mut external_ids = BTreeSet::new();
        let mut two_topics = 0;
        let mut costs = BTreeSet::new();
        for offer in offers(&data) {
            assert!(!offer.topics.is_empty(), "{}", offer.name);
            assert!(!offer.phases.is_empty(), "{}", offer.name);
            assert!(!offer.delivery.is_empty(), "{}", offer.name);
            assert!(offer.languages.contains(Language::German), "{}", offer.name);
            assert!(offer.opening_hours.len() <= 5, "{}", offer.name);
            for slot in &offer.opening_hours {
                assert!(OpeningSlot::new(slot.weekday, slot.opens, slot.closes).is_ok());
            }
            let length = offer.description.chars().count();
            assert!(
                (80..=300).contains(&length),
                "{length}: {}",
                offer.description
            );
            assert!(!offer.description.contains('{'), "{}", offer.description);
            assert!(!offer.name.contains('{'), "{}", offer.name);
            assert!(offer.phone.starts_with('0'), "{}", offer.phone);
            assert!(offer.email.is_empty() || offer.email.ends_with("@example.org"));
            assert!(
                offer.email.is_empty() || app::accounts::model::Email::parse(&offer.email).is_ok(),
                "{}",
                offer.email
            );
            assert!(offer.website.is_empty() || offer.website.starts_with("https://example.org/"));
            assert!((first..=last).contains(&offer.last_checked));
            assert!(offer.is_demo);
            assert_eq!(offer.organization_id, 0);
            assert!(external_ids.insert(offer.external_id.clone().unwrap()));
            if offer.topics.iter().count() == 2 {
                two_topics += 1;
            }
            costs.insert(offer.cost.code());
            names.insert(offer.name.clone());
        }
        assert!(names.len() >= 150, "only {} distinct names", names.len());
        assert!(two_topics >= 20);
        assert_eq!(costs.len(), 3);
        for topic in Topic::ALL {
            assert!(
                offers(&data).any(|o| o.topics.contains(*topic)),
                "{topic:?} missing"
            );
        }
        let archived = offers(&data)
            .filter(|o| o.status == OfferStatus::Archived)
            .count();
        assert_eq!(archived, ARCHIVED_OFFERS);
        let org_names: BTreeSet<_> = data.iter().map(|d| &d.organization.name).collect();
        assert_eq!(org_names.len(), data.len());
        for demo in &data {
            assert!(WORKING_GROUPS.contains(&demo.organization.working_group.as_str()));
            assert!(demo.organization.is_demo);
            assert!(
                demo.organization
                    .external_id
                    .as_deref()
                    .unwrap()
                    .starts_with("demo-org-")
            );
            assert!(!demo.offers.is_empty());
        }
    }

    #[test]
    fn member_only_data_is_marked_and_never_public() {
        let region = region();
        let data = generate(&region, DEFAULT_SEED);
        let markers = [MEMBER_NOTE_MARKER, MEMBER_CONTACT_MARKER];
        let mut notes = 0;
        for demo in &data {
            let org = &demo.organization;
            for field in [&org.name, &org.description, &org.website] {
                assert!(!markers.iter().any(|m| field.contains(m)), "{field}");
            }
        }
        for offer in offers(&data) {
            let public = [
                &offer.name,
                &offer.description,
                &offer.phone,
                &offer.email,
                &offer.website,
                &offer.cost_note,
                &offer.hours_note,
                &offer.accessibility_note,
                &offer.location.street,
            ];
            for field in public {
                assert!(!markers.iter().any(|m| field.contains(m)), "{field}");
            }
            let member = &offer.member_only;
            if !member.internal_note.is_empty() {
                assert!(member.internal_note.starts_with(MEMBER_NOTE_MARKER));
                notes += 1;
            }
            assert!((1..=2).contains(&member.contacts.len()));
            for contact in &member.contacts {
                assert!(
                    contact.email.contains(MEMBER_CONTACT_MARKER),
                    "{}",
                    contact.email
                );
                assert!(contact.email.ends_with("@example.org"));
                assert_ne!(contact.phone, offer.phone);
                assert!(!contact.name.is_empty() && !contact.role.is_empty());
            }
        }
        let total = offers(&data).count();
        assert!(
            notes * 10 >= total * 5 && notes * 10 <= total * 9,
            "{notes} of {total}"
        );
    }

    #[tokio::test]
    async fn loads_once_into_an_empty_database() {
        let region = region();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.db");
        let storage = app::platform::database::connect(&format!("sqlite:{}", path.display()))
            .await
            .unwrap();
        storage.migrate().await.unwrap();

        let inserted = load_if_empty(storage.as_ref(), &region).await.unwrap();
        let data = generate(&region, DEFAULT_SEED);
        assert!(inserted >= 300);
        assert_eq!(inserted, offers(&data).count());
        assert_eq!(load_if_empty(storage.as_ref(), &region).await.unwrap(), 0);
        assert_eq!(storage.count_offers().await.unwrap(), inserted as i64);

        let active = offers(&data)
            .filter(|o| o.status == OfferStatus::Active)
            .count();
        let summaries = storage.public_offer_summaries().await.unwrap();
        assert_eq!(summaries.len(), active);
        let archived: BTreeSet<_> = offers(&data)
            .filter(|o| o.status == OfferStatus::Archived)
            .map(|o| o.name.as_str())
            .collect();
        assert!(
            summaries
                .iter()
                .all(|s| !archived.contains(s.name.as_str()))
        );
        assert!(
            summaries
                .iter()
                .all(|s| !s.teaser.contains(MEMBER_NOTE_MARKER))
        );
    }
}
