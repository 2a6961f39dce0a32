-- File $1 as the studio changes it: its lesson and course, without content.
SELECT a.id, a.course_id, a.lesson_id, a.file_name, a.media_type, a.size_bytes
FROM lesson_attachments a
WHERE a.id = $1
