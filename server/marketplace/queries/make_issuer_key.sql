-- Tenant $1's first signing key, public $2 and secret $3 (hex). No row when
-- another request made one first: read it with issuer_key.
INSERT INTO issuer_keys (tenant_id, public_key, secret_key) VALUES ($1, $2, $3)
ON CONFLICT (tenant_id) WHERE retired_at IS NULL DO NOTHING
RETURNING id, public_key, secret_key
