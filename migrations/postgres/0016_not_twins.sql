-- An editor's decision that two offers the duplicate check links are not the same offer:
-- the pair (both orders stored) is no longer flagged.
CREATE TABLE not_twins (
    offer_id BIGINT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    twin_id BIGINT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    decided_by BIGINT REFERENCES accounts (id),
    decided_at BIGINT NOT NULL,
    PRIMARY KEY (offer_id, twin_id)
);
