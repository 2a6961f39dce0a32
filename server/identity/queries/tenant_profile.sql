-- The caller's tenant as the portals show it: its name, and its kind
-- (school, academy or tutoring), which decides the portal.
SELECT name, kind FROM tenants WHERE id = $1
