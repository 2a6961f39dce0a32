-- Locks marketplace course $1 until the transaction ends, when scope $2 lets
-- user $3 reach it ('tenant' every one, 'teach' their own): a change to a
-- course, its modules or its lessons waits for the one before it. Its id
-- only: what the course holds is read after, by a statement that sees what
-- the change before it left (studio_course).
SELECT c.id
FROM courses c
WHERE c.id = $1 AND c.deleted_at IS NULL AND c.slug IS NOT NULL
  AND marketplace_in_reach($2, $3, c.instructor_id, NULL)
FOR UPDATE OF c
