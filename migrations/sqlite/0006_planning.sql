-- Planning: searches that found nothing (filter criteria only, counted per day; no address,
-- no account, no free text beyond normalised search words) and the number of children per
-- municipality as an administrator entered it from official statistics.

CREATE TABLE zero_result_searches (
    day TEXT NOT NULL,
    filter_key TEXT NOT NULL,
    searches BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (day, filter_key)
);

CREATE TABLE municipality_children (
    ags TEXT NOT NULL REFERENCES municipalities (ags),
    as_of TEXT NOT NULL,
    children BIGINT NOT NULL CHECK (children >= 0),
    entered_by BIGINT NOT NULL REFERENCES accounts (id),
    entered_at BIGINT NOT NULL,
    PRIMARY KEY (ags, as_of)
);
