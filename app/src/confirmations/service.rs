//! The operations of the institutions' self-service. For whoever holds a link (no account):
//! open the page of the link's organisation, confirm an offer, ask for a change or for its end —
//! each checked against the link (signature, expiry, revocation) and the organisation, counted
//! per client address while links are refused and per link while they are used. For editors:
//! the organisations, their confirmation contacts and log, a fresh link to copy, links sent by
//! mail, and revoking them all.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::accounts::auth::{client_address, require};
use crate::accounts::model::Role;
use crate::accounts::service::Attempt;
use crate::confirmations::model::{
    ConfirmationLink, Contact, InstitutionOffer, LINK_VALID_DAYS, LinkMail, LinkState, LogEntry,
    LogEvent, OrganizationSummary, ReminderPolicy, ReminderStep, ReportedError, end_of_offer,
    link_mail, proposed_changes, reminder_mail, reported_error_mail,
};
use crate::confirmations::store::{ConfirmationStorage, NewLogEntry};
use crate::editing::model::EditableField;
use crate::platform::signed_token::Unchecked;
use crate::platform::state::{AppState, app_state};
use crate::requests::store::Proposal;
use crate::shared::error::AppError;
use crate::shared::throttle::ThrottlePolicy;

/// The institution's page.
pub const PAGE_PATH: &str = "/bestaetigen";

/// What a confirmation token signs besides the link's id: this purpose, so no other signature
/// under the same secret passes as one.
const PURPOSE: &str = "chancenkarte/bestaetigen/v1:";

pub const BAD_LINK: &str = "Dieser Link ist ungültig oder unvollständig. Bitte öffnen Sie den Link aus der E-Mail unverändert, oder bitten Sie die Redaktion der Chancenkarte um einen neuen.";
pub const EXPIRED_LINK: &str =
    "Dieser Link ist abgelaufen. Bitte bitten Sie die Redaktion der Chancenkarte um einen neuen.";
pub const REVOKED_LINK: &str =
    "Dieser Link wurde gesperrt. Bitte bitten Sie die Redaktion der Chancenkarte um einen neuen.";

/// The confirmations' store of the running application.
pub fn store() -> Result<Arc<dyn ConfirmationStorage>, AppError> {
    app_state()?.part()
}

/// The token of a link.
pub fn token_of(secret: &[u8; 32], link: &ConfirmationLink) -> String {
    crate::platform::signed_token::issue(secret, PURPOSE, link.id, &link.binding())
}

/// The page of a token, as a path of this site.
pub fn page_path(token: &str) -> String {
    format!(
        "{PAGE_PATH}?{}",
        crate::shared::query_pairs::encode_query(&[("token", token)])
    )
}

/// The link a token names if it may be used now, or the German reason it may not.
pub async fn checked_link_in(
    storage: &dyn ConfirmationStorage,
    secret: &[u8; 32],
    token: &str,
    now: i64,
) -> Result<ConfirmationLink, AppError> {
    let unchecked = Unchecked::parse(token).ok_or_else(|| AppError::Invalid(BAD_LINK.into()))?;
    let link = storage
        .link(unchecked.id)
        .await?
        .filter(|link| unchecked.is_signed(secret, PURPOSE, &link.binding()))
        .ok_or_else(|| AppError::Invalid(BAD_LINK.into()))?;
    match link.state(now) {
        LinkState::Valid => Ok(link),
        LinkState::Expired => Err(AppError::Invalid(EXPIRED_LINK.into())),
        LinkState::Revoked => Err(AppError::Invalid(REVOKED_LINK.into())),
    }
}

/// The link of `token` for a request from outside: refused links are counted per client
/// address (the login's allowance), so nobody tries tokens by the thousand.
async fn link_for_visitor(token: &str, now: i64) -> Result<ConfirmationLink, AppError> {
    let state = app_state()?;
    let attempt = Attempt::start(
        format!("bestaetigungslink:{}", client_address()),
        ThrottlePolicy::ADDRESS,
    )
    .await?;
    let link = checked_link_in(store()?.as_ref(), &state.form_secret, token, now).await?;
    attempt.succeeded().await?;
    Ok(link)
}

