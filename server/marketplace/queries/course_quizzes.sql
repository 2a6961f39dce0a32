-- Course $1's quizzes, which may be its lessons: id and title, oldest first.
SELECT id, title FROM quizzes WHERE course_id = $1 AND deleted_at IS NULL ORDER BY created_at, id
