-- The caller behind a bearer token (its SHA-256 in hex, $1): every
-- authenticated request starts here. authenticate_session() checks expiry and
-- revocation and reads across tenants (SECURITY DEFINER), since the tenant is
-- not known before the session is. approval: 'pending' for staff who signed
-- themselves up and are not yet approved.
SELECT session_id, tenant_id, user_id, role, name, email, time_zone, approval
FROM authenticate_session(decode($1, 'hex'))
