-- Requests from outside: listing requests from institutions and corrections to offers. Never
-- public; only editors read them.

CREATE TABLE requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('eintrag', 'korrektur')),
    created_at BIGINT NOT NULL,
    offer_id BIGINT REFERENCES offers (id) ON DELETE CASCADE,
    organization TEXT NOT NULL DEFAULT '',
    offer_name TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    street TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    town TEXT NOT NULL DEFAULT '',
    contact_name TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'offen'
        CHECK (status IN ('offen', 'uebernommen', 'eingearbeitet', 'verworfen', 'abgelehnt')),
    decided_by BIGINT REFERENCES accounts (id),
    decided_at BIGINT,
    decision_reason TEXT NOT NULL DEFAULT '',
    created_offer_id BIGINT REFERENCES offers (id)
);
CREATE INDEX requests_status ON requests (status, id);
