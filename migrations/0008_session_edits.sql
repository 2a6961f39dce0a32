-- 0008: an edit of a whole series may drop the moved or cancelled sessions
-- that no longer fall on it, once the user confirms; sessions with
-- attendance logged or on an invoice are never dropped (the statement that
-- deletes checks both). And a private calendar feed's token finds its owner.
SET LOCAL ROLE learnloop_owner;

GRANT DELETE ON session_occurrences TO learnloop_app;

-- Whose private calendar feed a token opens (its SHA-256, $1): read across
-- tenants, since the feed's URL is the only credential a calendar program
-- sends, then the transaction acts for that tenant (as authenticate_session).
-- A revoked feed or a deactivated user opens nothing.
CREATE FUNCTION calendar_feed_owner(p_token_hash bytea)
    RETURNS TABLE (tenant_id bigint, user_id bigint, role text, name text, time_zone text, tenant_name text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
    DECLARE
        found_feed record;
    BEGIN
        SELECT f.tenant_id, u.id AS user_id, u.role, u.name, t.time_zone, t.name AS tenant_name
        INTO found_feed
        FROM calendar_feeds f
        JOIN users u ON u.tenant_id = f.tenant_id AND u.id = f.user_id AND u.deleted_at IS NULL
        JOIN tenants t ON t.id = f.tenant_id
        WHERE f.token_hash = p_token_hash AND f.revoked_at IS NULL;
        IF FOUND THEN
            PERFORM set_config('app.tenant_id', found_feed.tenant_id::text, true);
            RETURN QUERY SELECT found_feed.tenant_id, found_feed.user_id, found_feed.role, found_feed.name,
                found_feed.time_zone, found_feed.tenant_name;
        END IF;
    END
    $$;
REVOKE ALL ON FUNCTION calendar_feed_owner(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION calendar_feed_owner(bytea) TO learnloop_app;
