-- User $1's live calendar feed: when it was made (the token itself is not kept).
SELECT id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
FROM calendar_feeds WHERE user_id = $1 AND revoked_at IS NULL
