-- One page of student $3's answers, newest first ($1 limit, $2 offset): the
-- target, the mastery after the answer, the verdict, and when, in UTC and in
-- time zone $4.
SELECT t.code AS target_code, r.known_after, r.verdict,
       to_char(r.answered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS answered_at,
       to_char(r.answered_at AT TIME ZONE $4, 'YYYY-MM-DD HH24:MI') AS answered_local,
       count(*) OVER () AS total
FROM task_responses r
JOIN tasks k ON k.id = r.task_id
JOIN task_templates tt ON tt.id = k.template_id
JOIN learning_targets t ON t.id = tt.target_id
WHERE r.student_id = $3
ORDER BY r.answered_at DESC, r.id DESC
LIMIT $1 OFFSET $2
