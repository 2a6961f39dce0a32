-- A lesson of a demo course: $1 tenant, $2 course, $3 module, $4 position,
-- $5 title, $6 kind, $7 minutes, $8 body, $9 video address (videos only).
INSERT INTO course_lessons (tenant_id, course_id, module_id, position, title, kind, minutes, body, video_url)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text)
RETURNING id
