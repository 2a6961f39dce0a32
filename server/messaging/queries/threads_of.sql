-- A page ($1 limit, $2 offset) of user $3's conversations, the latest first
-- (message_thread in migrations/0009): each with its newest message, how
-- many messages it holds and how many of them $3 has not read, and the
-- other person for a conversation with one.
WITH mine AS (
    SELECT m.id, m.kind, m.sender_id, m.recipient_id, m.body, m.created_at, m.read_at,
           message_thread(m.kind, m.sender_id, m.recipient_id, $3) AS thread
    FROM messages m
    WHERE m.recipient_id = $3
       OR (m.sender_id = $3 AND (m.kind = 'direct'
           OR m.id = (SELECT min(b.id) FROM messages b WHERE b.broadcast_id = m.broadcast_id)))
), counted AS (
    SELECT thread, count(*) AS messages, count(*) FILTER (WHERE recipient_id = $3 AND read_at IS NULL) AS unread
    FROM mine
    GROUP BY thread
), latest AS (
    SELECT DISTINCT ON (thread) *
    FROM mine
    ORDER BY thread, created_at DESC, id DESC
)
SELECT l.thread, c.messages, c.unread, l.id, l.kind, l.body,
       to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
       l.sender_id IS NOT DISTINCT FROM $3 AS mine, s.name AS sender_name,
       p.id AS person_id, p.name AS person_name, p.role AS person_role, p.deleted_at IS NULL AS person_active,
       count(*) OVER () AS total
FROM latest l
JOIN counted c USING (thread)
LEFT JOIN users s ON s.id = l.sender_id
LEFT JOIN users p ON p.id = CASE WHEN l.thread ~ '^[0-9]+$' THEN l.thread::bigint END
ORDER BY l.created_at DESC, l.id DESC
LIMIT $1 OFFSET $2
