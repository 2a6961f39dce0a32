-- Makes tenant $1 the default (where sign-ups without a tenant land) unless another one already is.
UPDATE tenants SET is_default = true WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM tenants WHERE is_default)
