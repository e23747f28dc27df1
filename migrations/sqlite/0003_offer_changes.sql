-- The change history of offers: who changed which field when, from what to what. A revert is
-- itself a change that names the change it undoes.

CREATE TABLE offer_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    offer_id BIGINT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    account_id BIGINT REFERENCES accounts (id),
    changed_at BIGINT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    -- The offer's version after this change.
    version BIGINT NOT NULL,
    reverts_change_id BIGINT REFERENCES offer_changes (id)
);
CREATE INDEX offer_changes_offer ON offer_changes (offer_id, id);
