-- Who user $1 may write to (messaging/messages' may_message): everyone
-- active but themself for the office ($2), else the office.
SELECT id, name, role
FROM users
WHERE deleted_at IS NULL AND id <> $1 AND ($2 OR role IN ('admin', 'moderator'))
ORDER BY name, id
