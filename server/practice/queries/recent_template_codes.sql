-- The templates of student $1's 30 latest answers, newest first (a new set
-- avoids repeating them).
SELECT tt.code
FROM task_responses r
JOIN tasks k ON k.id = r.task_id
JOIN task_templates tt ON tt.id = k.template_id
WHERE r.student_id = $1
ORDER BY r.answered_at DESC
LIMIT 30