/// What the institution's page shows.
#[derive(Clone, Debug)]
pub struct InstitutionView {
    pub organization: String,
    pub offers: Vec<InstitutionOffer>,
    pub valid_until: i64,
}

async fn institution_offers(organization_id: i64) -> Result<Vec<InstitutionOffer>, AppError> {
    let edits = crate::editing::service::store()?;
    let mut offers = Vec::new();
    for id in store()?.organization_offer_ids(organization_id).await? {
        let offer = crate::editing::service::editable_offer_in(edits.as_ref(), id).await?;
        offers.push(InstitutionOffer::of(&offer));
    }
    Ok(offers)
}

/// Opens the page of a link: its organisation's active offers with their public fields. The
/// first opening goes into the organisation's log.
pub async fn institution_page(token: &str, now: i64) -> Result<InstitutionView, AppError> {
    let link = link_for_visitor(token, now).await?;
    let storage = store()?;
    if storage.mark_opened(link.id, now).await? {
        log(&link, None, LogEvent::Opened, "", now).await?;
    }
    let organization = storage
        .organization(link.organization_id)
        .await?
        .ok_or_else(|| AppError::Invalid(BAD_LINK.into()))?;
    Ok(InstitutionView {
        organization: organization.name,
        offers: institution_offers(link.organization_id).await?,
        valid_until: link.expires_at,
    })
}

async fn log(
    link: &ConfirmationLink,
    offer_id: Option<i64>,
    event: LogEvent,
    detail: &str,
    now: i64,
) -> Result<(), AppError> {
    store()?
        .log_event(&NewLogEntry {
            organization_id: link.organization_id,
            link_id: Some(link.id),
            offer_id,
            event,
            detail,
            now,
        })
        .await?;
    Ok(())
}

/// The link and the offer an institution's action is about: the link must hold, the offer
/// must be one of the link's organisation's active offers, and the link must not have been
/// used too often in the last hour.
async fn link_and_offer(
    token: &str,
    offer_id: i64,
    now: i64,
) -> Result<(ConfirmationLink, InstitutionOffer), AppError> {
    let link = link_for_visitor(token, now).await?;
    match Attempt::start(
        format!("bestaetigungslink-nutzung:{}", link.id),
        ThrottlePolicy::LINK_ACTIONS,
    )
    .await
    {
        Ok(_counted) => {}
        Err(AppError::Throttled(wait)) => {
            return Err(AppError::Invalid(format!(
                "Über diesen Link kamen in kurzer Zeit sehr viele Meldungen. Bitte versuchen Sie es in {} erneut.",
                crate::shared::throttle::wait_in_words(wait)
            )));
        }
        Err(other) => return Err(other),
    }
    if !store()?
        .organization_offer_ids(link.organization_id)
        .await?
        .contains(&offer_id)
    {
        return Err(AppError::Invalid(
            "Dieses Angebot gehört nicht zu den Angeboten dieses Links.".into(),
        ));
    }
    let edits = crate::editing::service::store()?;
    let offer = crate::editing::service::editable_offer_in(edits.as_ref(), offer_id).await?;
    Ok((link, InstitutionOffer::of(&offer)))
}

/// "Stimmt noch": the offer's "zuletzt geprüft" becomes today, recorded as the institution's
/// confirmation. The note for the page.
pub async fn confirm(
    token: &str,
    offer_id: i64,
    today: NaiveDate,
    now: i64,
) -> Result<String, AppError> {
    let (link, offer) = link_and_offer(token, offer_id, now).await?;
    let edits = crate::editing::service::store()?;
    crate::editing::service::confirm_by_institution(edits.as_ref(), offer_id, today, now).await?;
    log(&link, Some(offer_id), LogEvent::Confirmed, "", now).await?;
    Ok(format!(
        "Danke! „{}“ ist als geprüft vermerkt (Stand {}).",
        offer.name,
        today.format("%d.%m.%Y")
    ))
}

