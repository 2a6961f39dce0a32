-- A page ($1 limit, $2 offset) of the marketplace courses a writer reaches:
-- every one ($3 = 'tenant') or those user $4 teaches ('teach'), the newest
-- first, drafts and archived ones too; with the list's size.
SELECT {{> marketplace/_studio_course_columns}}, count(*) OVER () AS total
FROM courses c
JOIN users u ON u.id = c.instructor_id
WHERE c.deleted_at IS NULL AND c.slug IS NOT NULL
  AND marketplace_in_reach($3, $4, c.instructor_id, NULL)
ORDER BY c.created_at DESC, c.id DESC
LIMIT $1 OFFSET $2
