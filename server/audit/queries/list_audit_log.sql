-- One page of the tenant's audit log, newest first ($1 limit, $2 offset),
-- optionally filtered by action ($3), entity ($4) and entity id ($5), with
-- names for people to read: who acted (actor "user:<id>"), what was changed
-- (a user, class or assignment by name; a submission by its student) and
-- its context (a submission's assignment; the student a class membership,
-- parent link or link code is about), and the time in the school's zone ($6).
-- Every join is on a primary key, so a page costs a few lookups a row.
SELECT l.id, l.actor, actor.name AS actor_name, l.action, l.entity, l.entity_id,
       l.before::text AS before, l.after::text AS after,
       to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
       to_char(l.created_at AT TIME ZONE $6, 'YYYY-MM-DD"T"HH24:MI:SS') AS created_local,
       CASE l.entity
           WHEN 'user' THEN subject_user.name
           WHEN 'class' THEN subject_class.name
           WHEN 'assignment' THEN subject_assignment.title
           WHEN 'submission' THEN submission_student.name
           WHEN 'parent_link' THEN parent.name
       END AS entity_name,
       CASE l.entity
           WHEN 'submission' THEN submission_assignment.title
           ELSE student.name
       END AS context_name,
       encode(l.hash, 'hex') AS hash,
       count(*) OVER () AS total
FROM audit_log l
CROSS JOIN LATERAL (
    SELECT CASE WHEN l.actor ~ '^user:[0-9]{1,18}$' THEN substr(l.actor, 6)::bigint END AS actor_id,
           CASE WHEN l.entity_id ~ '^[0-9]{1,18}$' THEN l.entity_id::bigint END AS entity_number,
           CASE WHEN coalesce(l.after, l.before) ->> 'student_id' ~ '^[0-9]{1,18}$'
                THEN (coalesce(l.after, l.before) ->> 'student_id')::bigint END AS student_id,
           CASE WHEN coalesce(l.after, l.before) ->> 'parent_id' ~ '^[0-9]{1,18}$'
                THEN (coalesce(l.after, l.before) ->> 'parent_id')::bigint END AS parent_id
) ref
LEFT JOIN users actor ON actor.id = ref.actor_id
LEFT JOIN users subject_user ON l.entity = 'user' AND subject_user.id = ref.entity_number
LEFT JOIN classes subject_class ON l.entity = 'class' AND subject_class.id = ref.entity_number
LEFT JOIN assignments subject_assignment ON l.entity = 'assignment' AND subject_assignment.id = ref.entity_number
LEFT JOIN submissions s ON l.entity = 'submission' AND s.id = ref.entity_number
LEFT JOIN users submission_student ON submission_student.id = s.student_id
LEFT JOIN assignments submission_assignment ON submission_assignment.id = s.assignment_id
LEFT JOIN users student ON student.id = ref.student_id
LEFT JOIN users parent ON parent.id = ref.parent_id
WHERE ($3::text IS NULL OR l.action = $3)
  AND ($4::text IS NULL OR l.entity = $4)
  AND ($5::text IS NULL OR l.entity_id = $5)
ORDER BY l.id DESC
LIMIT $1 OFFSET $2
