-- Dated and temporary offers. A visibility window (ISO days, '' for none): outside it the
-- offer leaves every public view by itself and comes back when the window is renewed. A
-- temporary closure until a day, with a reason: the offer stays public with the notice.
-- Text, not DATE: the editors' fields are written as their canonical text on both databases,
-- and ISO days compare as text.
ALTER TABLE offers ADD COLUMN visible_from TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN visible_until TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN closed_until TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN closed_reason TEXT NOT NULL DEFAULT '';