/// Why a change was not taken: per field (the form marks them), or as a whole.
#[derive(Debug)]
pub enum ChangeRefused {
    Fields(Vec<(EditableField, String)>),
    Error(AppError),
}

impl From<AppError> for ChangeRefused {
    fn from(error: AppError) -> ChangeRefused {
        ChangeRefused::Error(error)
    }
}

/// The longest message an institution may add to a change, in characters.
const MESSAGE_MAX: usize = 2000;

fn checked_message(message: &str) -> Result<String, AppError> {
    use crate::requests::model::{TextFault, text_fault};
    let message = message.trim();
    // Optional: only a message that was written is checked.
    let fault = (!message.is_empty())
        .then(|| text_fault(message, 0, MESSAGE_MAX))
        .flatten();
    match fault {
        Some(TextFault::TooLong) => Err(AppError::Invalid(format!(
            "Die Nachricht an die Redaktion ist zu lang (höchstens {MESSAGE_MAX} Zeichen)."
        ))),
        Some(TextFault::ControlCharacter) => Err(AppError::Invalid(
            "Die Nachricht enthält ein unsichtbares Steuerzeichen.".into(),
        )),
        Some(TextFault::Missing | TextFault::TooShort) | None => Ok(message.to_string()),
    }
}

/// "Ändern": the fields the institution typed, checked with the editors' validators, become a
/// correction request in the editors' queue, shown as a diff. The note for the page.
pub async fn ask_change(
    token: &str,
    offer_id: i64,
    typed: &[(EditableField, String)],
    message: &str,
    now: i64,
) -> Result<String, ChangeRefused> {
    let message = checked_message(message)?;
    let (link, offer) = link_and_offer(token, offer_id, now).await?;
    let changes = proposed_changes(&offer, typed).map_err(ChangeRefused::Fields)?;
    if changes.is_empty() && message.is_empty() {
        return Err(AppError::Invalid(
            "Sie haben nichts geändert. Wenn alles stimmt, wählen Sie bitte „Stimmt noch“.".into(),
        )
        .into());
    }
    let request = propose(
        &link,
        offer_id,
        &message,
        &changes,
        LogEvent::ChangeAsked,
        now,
    )
    .await?;
    Ok(format!(
        "Danke! Ihre Änderung an „{}“ ist bei der Redaktion (Nummer {}); sie erscheint, sobald die Redaktion sie übernommen hat.",
        offer.name, request.reference
    ))
}

/// A request in the editors' queue through `link`, logged as `event` with its reference.
async fn propose(
    link: &ConfirmationLink,
    offer_id: i64,
    message: &str,
    changes: &[crate::requests::model::ProposedChange],
    event: LogEvent,
    now: i64,
) -> Result<crate::requests::model::RequestRecord, AppError> {
    let request = crate::requests::service::submit_proposal(&Proposal {
        offer_id,
        message,
        changes,
        link_id: link.id,
        now,
    })
    .await?;
    log(link, Some(offer_id), event, &request.reference, now).await?;
    Ok(request)
}

/// "Gibt es nicht mehr": a request to archive the offer in the editors' queue.
pub async fn ask_end(
    token: &str,
    offer_id: i64,
    message: &str,
    now: i64,
) -> Result<String, AppError> {
    let message = checked_message(message)?;
    let (link, offer) = link_and_offer(token, offer_id, now).await?;
    let request = propose(
        &link,
        offer_id,
        &message,
        &[end_of_offer()],
        LogEvent::EndAsked,
        now,
    )
    .await?;
    Ok(format!(
        "Danke! Die Redaktion nimmt „{}“ von der Karte, sobald sie Ihre Meldung ({}) geprüft hat.",
        offer.name, request.reference
    ))
}

