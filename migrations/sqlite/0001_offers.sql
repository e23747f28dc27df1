-- Public offer data (HSDS 3.0 in spirit: organization, location, service) and, in tables of
-- their own, the member-only data that must never reach the public page.

CREATE TABLE municipalities (
    ags TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    population BIGINT
);

CREATE TABLE organizations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    external_id TEXT UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    is_demo BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE locations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    street TEXT NOT NULL,
    postcode TEXT NOT NULL,
    town TEXT NOT NULL,
    municipality_ags TEXT NOT NULL REFERENCES municipalities (ags),
    lat DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180)
);

CREATE TABLE offers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    external_id TEXT UNIQUE,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    location_id BIGINT NOT NULL REFERENCES locations (id),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    cost TEXT NOT NULL CHECK (cost IN ('kostenlos', 'ermaessigt', 'kostenpflichtig')),
    cost_note TEXT NOT NULL DEFAULT '',
    wheelchair BOOLEAN NOT NULL DEFAULT FALSE,
    accessibility_note TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    hours_note TEXT NOT NULL DEFAULT '',
    last_checked TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    is_demo BOOLEAN NOT NULL DEFAULT FALSE,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX offers_status ON offers (status);

CREATE TABLE offer_topics (
    offer_id BIGINT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    PRIMARY KEY (offer_id, topic)
);
CREATE TABLE offer_life_phases (
    offer_id BIGINT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    phase TEXT NOT NULL,
    PRIMARY KEY (offer_id, phase)
);
CREATE TABLE offer_languages (
    offer_id BIGINT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    PRIMARY KEY (offer_id, language)
);
CREATE TABLE offer_delivery (
    offer_id BIGINT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    delivery TEXT NOT NULL,
    PRIMARY KEY (offer_id, delivery)
);
CREATE TABLE opening_hours (
    offer_id BIGINT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens_minute INTEGER NOT NULL CHECK (opens_minute BETWEEN 0 AND 1440),
    closes_minute INTEGER NOT NULL CHECK (closes_minute BETWEEN 0 AND 1440),
    CHECK (closes_minute > opens_minute)
);
CREATE INDEX opening_hours_offer ON opening_hours (offer_id);

-- Member-only: read only by server code that has checked the caller is a network member.
CREATE TABLE member_contact_persons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    offer_id BIGINT REFERENCES offers (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT ''
);
CREATE TABLE member_offer_notes (
    offer_id BIGINT PRIMARY KEY NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    internal_note TEXT NOT NULL
);
CREATE TABLE member_organization_info (
    organization_id BIGINT PRIMARY KEY NOT NULL REFERENCES organizations (id),
    working_group TEXT NOT NULL DEFAULT ''
);
