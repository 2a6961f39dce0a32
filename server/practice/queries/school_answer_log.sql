-- Every answer of school $1, each student's in time order, for refitting the
-- school's BKT parameters: the student, the template's code, the target's id
-- and code, and whether the answer was right.
SELECT r.student_id::text AS student_id, tt.code AS template_code, t.id::text AS target_id,
       r.verdict = 'correct' AS correct, t.code AS target_code
FROM task_responses r
JOIN tasks k ON k.id = r.task_id
JOIN task_templates tt ON tt.id = k.template_id
JOIN learning_targets t ON t.id = tt.target_id
WHERE r.tenant_id = $1
ORDER BY r.student_id, r.answered_at, r.id
