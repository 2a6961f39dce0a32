-- The gradebook's columns: class $1's live assignments, due in time zone $2.
SELECT id, title, to_char(due_at AT TIME ZONE $2, 'YYYY-MM-DD"T"HH24:MI:SS') AS due_date
FROM assignments
WHERE class_id = $1 AND deleted_at IS NULL
