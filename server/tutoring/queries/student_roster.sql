-- The business's active students with their parents' names and the tutors
-- of their live series, by name: the office's students export.
SELECT u.name, u.email,
       coalesce((SELECT string_agg(p.name, '; ' ORDER BY p.name) FROM parent_links l JOIN users p ON p.id = l.parent_id
                 WHERE l.student_id = u.id AND p.deleted_at IS NULL), '') AS parents,
       coalesce((SELECT string_agg(DISTINCT t.name, '; ') FROM session_series s JOIN users t ON t.id = s.tutor_id
                 WHERE s.student_id = u.id AND s.deleted_at IS NULL), '') AS tutors
FROM users u
WHERE u.role = 'student' AND u.deleted_at IS NULL
ORDER BY u.name, u.id
