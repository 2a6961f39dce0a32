-- Whether course $1 is a live course taught by instructor $2 (one an
-- assignment may be for).
SELECT EXISTS (SELECT 1 FROM courses WHERE id = $1 AND deleted_at IS NULL AND instructor_id = $2) AS usable
