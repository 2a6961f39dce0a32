-- Class $1's active students' mastery of each live target assigned to them,
-- by student name, student id and target code.
-- let student = u.id
SELECT u.id AS student_id, u.name AS student_name, t.code AS target_code, t.title AS target_title,
       {{> practice/_target_mastery}}
FROM class_members cm
JOIN users u ON u.id = cm.student_id AND u.deleted_at IS NULL
JOIN target_assignments a ON a.student_id = u.id AND a.removed_at IS NULL
JOIN learning_targets t ON t.id = a.target_id AND t.retired_at IS NULL
{{> practice/_target_mastery_joins}}
WHERE cm.class_id = $1
ORDER BY u.name, u.id, t.code
