-- The teacher of the live assignment that submission $1 answers; no row when there is none.
SELECT a.teacher_id
FROM submissions s
JOIN assignments a ON a.id = s.assignment_id
WHERE s.id = $1 AND a.deleted_at IS NULL
