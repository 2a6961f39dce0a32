-- Whether class $1 is a live class taught by teacher $2 (one an assignment may be for).
SELECT EXISTS (SELECT 1 FROM classes WHERE id = $1 AND deleted_at IS NULL AND teacher_id = $2) AS usable
