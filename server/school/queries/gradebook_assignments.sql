-- The gradebook's columns: class $1's live assignments, due in time zone $2,
-- with the due moment and the database's clock in seconds since the epoch
-- (the cells' due statuses are read at that clock).
SELECT id, title, to_char(due_at AT TIME ZONE $2, 'YYYY-MM-DD"T"HH24:MI:SS') AS due_date,
       extract(epoch FROM due_at)::bigint AS due_unix,
       extract(epoch FROM now())::bigint AS now_unix
FROM assignments
WHERE class_id = $1 AND deleted_at IS NULL
