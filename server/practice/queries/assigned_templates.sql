-- The live task templates of student $1's assigned targets: the template's
-- id and code, its target's code, its difficulty and the template (JSON text).
SELECT tt.id, tt.code, t.code AS target_code, tt.difficulty, tt.body::text AS body
FROM task_templates tt
JOIN learning_targets t ON t.id = tt.target_id
JOIN target_assignments a ON a.target_id = t.id AND a.student_id = $1 AND a.removed_at IS NULL
WHERE tt.retired_at IS NULL
