-- The owner of a live calendar feed by its token's SHA-256 in hex ($1); the
-- transaction then acts for the owner's tenant.
SELECT tenant_id, user_id, role, name, time_zone, tenant_name FROM calendar_feed_owner(decode($1, 'hex'))