/// The organisations whose name contains `search` (with `unanswered`, only those that did
/// not answer two reminders), for editors (at most 100).
pub async fn organizations(
    search: &str,
    unanswered: bool,
) -> Result<Vec<OrganizationSummary>, AppError> {
    require(Role::Editor).await?;
    Ok(store()?
        .organizations(search.trim(), unanswered, 100)
        .await?)
}

/// What the editors' page of one organisation shows.
#[derive(Clone, Debug)]
pub struct OrganizationDesk {
    pub organization: OrganizationSummary,
    pub contacts: Vec<Contact>,
    pub log: Vec<LogEntry>,
    /// Whether links can be sent by mail here (`SMTP_URL` is set).
    pub mail_ready: bool,
}

async fn organization_in(
    storage: &dyn ConfirmationStorage,
    id: i64,
) -> Result<OrganizationSummary, AppError> {
    storage
        .organization(id)
        .await?
        .ok_or_else(|| AppError::NotFound("Diese Einrichtung gibt es nicht.".into()))
}

/// One organisation with its confirmation contacts and log, for editors.
pub async fn organization_desk(id: i64) -> Result<OrganizationDesk, AppError> {
    require(Role::Editor).await?;
    let storage = store()?;
    let organization = organization_in(storage.as_ref(), id).await?;
    let mail_ready = app_state()?
        .part::<crate::subscriptions::service::MailSettings>()?
        .mailer
        .is_some();
    Ok(OrganizationDesk {
        organization,
        contacts: storage.contacts(id).await?,
        log: storage.log_of(id).await?,
        mail_ready,
    })
}

/// Adds a confirmation contact to the organisation, for editors.
pub async fn add_contact(organization_id: i64, email: &str, now: i64) -> Result<Contact, AppError> {
    require(Role::Editor).await?;
    let email =
        crate::accounts::model::Email::parse(email).map_err(|error| AppError::Invalid(error.0))?;
    let storage = store()?;
    organization_in(storage.as_ref(), organization_id).await?;
    storage
        .add_contact(organization_id, email.as_str(), now)
        .await?
        .ok_or_else(|| AppError::Conflict("Diese Adresse ist schon eingetragen.".into()))
}

/// Removes a confirmation contact, for editors.
pub async fn remove_contact(organization_id: i64, contact_id: i64) -> Result<(), AppError> {
    require(Role::Editor).await?;
    if store()?.remove_contact(organization_id, contact_id).await? {
        Ok(())
    } else {
        Err(AppError::NotFound(
            "Diese Adresse ist nicht (mehr) eingetragen.".into(),
        ))
    }
}

/// The day a link made at `now` ends and that end in Unix seconds.
fn link_end(now: i64) -> (NaiveDate, i64) {
    let expires_at = now + LINK_VALID_DAYS * 24 * 60 * 60;
    let day = chrono::DateTime::from_timestamp(expires_at, 0)
        .map_or(NaiveDate::MIN, |time| time.date_naive());
    (day, expires_at)
}

/// Where absolute links start for the request being answered.
fn link_base(state: &AppState) -> String {
    let headers = leptos::prelude::use_context::<axum::http::request::Parts>()
        .map(|parts| parts.headers)
        .unwrap_or_default();
    state.site.link_base_for(&headers)
}

/// A fresh link for the organisation, for an editor to pass on by other means; logged. The
/// whole address and the day it ends.
pub async fn fresh_link(organization_id: i64, now: i64) -> Result<(String, NaiveDate), AppError> {
    let editor = require(Role::Editor).await?;
    let state = app_state()?;
    let storage = store()?;
    organization_in(storage.as_ref(), organization_id).await?;
    let (day, expires_at) = link_end(now);
    let link = storage
        .create_link(organization_id, now, expires_at)
        .await?;
    log(
        &link,
        None,
        LogEvent::LinkCreated,
        &editor.display_name,
        now,
    )
    .await?;
    let url = format!(
        "{}{}",
        link_base(&state),
        page_path(&token_of(&state.form_secret, &link))
    );
    Ok((url, day))
}

