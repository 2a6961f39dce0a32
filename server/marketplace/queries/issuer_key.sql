-- The tenant's signing key in use (none before its first certificate).
SELECT id, public_key, secret_key FROM issuer_keys WHERE retired_at IS NULL
