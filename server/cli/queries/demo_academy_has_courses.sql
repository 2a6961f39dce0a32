-- Whether academy $1 has any course yet (the demo adds its courses once).
SELECT EXISTS (SELECT 1 FROM courses WHERE tenant_id = $1) AS has_courses
