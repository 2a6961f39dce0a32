-- Person $1 of the caller's business (row-level security keeps to it),
-- active or not: a conversation with someone who has left stays readable.
SELECT id, deleted_at IS NULL AS active FROM users WHERE id = $1
