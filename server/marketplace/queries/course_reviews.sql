-- The newest reviews of a course ($1), at most $2, with the learner's name
-- (shortened by the handler) and any reply; hidden ones only when $3 (the
-- moderators', to show them again).
SELECT r.learner_id, r.stars, r.body, to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at,
       r.reply, to_char(r.replied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS replied_at, r.hidden,
       u.name AS learner_name
FROM course_reviews r
JOIN users u ON u.id = r.learner_id
WHERE r.course_id = $1 AND (NOT r.hidden OR $3)
ORDER BY r.updated_at DESC, r.learner_id
LIMIT $2
