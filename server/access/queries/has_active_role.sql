-- Whether user $1 is an active, approved user of the tenant holding role $2:
-- the check before someone is made a class's teacher or linked as a parent or
-- child (staff waiting for approval are given no class).
SELECT EXISTS (SELECT 1 FROM users WHERE id = $1 AND role = $2 AND deleted_at IS NULL AND approval = 'approved')
    AS has_role
