-- A student's ($2) submission to assignment $1, locked for a resubmission.
SELECT id, grade IS NOT NULL AS graded, length(content) AS content_length, late
FROM submissions
WHERE assignment_id = $1 AND student_id = $2
FOR UPDATE
