-- The marketplace's instructors (teachers) a course may be given to, by name.
SELECT id, name FROM users WHERE role = 'teacher' AND deleted_at IS NULL ORDER BY name, id
