-- Members' subscriptions to news of new or changed offers: the account, its choices (codes
-- separated by spaces, empty for all), how often, and how far its digests have come. Nothing
-- about families. Ids are never reused, so an old unsubscribe link cannot end a later
-- subscription.

CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id BIGINT NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
    municipalities TEXT NOT NULL DEFAULT '',
    topics TEXT NOT NULL DEFAULT '',
    phases TEXT NOT NULL DEFAULT '',
    frequency TEXT NOT NULL CHECK (frequency IN ('taeglich', 'woechentlich')),
    created_at BIGINT NOT NULL,
    -- Unix seconds of the last digest round that covered it (when the next is due).
    last_sent_at BIGINT NOT NULL,
    -- The newest offer_changes entry it covered (where the next digest starts).
    seen_change_id BIGINT NOT NULL
);
