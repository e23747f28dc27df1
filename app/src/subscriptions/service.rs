//! The operations on subscriptions: a member's own (read, save, end; role checked on the
//! server, refused while no SMTP server is set up), the one-click unsubscribe by signed token,
//! and the digest rounds that mail each due subscription its news.

use std::sync::Arc;

use crate::accounts::auth::require;
use crate::accounts::model::Role;
use crate::platform::database::StorageError;
use crate::region::model::MunicipalityInfo;
use crate::shared::error::AppError;
use crate::subscriptions::mail::Mailer;
use crate::subscriptions::model::{
    Choices, DigestFrame, FieldErrors, Subscription, SubscriptionForm, compose_digest, is_due,
};
use crate::subscriptions::store::{Marks, SubscriptionSave, SubscriptionStorage};

/// What the page says, and the service answers, while no SMTP server is set up.
pub const MAIL_NOT_SET_UP: &str = "E-Mail-Versand ist nicht eingerichtet: Auf diesem Server ist kein SMTP-Server eingetragen (SMTP_URL), deshalb gibt es noch keine Nachrichten per E-Mail. Bitte wenden Sie sich an die Verwaltung des Netzwerks.";

/// What a refused unsubscribe link is told.
pub const BAD_UNSUBSCRIBE_LINK: &str = "Dieser Abbestell-Link ist ungültig oder unvollständig. Bitte öffnen Sie den Link aus der E-Mail unverändert, oder melden Sie sich an und beenden Sie die Nachrichten unter /netzwerk/nachrichten.";

/// The mail side of the running application, registered at start as a feature part: the
/// mailer (`None` without `SMTP_URL`: nothing is stored or sent).
#[derive(Clone, Debug)]
pub struct MailSettings {
    pub mailer: Option<Mailer>,
}

/// The subscriptions' store of the running application.
pub fn store() -> Result<Arc<dyn SubscriptionStorage>, AppError> {
    crate::platform::state::app_state()?.part()
}

fn mail_ready() -> Result<bool, AppError> {
    let settings = crate::platform::state::app_state()?.part::<MailSettings>()?;
    Ok(settings.mailer.is_some())
}

/// The signed-in member's view of the page: whether mail is set up, and their subscription.
pub async fn own_subscription() -> Result<(bool, Option<Subscription>), AppError> {
    let member = require(Role::Member).await?;
    Ok((mail_ready()?, store()?.subscription_of(member.id).await?))
}

/// Why a subscription is not saved: per field (the form marks them) or as a whole.
#[derive(Debug)]
pub enum Refused {
    Fields(FieldErrors),
    Error(AppError),
}

impl From<AppError> for Refused {
    fn from(error: AppError) -> Refused {
        Refused::Error(error)
    }
}

impl Refused {
    /// The answer to code: 400 with every field's reason, or the error as it is.
    pub fn into_error(self) -> AppError {
        match self {
            Refused::Fields(errors) => AppError::Invalid(
                errors
                    .into_iter()
                    .map(|(_, reason)| reason)
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            Refused::Error(error) => error,
        }
    }
}

/// Saves the signed-in member's subscription (creating it, or replacing its choices).
/// Refused, with nothing stored, while no SMTP server is set up.
pub async fn subscribe(form: &SubscriptionForm, now: i64) -> Result<Subscription, Refused> {
    let member = require(Role::Member).await?;
    if !mail_ready()? {
        return Err(AppError::Conflict(MAIL_NOT_SET_UP.into()).into());
    }
    let known: Vec<String> = crate::platform::state::app_state()?
        .region
        .municipalities
        .iter()
        .map(|m| m.ags.clone())
        .collect();
    let (choices, frequency) = form.parse(&known).map_err(Refused::Fields)?;
    let save = SubscriptionSave {
        account_id: member.id,
        choices: &choices,
        frequency,
        now,
    };
    let saved = store()?
        .save_subscription(&save)
        .await
        .map_err(AppError::from)?;
    tracing::info!(subscription = saved.id, "subscription saved");
    Ok(saved)
}

/// Ends the signed-in member's subscription; `false` if there was none.
pub async fn end_own_subscription() -> Result<bool, AppError> {
    let member = require(Role::Member).await?;
    Ok(store()?.delete_subscription_of(member.id).await?)
}

/// The subscription a one-click token names, or 400 with the German reason.
pub fn check_token(secret: &[u8; 32], token: &str) -> Result<i64, AppError> {
    crate::subscriptions::token::verify(secret, token)
        .ok_or_else(|| AppError::Invalid(BAD_UNSUBSCRIBE_LINK.into()))
}

/// Ends the subscription a signed token names (no login: the token is the permission).
/// Ending one that is already gone is no error: the link does what it says.
pub async fn unsubscribe_in(
    storage: &dyn SubscriptionStorage,
    secret: &[u8; 32],
    token: &str,
) -> Result<(), AppError> {
    let id = check_token(secret, token)?;
    if storage.delete_subscription(id).await? {
        tracing::info!(subscription = id, "unsubscribed by link");
    }
    Ok(())
}

/// Whether a round sends only what is due, or every subscription now (`send-digests
/// --all-due-now`, for operators and tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    ByFrequency,
    AllNow,
}

