-- studio_course, locked until the transaction ends: a change to a course,
-- its modules or its lessons waits for the one before it, so positions and
-- counts are read and written by one writer at a time.
SELECT {{> marketplace/_studio_course_columns}}
FROM courses c
JOIN users u ON u.id = c.instructor_id
WHERE c.id = $1 AND c.deleted_at IS NULL AND c.slug IS NOT NULL
  AND marketplace_in_reach($2, $3, c.instructor_id, NULL)
FOR UPDATE OF c
