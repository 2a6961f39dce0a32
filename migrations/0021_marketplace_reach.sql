-- 0021: whose marketplace records a reader reaches, as one condition the named
-- queries share (orders and certificates): the scope the server passes
-- (shared-domain's marketplace_reach: 'tenant' every record, 'teach' the
-- reader's courses', 'own' the reader's own, anything else none), the reader,
-- and the record's instructor and learner. A plain SQL expression, so the
-- planner inlines it where it is used.
SET LOCAL ROLE learnloop_owner;

CREATE FUNCTION marketplace_in_reach(p_scope text, p_reader bigint, p_instructor bigint, p_learner bigint)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT p_scope = 'tenant' OR (p_scope = 'teach' AND p_instructor = p_reader)
        OR (p_scope = 'own' AND p_learner = p_reader)
$$;
GRANT EXECUTE ON FUNCTION marketplace_in_reach(text, bigint, bigint, bigint) TO learnloop_app;
