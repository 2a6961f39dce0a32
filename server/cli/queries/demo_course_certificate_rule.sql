-- Course $1's certificate rule: $2 percent of its lessons and, unless null,
-- each quiz passed with $3 percent.
UPDATE courses SET certificate_lessons_percent = $2, certificate_quiz_percent = $3 WHERE id = $1
