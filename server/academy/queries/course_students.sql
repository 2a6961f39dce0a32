-- The students enrolled in course $1, by name.
SELECT u.id, u.name AS name, s.enrolled_at
FROM course_students s
JOIN users u ON u.id = s.student_id
WHERE s.course_id = $1
ORDER BY u.name, u.id
