-- Every instance keeps the public data in memory (the public read model). A committed change
-- to any table it is read from notifies all instances on this database, whichever instance
-- (or tool) made it; PostgreSQL delivers the notice only on commit, and once per transaction.
CREATE FUNCTION notify_public_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('chancenkarte_public', '');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DO $$
DECLARE
    watched TEXT;
BEGIN
    FOREACH watched IN ARRAY ARRAY['municipalities', 'organizations', 'locations', 'offers',
        'offer_topics', 'offer_life_phases', 'offer_languages', 'offer_delivery',
        'opening_hours', 'offer_changes']
    LOOP
        EXECUTE format(
            'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
            'FOR EACH STATEMENT EXECUTE FUNCTION notify_public_change()',
            watched || '_public_change', watched);
    END LOOP;
END;
$$;
