-- Broadcast $3 of tenant $1 from $2 with text $4: a copy for every active
-- person of role $5 (everyone when null) but the sender.
WITH sent AS (
    INSERT INTO messages (tenant_id, kind, sender_id, recipient_id, broadcast_id, body)
    SELECT $1, 'broadcast', $2, u.id, $3, $4
    FROM users u
    WHERE u.deleted_at IS NULL AND u.id <> $2 AND ($5::text IS NULL OR u.role = $5)
    RETURNING 1
)
SELECT count(*) AS sent FROM sent
