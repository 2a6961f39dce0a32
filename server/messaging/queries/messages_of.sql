-- A page ($1 limit, $2 offset) of user $3's messages, newest first: those
-- sent to them, and the direct ones they sent; a broadcast they sent shows
-- once (its first copy), with how many it reached. With $4, one
-- conversation's only (message_thread: a person's id, 'notices' or
-- 'announcements').
SELECT m.id, m.kind, m.sender_id, s.name AS sender_name, m.recipient_id, r.name AS recipient_name, m.body,
       to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
       m.read_at IS NOT NULL AS read, m.sender_id IS NOT DISTINCT FROM $3 AS mine,
       CASE WHEN m.kind = 'broadcast' AND m.sender_id = $3
            THEN (SELECT count(*) FROM messages b WHERE b.broadcast_id = m.broadcast_id) END AS reached,
       count(*) OVER () AS total
FROM messages m
LEFT JOIN users s ON s.id = m.sender_id
JOIN users r ON r.id = m.recipient_id
WHERE (m.recipient_id = $3
   OR (m.sender_id = $3 AND (m.kind = 'direct'
       OR m.id = (SELECT min(b.id) FROM messages b WHERE b.broadcast_id = m.broadcast_id))))
  AND ($4::text IS NULL OR message_thread(m.kind, m.sender_id, m.recipient_id, $3) = $4)
ORDER BY m.created_at DESC, m.id DESC
LIMIT $1 OFFSET $2
