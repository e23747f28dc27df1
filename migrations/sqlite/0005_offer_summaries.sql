-- Optional short descriptions of an offer for families who read English, Turkish, Arabic or
-- Ukrainian better than German (the offer's own text stays German). Empty means none.
ALTER TABLE offers ADD COLUMN summary_en TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN summary_tr TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN summary_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN summary_uk TEXT NOT NULL DEFAULT '';
