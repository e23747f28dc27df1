-- Field-level freshness: the opening hours, the phone and e-mail, and the cost each carry the
-- day they were last confirmed (ISO text, as the editors' fields are written on both
-- databases): set by a check, the institution's confirmation or an edit of that group.
-- Existing offers start with their last check.
ALTER TABLE offers ADD COLUMN hours_confirmed TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN contact_confirmed TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN cost_confirmed TEXT NOT NULL DEFAULT '';
UPDATE offers SET hours_confirmed = CAST(last_checked AS TEXT),
    contact_confirmed = CAST(last_checked AS TEXT), cost_confirmed = CAST(last_checked AS TEXT);