/// What one round did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RoundReport {
    /// Digests handed to the SMTP server.
    pub sent: usize,
    /// Due subscriptions with nothing new (no mail; the next digest starts from here).
    pub nothing_new: usize,
    /// Digests the SMTP server did not take; tried again next round.
    pub failed: usize,
}

/// Everything a digest round needs.
#[derive(Clone)]
pub struct Digests {
    pub storage: Arc<dyn SubscriptionStorage>,
    pub mailer: Mailer,
    pub form_secret: Arc<[u8; 32]>,
    /// Where links start (`PUBLIC_URL`), without a trailing slash.
    pub link_base: String,
    pub municipalities: Vec<MunicipalityInfo>,
}

/// The rounds run this often; a due subscription waits at most this long past its time, and a
/// daily one is taken up to half a round early so it does not creep later day by day.
pub const DEFAULT_INTERVAL_SECS: u64 = 10 * 60;

impl Digests {
    /// The signed page where a digest's reader ends the subscription (one button).
    pub fn unsubscribe_page(&self, subscription_id: i64) -> String {
        format!(
            "{}/nachrichten/abbestellen?token={}",
            self.link_base,
            crate::subscriptions::token::issue(&self.form_secret, subscription_id)
        )
    }

    /// The signed address mail programs POST to (RFC 8058), in `List-Unsubscribe`.
    pub fn one_click_address(&self, subscription_id: i64) -> String {
        format!(
            "{}{}?token={}",
            self.link_base,
            crate::subscriptions::handlers::ONE_CLICK_PATH,
            crate::subscriptions::token::issue(&self.form_secret, subscription_id)
        )
    }

    fn municipality_name(&self, ags: &str) -> String {
        self.municipalities
            .iter()
            .find(|m| m.ags == ags)
            .map_or_else(|| ags.to_string(), |m| m.name.clone())
    }

    /// One round: every due subscription is claimed (its marks moved to now, so no other
    /// round sends it too), gets a digest of what changed since its last one if anything
    /// matches, and is put back if the SMTP server refuses (tried again next round).
    pub async fn send_due(
        &self,
        now: i64,
        interval_secs: u64,
        due: Due,
    ) -> Result<RoundReport, StorageError> {
        let mut report = RoundReport::default();
        let up_to = self.storage.newest_change_id().await?;
        let slack = i64::try_from(interval_secs / 2).unwrap_or(i64::MAX);
        for candidate in self.storage.digest_subscriptions().await? {
            let subscription = &candidate.subscription;
            if due == Due::ByFrequency
                && !is_due(
                    subscription.frequency,
                    candidate.marks.last_sent_at,
                    now,
                    slack,
                )
            {
                continue;
            }
            let claimed = Marks {
                last_sent_at: now,
                seen_change_id: up_to.max(candidate.marks.seen_change_id),
            };
            if !self
                .storage
                .move_marks(subscription.id, candidate.marks, claimed)
                .await?
            {
                continue;
            }
            let offers: Vec<_> = self
                .storage
                .changed_offers(candidate.marks.seen_change_id, claimed.seen_change_id)
                .await?
                .into_iter()
                .filter(|offer| subscription.choices.cover(offer))
                .collect();
            let unsubscribe_page = self.unsubscribe_page(subscription.id);
            let frame = DigestFrame {
                site_name: "Chancenkarte",
                link_base: &self.link_base,
                frequency: subscription.frequency,
                since: candidate.marks.last_sent_at,
                choices_in_words: describe(&subscription.choices, self),
                unsubscribe_url: &unsubscribe_page,
            };
            let Some(digest) = compose_digest(&frame, &offers) else {
                report.nothing_new += 1;
                continue;
            };
            let sent = match self.mailer.digest_message(
                &candidate.email,
                &digest,
                &self.one_click_address(subscription.id),
            ) {
                Ok(message) => self.mailer.send(message).await,
                Err(error) => Err(error),
            };
            match sent {
                Ok(()) => report.sent += 1,
                Err(error) => {
                    // The id, not the address, goes to the log.
                    tracing::warn!(subscription = subscription.id, %error, "digest not sent; tried again next round");
                    self.storage
                        .move_marks(subscription.id, claimed, candidate.marks)
                        .await?;
                    report.failed += 1;
                }
            }
        }
        Ok(report)
    }

    /// Runs a round every `interval_secs` for as long as the server runs.
    pub async fn run_every(self, interval_secs: u64) {
        crate::platform::rounds::every(interval_secs, "digest round", |now| {
            self.send_due(now, interval_secs, Due::ByFrequency)
        })
        .await
    }
}

fn describe(choices: &Choices, digests: &Digests) -> String {
    choices.describe(&|ags| digests.municipality_name(ags))
}
