-- Deletes the live course $1 softly (it and its quizzes' attempts stay, to
-- be restored); no row when there is no such live course.
UPDATE courses SET deleted_at = now()
WHERE id = $1 AND deleted_at IS NULL
RETURNING id, title