/// What sending links did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sending {
    pub sent: usize,
    pub failed: usize,
}

/// Mails each confirmation contact of the organisation a link of its own (so each can be
/// seen opened), for editors; each mail is logged, sent or not.
pub async fn send_links(organization_id: i64, now: i64) -> Result<Sending, AppError> {
    require(Role::Editor).await?;
    let state = app_state()?;
    let mailer = state
        .part::<crate::subscriptions::service::MailSettings>()?
        .mailer
        .clone()
        .ok_or_else(|| AppError::Conflict(crate::subscriptions::service::MAIL_NOT_SET_UP.into()))?;
    let storage = store()?;
    let organization = organization_in(storage.as_ref(), organization_id).await?;
    let contacts = storage.contacts(organization_id).await?;
    if contacts.is_empty() {
        return Err(AppError::Invalid(
            "Für diese Einrichtung ist noch keine Adresse für Bestätigungen eingetragen.".into(),
        ));
    }
    let offers = storage.organization_offer_ids(organization_id).await?.len();
    let post = LinkPost {
        mailer,
        form_secret: state.form_secret.clone(),
        link_base: link_base(&state),
    };
    let sending = post
        .send_to_all(
            storage.as_ref(),
            organization_id,
            &contacts,
            now,
            |url, day| link_mail(&organization.name, offers, url, day),
        )
        .await?;
    Ok(sending)
}

/// How links go out by mail: the mailer, the secret that signs them, where they start.
#[derive(Clone)]
pub struct LinkPost {
    pub mailer: crate::subscriptions::mail::Mailer,
    pub form_secret: Arc<[u8; 32]>,
    /// Where links start (`PUBLIC_URL`), without a trailing slash.
    pub link_base: String,
}

impl LinkPost {
    /// [`LinkPost::send_fresh_link`] to each of `contacts`: how many mails went out and how
    /// many did not.
    async fn send_to_all(
        &self,
        storage: &dyn ConfirmationStorage,
        organization_id: i64,
        contacts: &[Contact],
        now: i64,
        compose: impl Fn(&str, NaiveDate) -> LinkMail,
    ) -> Result<Sending, crate::platform::database::StorageError> {
        let mut sending = Sending::default();
        for contact in contacts {
            if self
                .send_fresh_link(storage, organization_id, contact, now, &compose)
                .await?
            {
                sending.sent += 1;
            } else {
                sending.failed += 1;
            }
        }
        Ok(sending)
    }

    /// Makes a fresh link of the organisation for `contact` and mails it as `compose` words
    /// it (from the link's address and last day); logs it sent or not delivered, with the
    /// address and `what` was sent. Whether the mail went out.
    async fn send_fresh_link(
        &self,
        storage: &dyn ConfirmationStorage,
        organization_id: i64,
        contact: &Contact,
        now: i64,
        compose: impl Fn(&str, NaiveDate) -> LinkMail,
    ) -> Result<bool, crate::platform::database::StorageError> {
        let (day, expires_at) = link_end(now);
        let link = storage
            .create_link(organization_id, now, expires_at)
            .await?;
        let url = format!(
            "{}{}",
            self.link_base,
            page_path(&token_of(&self.form_secret, &link))
        );
        let mail = compose(&url, day);
        let sent = match self
            .mailer
            .plain_message(&contact.email, &mail.subject, &mail.body)
        {
            Ok(message) => self.mailer.send(message).await,
            Err(error) => Err(error),
        };
        if let Err(error) = &sent {
            // The contact's id, not the address, goes to the server's log.
            tracing::warn!(contact = contact.id, %error, "confirmation link not sent");
        }
        let event = if sent.is_ok() {
            LogEvent::Sent
        } else {
            LogEvent::NotSent
        };
        storage
            .log_event(&NewLogEntry {
                organization_id,
                link_id: Some(link.id),
                offer_id: None,
                event,
                detail: &format!("{} an {}", mail.subject, contact.email),
                now,
            })
            .await?;
        Ok(sent.is_ok())
    }
}

