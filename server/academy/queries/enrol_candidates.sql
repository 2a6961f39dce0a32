-- A page ($1 limit, $2 offset) of the academy's active, approved students not
-- enrolled in course $3, by name; $4 a part of the name to look for (empty:
-- everyone). The enrolment screen's list to pick from.
SELECT u.id, u.name, count(*) OVER () AS total
FROM users u
WHERE u.role = 'student' AND u.deleted_at IS NULL AND u.approval = 'approved'
  AND NOT EXISTS (SELECT 1 FROM course_students s WHERE s.course_id = $3 AND s.student_id = u.id)
  AND ($4::text = '' OR strpos(lower(u.name), lower($4::text)) > 0)
ORDER BY u.name, u.id
LIMIT $1 OFFSET $2
