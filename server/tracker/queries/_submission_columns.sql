-- A submission `s` (with its student `u`) as the API shows it; {{zone}} holds
-- the tenant's time zone.
s.id, s.student_id, u.name AS student_name, s.content,
to_char(s.submitted_at AT TIME ZONE {{zone}}, 'YYYY-MM-DD"T"HH24:MI:SS') AS submitted_at,
s.grade, s.feedback, s.late,
to_char(s.graded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS graded_at,
s.assignment_id, s.rubric_marks
