-- Institutions confirm their own offers without an account. Per organisation: the addresses
-- its confirmation links go to (member-only, like every contact), the signed links themselves
-- (expiring, revocable; the signature binds a link to its organisation and expiry) and a log
-- of what happened (sent, opened, confirmed, change or end asked) for the editors. A change
-- an institution asks for is a request in the editors' queue, its fields as a diff.

CREATE TABLE confirmation_contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (organization_id, email)
);

CREATE TABLE confirmation_links (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT,
    -- When the link's page was first opened.
    opened_at BIGINT
);
CREATE INDEX confirmation_links_organization ON confirmation_links (organization_id, id);

CREATE TABLE confirmation_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    link_id BIGINT REFERENCES confirmation_links (id) ON DELETE SET NULL,
    offer_id BIGINT REFERENCES offers (id) ON DELETE SET NULL,
    at BIGINT NOT NULL,
    event TEXT NOT NULL CHECK (event IN ('link', 'gesendet', 'nicht-gesendet', 'geoeffnet',
        'bestaetigt', 'aenderung', 'eingestellt', 'gesperrt', 'keine-antwort')),
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX confirmation_log_organization ON confirmation_log (organization_id, id);

-- Where an organisation's reminders stand while it has offers due for confirmation: the first
-- and second reminder sent, and when the editors were told it did not answer. Deleted when no
-- offer of it is due any more, so the next time starts again with a first reminder.
CREATE TABLE confirmation_reminders (
    organization_id BIGINT PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    first_sent_at BIGINT NOT NULL,
    second_sent_at BIGINT,
    flagged_at BIGINT
);

-- A request from an institution's link: the fields it would change (JSON: field, old, new)
-- and the link it came through.
ALTER TABLE requests ADD COLUMN proposed TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN confirmation_link_id BIGINT REFERENCES confirmation_links (id);
