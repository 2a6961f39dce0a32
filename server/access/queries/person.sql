-- An active user $1 of the tenant with their role (a series' tutor or student, a message's recipient).
SELECT id, name, role FROM users WHERE id = $1 AND deleted_at IS NULL
