-- A file of a demo lesson: $1 tenant, $2 course, $3 lesson, $4 name,
-- $5 media type, $6 size, $7 content, $8 the instructor who attached it.
INSERT INTO lesson_attachments (tenant_id, course_id, lesson_id, file_name, media_type, size_bytes, content, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
