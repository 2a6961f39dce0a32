-- A new lesson of tenant $1's course $2 at the end of module $3: title $4,
-- kind $5, minutes $6, text $7, video address $8, quiz $9.
INSERT INTO course_lessons (tenant_id, course_id, module_id, position, title, kind, minutes, body, video_url, quiz_id)
SELECT $1, $2, $3, coalesce(max(position) + 1, 0), $4, $5, $6, $7, $8, $9
FROM course_lessons WHERE module_id = $3
RETURNING id
