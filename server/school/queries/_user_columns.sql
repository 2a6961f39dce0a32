-- A user `u` as the school's lists show them: active is false once
-- deactivated; profile is the jsonb as text (class, school, branch).
u.id, u.email, u.name, u.role, u.deleted_at IS NULL AS active, u.profile::text AS profile
