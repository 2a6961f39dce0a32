-- The files of every lesson of course $1, lesson by lesson (no content).
SELECT a.lesson_id, a.id, a.file_name, a.media_type, a.size_bytes
FROM lesson_attachments a
WHERE a.course_id = $1
ORDER BY a.lesson_id, a.id
