-- Cluster mode's group commit in ONE statement (lib/collab/server/group-commit.ts): takes the
-- sections' advisory locks in sorted order, reads each section's highest row id, appends the
-- rows and touches the sections' last activity; returns the new rows with their section's
-- previous highest id. One round trip, so the locks are held for the database's own time only
-- (with BEGIN/lock/select/insert/update/COMMIT the locks were held across six round trips of a
-- busy event loop, and three instances' commits queued behind each other for seconds).
-- Each statement in the function takes its own snapshot (READ COMMITTED), so the ids read after
-- the locks include every row another instance committed while this one waited.
CREATE OR REPLACE FUNCTION hegao_append_ordered(p_sections text[], p_updates bytea[])
RETURNS TABLE(row_id bigint, row_section text, prev_id bigint)
LANGUAGE plpgsql AS $$
DECLARE
  k text;
BEGIN
  FOR k IN SELECT DISTINCT s FROM unnest(p_sections) AS s ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('hegao.section:' || k, 0));
  END LOOP;
  RETURN QUERY
  WITH before AS (
    SELECT su.section_id AS sid, max(su.id) AS m FROM section_updates su
    WHERE su.section_id = ANY(p_sections) GROUP BY su.section_id
  ), ins AS (
    INSERT INTO section_updates (section_id, "update")
    SELECT t.s, t.u FROM unnest(p_sections, p_updates) WITH ORDINALITY AS t(s, u, n) ORDER BY t.n
    RETURNING id, section_id
  ), touched AS (
    UPDATE sections SET last_activity_at = now() WHERE id = ANY(p_sections) RETURNING id
  )
  SELECT ins.id, ins.section_id, coalesce(b.m, 0)::bigint FROM ins LEFT JOIN before b ON b.sid = ins.section_id;
END
$$;
