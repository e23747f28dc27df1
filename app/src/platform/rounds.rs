//! Work the server does by itself on a schedule (the members' digests, the institutions'
//! reminders): a round every so many seconds for as long as the server runs, each told the
//! time, its report logged when it did something and its failure logged and tried again.

use std::fmt::{Debug, Display};
use std::future::Future;

/// Runs `round` every `interval_secs`, giving it the current time (Unix seconds). A report
/// that is its type's default (nothing done) is not logged.
pub async fn every<Round, Fut, Report, Error>(interval_secs: u64, what: &'static str, round: Round)
where
    Round: Fn(i64) -> Fut,
    Fut: Future<Output = Result<Report, Error>>,
    Report: Debug + Default + PartialEq,
    Error: Display,
{
    let mut ticks = tokio::time::interval(std::time::Duration::from_secs(interval_secs.max(1)));
    // A round that took long is not made up for by a burst of rounds.
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match round(chrono::Utc::now().timestamp()).await {
            Ok(report) if report == Report::default() => {}
            Ok(report) => tracing::info!(?report, "{what}"),
            Err(error) => tracing::warn!(%error, "{what} failed; tried again next round"),
        }
    }
}
