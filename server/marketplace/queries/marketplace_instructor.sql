-- Instructor $1 of the tenant (a teacher), with their name; none otherwise.
SELECT id, name FROM users WHERE id = $1 AND role = 'teacher' AND deleted_at IS NULL
