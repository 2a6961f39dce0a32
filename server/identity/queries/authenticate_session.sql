-- The caller behind a bearer token (its SHA-256 in hex, $1): every
-- authenticated request that writes starts here. authenticate_session()
-- checks expiry and revocation and reads across tenants (SECURITY DEFINER),
-- since the tenant is not known before the session is.
SELECT {{> identity/_caller_columns}}
FROM authenticate_session(decode($1, 'hex'))
