-- "Fehler melden" reaches the institution too: when a correction was mailed to its
-- organisation's confirmation addresses (and to which; '' with the time when it has none).
ALTER TABLE requests ADD COLUMN forwarded_at BIGINT;
ALTER TABLE requests ADD COLUMN forwarded_to TEXT NOT NULL DEFAULT '';
