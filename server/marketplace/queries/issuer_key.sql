-- Tenant $1's signing key in use (none before its first certificate).
SELECT id, public_key, secret_key FROM issuer_keys WHERE tenant_id = $1 AND retired_at IS NULL
