-- Wait times and free places: what an editor or the institution says ("ja", "nein",
-- "anfrage"; weeks), and the day it was said (ISO text): public only while recent.
ALTER TABLE offers ADD COLUMN free_places TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN wait_weeks TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN availability_confirmed TEXT NOT NULL DEFAULT '';
