-- A file for lesson $3 of course $2 (tenant $1), attached by user $8.
INSERT INTO lesson_attachments (tenant_id, course_id, lesson_id, file_name, media_type, size_bytes, content,
                                created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id
