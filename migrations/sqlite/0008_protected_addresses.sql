-- Schutzadresse: an offer's place may be kept from the public (a women's shelter, a protected
-- flat). The public sees the municipality's centre (or no marker) and "Adresse auf Anfrage";
-- the codes are `offers::taxonomy::AddressProtection`'s.
ALTER TABLE locations ADD COLUMN address_protection TEXT NOT NULL DEFAULT 'nein'
    CHECK (address_protection IN ('nein', 'ort', 'ohne-karte', 'ort-redaktion', 'ohne-karte-redaktion'));
-- The municipality's centre, where a protected offer is shown; written from the region file at
-- every start. Left empty, a protected offer's public read fails rather than show its place.
ALTER TABLE municipalities ADD COLUMN centre_lat DOUBLE PRECISION;
ALTER TABLE municipalities ADD COLUMN centre_lon DOUBLE PRECISION;
