-- User $1 has read their messages up to id $2.
UPDATE messages SET read_at = now()
WHERE recipient_id = $1 AND id <= $2 AND read_at IS NULL
RETURNING id
