//! The public data's change counter: every write that changes what the public sees bumps it
//! after its commit, and the public read model (`offers::read_model`) starts a new snapshot
//! when it has moved. On PostgreSQL the other instances' commits bump it too (their triggers
//! send a `NOTIFY`, see [`listen_for_public_changes`]).

use std::sync::atomic::{AtomicU64, Ordering};

/// A generation number: it only grows, by one per committed change (or per hint that there
/// may have been one).
#[derive(Debug, Default)]
pub struct ChangeCounter(AtomicU64);

impl ChangeCounter {
    /// Says that public data changed. Called after the change is committed, so that whoever
    /// sees the new number reads the new data.
    pub fn bump(&self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }

    /// The current generation.
    pub fn current(&self) -> u64 {
        self.0.load(Ordering::Acquire)
    }
}

/// The channel the PostgreSQL triggers of migration 0010 notify on.
pub const PUBLIC_CHANGES_CHANNEL: &str = "chancenkarte_public";

/// Listens for the public-change notifications of every instance on this PostgreSQL and bumps
/// `counter` on each, for as long as the process runs. After a lost connection (when
/// notifications may have been missed) it bumps as well, then listens again.
pub fn listen_for_public_changes(pool: sqlx::PgPool, counter: std::sync::Arc<ChangeCounter>) {
    tokio::spawn(async move {
        loop {
            match sqlx::postgres::PgListener::connect_with(&pool).await {
                Ok(mut listener) => {
                    if let Err(error) = listener.listen(PUBLIC_CHANGES_CHANNEL).await {
                        tracing::warn!(%error, "listening for public changes failed");
                    } else {
                        // Whatever changed before the listener was in place is read anew.
                        counter.bump();
                        loop {
                            match listener.try_recv().await {
                                Ok(Some(_)) => counter.bump(),
                                // The connection was lost and is restored: a notification may
                                // have been missed in between.
                                Ok(None) => counter.bump(),
                                Err(error) => {
                                    tracing::warn!(%error, "public change notifications lost");
                                    break;
                                }
                            }
                        }
                    }
                }
                Err(error) => tracing::warn!(%error, "no connection for change notifications"),
            }
            counter.bump();
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bump_moves_the_generation_on() {
        let counter = ChangeCounter::default();
        let before = counter.current();
        counter.bump();
        counter.bump();
        assert_eq!(counter.current(), before + 2);
    }
}