/// Revokes every link of the organisation that still holds, for editors; how many.
pub async fn revoke_links(organization_id: i64, now: i64) -> Result<u64, AppError> {
    let editor = require(Role::Editor).await?;
    let storage = store()?;
    organization_in(storage.as_ref(), organization_id).await?;
    let revoked = storage.revoke_links(organization_id, now).await?;
    storage
        .log_event(&NewLogEntry {
            organization_id,
            link_id: None,
            offer_id: None,
            event: LogEvent::Revoked,
            detail: &format!("{revoked} durch {}", editor.display_name),
            now,
        })
        .await?;
    Ok(revoked)
}

/// Everything a reminder round needs: set up at start when mail is.
#[derive(Clone)]
pub struct Reminders {
    pub storage: Arc<dyn ConfirmationStorage>,
    /// The requests' store: "Fehler melden" corrections to forward.
    pub requests: Arc<dyn crate::requests::store::RequestStorage>,
    pub post: LinkPost,
    pub policy: ReminderPolicy,
}

/// What one forwarding round did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ForwardReport {
    /// Corrections mailed to their institution.
    pub forwarded: usize,
    /// Corrections whose institution has no confirmation address (noted, not mailed).
    pub without_address: usize,
    /// Mails no address took.
    pub failed: usize,
}

/// How far back a forwarding round looks: a correction older than this when forwarding is
/// first set up stays with the editors alone.
const FORWARD_WITHIN_SECS: i64 = 7 * 24 * 60 * 60;

/// The forwarding rounds run this often by default.
pub const DEFAULT_FORWARD_INTERVAL_SECS: u64 = 60;

/// What one reminder round did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReminderReport {
    /// Organisations that got their first reminder, or their second.
    pub first: usize,
    pub second: usize,
    /// Organisations the editors were told about (no answer to two reminders).
    pub flagged: usize,
    /// Reminders no address took (tried again next round).
    pub failed: usize,
}

/// The reminder rounds run this often by default.
pub const DEFAULT_REMINDER_INTERVAL_SECS: u64 = 60 * 60;

impl Reminders {
    /// One round at `now` (the clock is the caller's: tests move it). Organisations whose
    /// offers are all confirmed or checked again start over; every other organisation with
    /// confirmation addresses and offers due gets what its state asks for: a first reminder, a
    /// second, or a line per due offer in its log for the editors. Each step is claimed before
    /// it is taken, so two rounds (two instances) never send one reminder twice; a reminder
    /// that reached no address is taken back and tried again next round.
    pub async fn run_round(
        &self,
        now: i64,
    ) -> Result<ReminderReport, crate::platform::database::StorageError> {
        let today = chrono::DateTime::from_timestamp(now, 0)
            .map_or(NaiveDate::MIN, |time| time.date_naive());
        let before = self.policy.due_before(today);
        self.storage.settle_reminders(before).await?;
        let mut report = ReminderReport::default();
        for candidate in self.storage.reminder_candidates(before).await? {
            let organization = &candidate.organization;
            let step = self.policy.next_step(organization.reminders.as_ref(), now);
            if step == ReminderStep::Wait
                || !self
                    .storage
                    .advance_reminder(organization.id, step, now)
                    .await?
            {
                continue;
            }
            if step == ReminderStep::Flag {
                for (offer_id, _) in &candidate.due_offers {
                    self.storage
                        .log_event(&NewLogEntry {
                            organization_id: organization.id,
                            link_id: None,
                            offer_id: Some(*offer_id),
                            event: LogEvent::NoAnswer,
                            detail: "",
                            now,
                        })
                        .await?;
                }
                report.flagged += 1;
                continue;
            }
            let names: Vec<String> = candidate
                .due_offers
                .iter()
                .map(|(_, name)| name.clone())
                .collect();
            let second = step == ReminderStep::Second;
            let offers = usize::try_from(organization.active_offers).unwrap_or(0);
            let sending = self
                .post
                .send_to_all(
                    self.storage.as_ref(),
                    organization.id,
                    &candidate.contacts,
                    now,
                    |url, day| reminder_mail(&organization.name, offers, &names, url, day, second),
                )
                .await?;
            report.failed += sending.failed;
            let reached = sending.sent;
            if reached == 0 {
                self.storage.undo_reminder(organization.id, step).await?;
            } else if second {
                report.second += 1;
            } else {
                report.first += 1;
            }
        }
        Ok(report)
    }

