-- The tenant named by slug $1, or the default tenant when $1 is NULL; no row
-- when there is none. resolve_tenant() reads across tenants (SECURITY
-- DEFINER), since sign-up and sign-in come before any tenant is set.
SELECT id FROM resolve_tenant($1::text)
