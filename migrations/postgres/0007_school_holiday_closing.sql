-- Offers tied to the school year (homework help, school social work, OGS …) close in the
-- school holidays; "heute geöffnet" and the "jetzt geöffnet" filter take it into account.
ALTER TABLE offers ADD COLUMN closed_in_school_holidays BOOLEAN NOT NULL DEFAULT FALSE;
