-- An active user of the tenant ($1) with their role, for a series' tutor or student.
SELECT id, name, role FROM users WHERE id = $1 AND deleted_at IS NULL
