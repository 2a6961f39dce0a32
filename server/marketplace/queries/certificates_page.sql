-- A page of certificates ($1 limit, $2 offset), newest first: every one
-- ($3 = 'tenant'), those of user $4's courses ('teach') or user $4's own
-- ('own'); only course $5 when not 0; only in force ($6 = 'valid'), only
-- revoked ('revoked') or both (''); with the list's size.
SELECT x.id::text AS id, x.course_id, x.course_title, c.slug AS course_slug, x.learner_id, x.learner_name,
       to_char(x.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS issued_at,
       to_char(x.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS revoked_at,
       x.revoked_reason,
       count(*) OVER () AS total
FROM certificates x
JOIN courses c ON c.id = x.course_id
WHERE marketplace_in_reach($3, $4, c.instructor_id, x.learner_id)
  AND ($5 = 0 OR x.course_id = $5)
  AND ($6 = '' OR ($6 = 'valid' AND x.revoked_at IS NULL) OR ($6 = 'revoked' AND x.revoked_at IS NOT NULL))
ORDER BY x.issued_at DESC, x.id
LIMIT $1 OFFSET $2
