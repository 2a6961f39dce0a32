-- User $1 has read their messages up to id $2; with $3, those of one
-- conversation only (message_thread).
UPDATE messages SET read_at = now()
WHERE recipient_id = $1 AND id <= $2 AND read_at IS NULL
  AND ($3::text IS NULL OR message_thread(kind, sender_id, recipient_id, $1) = $3)
RETURNING id
