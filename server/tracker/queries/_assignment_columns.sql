-- An assignment `a` (with its teacher `u`) as the API shows it; {{zone}} is
-- the parameter holding the tenant's time zone.
a.id, a.title, a.description,
to_char(a.due_at AT TIME ZONE {{zone}}, 'YYYY-MM-DD"T"HH24:MI:SS') AS due_date,
u.name AS teacher_name, a.teacher_id, a.class_id, a.course_id, a.max_points, a.rubric,
to_char(a.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS due_at,
extract(epoch FROM a.due_at)::bigint AS due_unix,
to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
