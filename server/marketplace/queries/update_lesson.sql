-- Lesson $1 reads as title $2, kind $3, minutes $4, text $5, video address
-- $6, quiz $7.
UPDATE course_lessons SET title = $2, kind = $3, minutes = $4, body = $5, video_url = $6, quiz_id = $7
WHERE id = $1
