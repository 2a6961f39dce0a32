-- Whether user $1 is an active user of the tenant holding role $2: the check
-- before someone is made a class's teacher, enrolled as a student or linked
-- as a parent or child.
SELECT EXISTS (SELECT 1 FROM users WHERE id = $1 AND role = $2 AND deleted_at IS NULL) AS has_role
