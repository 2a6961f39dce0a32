-- File $1 with its content and what decides who may download it, as for its
-- lesson (lesson_for_reader): its course (live; its status and instructor)
-- and whether the reader ($2) is enrolled in it.
SELECT a.id, a.file_name, a.media_type, a.content, c.status, c.instructor_id,
       EXISTS (SELECT 1 FROM course_students s WHERE s.course_id = c.id AND s.student_id = $2) AS enrolled
FROM lesson_attachments a
JOIN courses c ON c.id = a.course_id AND c.deleted_at IS NULL
WHERE a.id = $1
