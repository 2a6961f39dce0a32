-- One page ($1 limit, $2 offset) of submission $3's grades, oldest first.
SELECT h.grade, h.feedback, h.rubric_marks, u.name AS graded_by,
       to_char(h.graded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS graded_at,
       count(*) OVER () AS total
FROM grade_history h
JOIN users u ON u.id = h.graded_by
WHERE h.submission_id = $3
ORDER BY h.id
LIMIT $1 OFFSET $2
