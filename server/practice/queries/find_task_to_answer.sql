-- Task $1 of one of student $2's sets, as needed to grade an answer: its seed
-- and the template it was made from, its target (id, code, title, strand) with
-- the BKT parameters in force, whether it is answered already and when its
-- set was made. No row when it is not the student's task.
SELECT k.seed, k.template_body::text AS template_body,
       t.id AS target_id, t.code AS target_code, t.title, t.strand,
       coalesce(p.bkt, t.bkt)::text AS bkt,
       EXISTS (SELECT 1 FROM task_responses r WHERE r.task_id = k.id) AS answered,
       s.created_at::text AS set_created_at
FROM tasks k
JOIN task_sets s ON s.id = k.set_id
JOIN task_templates tt ON tt.id = k.template_id
JOIN learning_targets t ON t.id = tt.target_id
LEFT JOIN tenant_target_params p ON p.target_id = t.id
WHERE k.id = $1 AND s.student_id = $2
