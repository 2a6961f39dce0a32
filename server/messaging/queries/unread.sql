-- User $1's unread count and the newest message they sent or received: what
-- a poll compares to know whether anything changed.
SELECT count(*) FILTER (WHERE recipient_id = $1 AND read_at IS NULL) AS unread,
       coalesce(max(id), 0) AS latest,
       coalesce(max(id) FILTER (WHERE recipient_id = $1 AND read_at IS NOT NULL), 0) AS latest_read
FROM messages
WHERE recipient_id = $1 OR sender_id = $1
