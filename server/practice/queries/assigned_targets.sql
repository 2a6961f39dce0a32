-- Student $1's assigned, live learning targets by strand and code, with the
-- BKT parameters in force and the student's mastery.
-- let student = a.student_id
SELECT t.id, t.code, t.title, t.strand,
       {{> practice/_target_mastery}}
FROM target_assignments a
JOIN learning_targets t ON t.id = a.target_id AND t.retired_at IS NULL
{{> practice/_target_mastery_joins}}
WHERE a.student_id = $1 AND a.removed_at IS NULL
ORDER BY t.strand, t.code
