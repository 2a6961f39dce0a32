-- Revokes user $1's live calendar feed, if any; returns the rows revoked.
UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id
