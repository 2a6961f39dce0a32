-- Certificate $1 for its public page, whichever tenant issued it.
SELECT id::text AS id, credential, revoked_reason, issuer_name, public_key,
       to_char(issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS issued_at,
       to_char(revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS revoked_at
FROM certificate_to_verify($1::uuid)
