-- The files lesson $1 offers, in the order they were attached (no content).
SELECT a.id, a.file_name, a.media_type, a.size_bytes
FROM lesson_attachments a
WHERE a.lesson_id = $1
ORDER BY a.id