    /// Mails each open "Fehler melden" correction of the last week to its institution's
    /// confirmation addresses, with a fresh link each and the reporter's address only if they
    /// left one; notes it forwarded (claimed first: several instances forward once), or noted
    /// without address when the institution has none.
    pub async fn forward_round(&self, now: i64) -> Result<ForwardReport, AppError> {
        use crate::requests::service::{corrections_to_forward_in, mark_forwarded_in};
        let mut report = ForwardReport::default();
        let requests = self.requests.as_ref();
        for correction in corrections_to_forward_in(requests, now - FORWARD_WITHIN_SECS).await? {
            let organization = match correction.offer_id {
                Some(offer_id) => self.storage.organization_of_offer(offer_id).await?,
                None => None,
            };
            let organization = match organization {
                Some(id) => self.storage.organization(id).await?,
                None => None,
            };
            let contacts = match &organization {
                Some(organization) => self.storage.contacts(organization.id).await?,
                None => Vec::new(),
            };
            let to: Vec<&str> = contacts.iter().map(|c| c.email.as_str()).collect();
            if !mark_forwarded_in(requests, correction.id, &to.join(", "), now).await? {
                continue;
            }
            let Some(organization) = organization.filter(|_| !contacts.is_empty()) else {
                report.without_address += 1;
                continue;
            };
            let reported = ReportedError {
                organization: &organization.name,
                offer: &correction.offer_name,
                reference: &correction.reference,
                message: &correction.message,
                reply_to: &correction.contact_email,
            };
            let sending = self
                .post
                .send_to_all(
                    self.storage.as_ref(),
                    organization.id,
                    &contacts,
                    now,
                    |url, day| reported_error_mail(&reported, url, day),
                )
                .await?;
            report.failed += sending.failed;
            report.forwarded += 1;
        }
        Ok(report)
    }

    /// Runs the reminder rounds every `reminder_secs` and the forwarding rounds every
    /// `forward_secs` for as long as the server runs.
    pub async fn run_every(self, reminder_secs: u64, forward_secs: u64) {
        use crate::platform::rounds::every;
        tokio::join!(
            every(reminder_secs, "reminder round", |now| self.run_round(now)),
            every(forward_secs, "forwarding round", |now| self
                .forward_round(now)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_to_the_editors_is_optional_but_checked_like_the_public_forms() {
        assert_eq!(checked_message("  ").unwrap(), "");
        assert_eq!(
            checked_message(" Neue Anschrift\nab März ").unwrap(),
            "Neue Anschrift\nab März"
        );
        let long = checked_message(&"x".repeat(MESSAGE_MAX + 1)).unwrap_err();
        assert!(long.to_string().contains("zu lang"), "{long}");
        assert!(checked_message(&"x".repeat(MESSAGE_MAX)).is_ok());
        let control = checked_message("Neu\u{1b}[31m").unwrap_err();
        assert!(control.to_string().contains("Steuerzeichen"), "{control}");
    }
}
