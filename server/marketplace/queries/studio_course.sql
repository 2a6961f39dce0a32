-- Marketplace course $1 as its writer edits it, when scope $2 lets user $3
-- reach it ('tenant' every one, 'teach' their own); none otherwise.
SELECT {{> marketplace/_studio_course_columns}}
FROM courses c
JOIN users u ON u.id = c.instructor_id
WHERE c.id = $1 AND c.deleted_at IS NULL AND c.slug IS NOT NULL
  AND marketplace_in_reach($2, $3, c.instructor_id, NULL)
