-- The live course of the caller's academy whose join code is $1, if any.
SELECT c.id, c.title
FROM courses c
WHERE c.join_code = $1 AND c.deleted_at IS NULL
