//! Login throttling: after a few failed logins for one account (or from one address) further
//! attempts wait, for a time that doubles with every further failure. Pure policy; the
//! counters are stored by the server.

/// The failure record of one throttle key (an account or a client address).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FailureRecord {
    pub failures: u32,
    /// Unix seconds of the last failure.
    pub last_failure: i64,
    /// Unix seconds until which attempts are refused without checking the password.
    pub locked_until: i64,
}

/// How strictly a kind of key is throttled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failures allowed before the first lock.
    pub free_failures: u32,
    /// Length of the first lock in seconds; each further failure doubles it.
    pub first_lock_secs: i64,
    pub max_lock_secs: i64,
    /// After this long without a failure the count starts again.
    pub forget_after_secs: i64,
}

impl ThrottlePolicy {
    /// Per account: five tries, then 30 s, 1 min, 2 min … up to 15 minutes.
    pub const ACCOUNT: ThrottlePolicy = ThrottlePolicy {
        free_failures: 5,
        first_lock_secs: 30,
        max_lock_secs: 15 * 60,
        forget_after_secs: 60 * 60,
    };

    /// Per client address: more tries, because an office or a school shares one address.
    pub const ADDRESS: ThrottlePolicy = ThrottlePolicy {
        free_failures: 20,
        first_lock_secs: 30,
        max_lock_secs: 15 * 60,
        forget_after_secs: 60 * 60,
    };

    /// Public forms (listing requests, corrections) per client address: five an hour (the
    /// fifth post starts the lock), then ten minutes' wait, doubling.
    pub const PUBLIC_FORMS: ThrottlePolicy = ThrottlePolicy {
        free_failures: 4,
        first_lock_secs: 10 * 60,
        max_lock_secs: 60 * 60,
        forget_after_secs: 60 * 60,
    };

    /// What an institution does through its confirmation link, per link: a hundred actions an
    /// hour (confirming a long list of offers one by one), then ten minutes' wait, doubling.
    pub const LINK_ACTIONS: ThrottlePolicy = ThrottlePolicy {
        free_failures: 100,
        first_lock_secs: 10 * 60,
        max_lock_secs: 60 * 60,
        forget_after_secs: 60 * 60,
    };

    /// Seconds to wait before another attempt is allowed, or `None` if one is allowed now.
    pub fn wait_secs(&self, record: &FailureRecord, now: i64) -> Option<i64> {
        (record.locked_until > now).then(|| record.locked_until - now)
    }

    /// The record after one more failure at `now`.
    pub fn after_failure(&self, record: &FailureRecord, now: i64) -> FailureRecord {
        let failures = if now - record.last_failure > self.forget_after_secs {
            1
        } else {
            record.failures.saturating_add(1)
        };
        let locked_until = match failures.checked_sub(self.free_failures) {
            Some(over) if over > 0 => {
                let doublings = (over - 1).min(20);
                let lock = self
                    .first_lock_secs
                    .saturating_mul(1_i64 << doublings)
                    .min(self.max_lock_secs);
                now + lock
            }
            _ => 0,
        };
        FailureRecord {
            failures,
            last_failure: now,
            locked_until,
        }
    }
}

impl ThrottlePolicy {
    /// The record after an attempt counted in advance as a failure turned out right: the count
    /// goes back, and so does a lock that count started.
    pub fn after_success(&self, record: &FailureRecord) -> FailureRecord {
        let failures = record.failures.saturating_sub(1);
        FailureRecord {
            failures,
            last_failure: record.last_failure,
            locked_until: if failures > self.free_failures {
                record.locked_until
            } else {
                0
            },
        }
    }
}

/// "Bitte versuchen Sie es in … erneut": a wait in words, rounded up to whole minutes above a
/// minute.
pub fn wait_in_words(secs: i64) -> String {
    if secs <= 60 {
        let secs = secs.max(1);
        if secs == 1 {
            "1 Sekunde".to_string()
        } else {
            format!("{secs} Sekunden")
        }
    } else {
        let minutes = (secs + 59) / 60;
        format!("{minutes} Minuten")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000;

    fn fail_times(policy: &ThrottlePolicy, times: u32) -> FailureRecord {
        (0..times).fold(FailureRecord::default(), |record, _| {
            policy.after_failure(&record, NOW)
        })
    }

    #[test]
    fn the_first_failures_are_free() {
        let policy = ThrottlePolicy::ACCOUNT;
        let record = fail_times(&policy, 5);
        assert_eq!(record.failures, 5);
        assert_eq!(policy.wait_secs(&record, NOW), None);
    }

    #[test]
    fn locks_grow_with_every_further_failure_up_to_the_maximum() {
        let policy = ThrottlePolicy::ACCOUNT;
        let waits: Vec<_> = (6..=12)
            .map(|n| policy.wait_secs(&fail_times(&policy, n), NOW).unwrap())
            .collect();
        assert_eq!(waits, vec![30, 60, 120, 240, 480, 900, 900]);
    }

    #[test]
    fn a_lock_ends_after_its_time() {
        let policy = ThrottlePolicy::ACCOUNT;
        let record = fail_times(&policy, 6);
        assert_eq!(policy.wait_secs(&record, NOW + 29), Some(1));
        assert_eq!(policy.wait_secs(&record, NOW + 30), None);
    }

    #[test]
    fn old_failures_are_forgotten() {
        let policy = ThrottlePolicy::ACCOUNT;
        let record = fail_times(&policy, 9);
        let later = policy.after_failure(&record, NOW + 2 * 60 * 60);
        assert_eq!(later.failures, 1);
        assert_eq!(policy.wait_secs(&later, NOW + 2 * 60 * 60), None);
    }

    #[test]
    fn addresses_get_more_tries_than_accounts() {
        let policy = ThrottlePolicy::ADDRESS;
        assert_eq!(policy.wait_secs(&fail_times(&policy, 20), NOW), None);
        assert_eq!(policy.wait_secs(&fail_times(&policy, 21), NOW), Some(30));
    }

    #[test]
    fn a_success_counted_in_advance_takes_back_its_failure_and_its_lock() {
        let policy = ThrottlePolicy::ADDRESS;
        let in_flight = fail_times(&policy, 21);
        assert_eq!(policy.wait_secs(&in_flight, NOW), Some(30));
        let after = policy.after_success(&in_flight);
        assert_eq!(after.failures, 20);
        assert_eq!(policy.wait_secs(&after, NOW), None);
        let deeper = policy.after_success(&fail_times(&policy, 23));
        assert_eq!(deeper.failures, 22);
        assert!(policy.wait_secs(&deeper, NOW).is_some());
        assert_eq!(
            policy.after_success(&FailureRecord::default()),
            FailureRecord::default()
        );
    }

    #[test]
    fn waits_read_naturally() {
        assert_eq!(wait_in_words(1), "1 Sekunde");
        assert_eq!(wait_in_words(30), "30 Sekunden");
        assert_eq!(wait_in_words(61), "2 Minuten");
        assert_eq!(wait_in_words(900), "15 Minuten");
    }
}
