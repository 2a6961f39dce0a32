-- Certificate $1 as user $3 may read it (scope $2 as in certificates_page),
-- with its credential; no row otherwise.
SELECT x.id::text AS id, x.course_id, x.course_title, c.slug AS course_slug, x.learner_id, x.learner_name,
       x.credential,
       to_char(x.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS issued_at,
       to_char(x.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS revoked_at,
       x.revoked_reason
FROM certificates x
JOIN courses c ON c.id = x.course_id
WHERE x.id = $1::uuid
  AND marketplace_in_reach($2, $3, c.instructor_id, x.learner_id)
