-- Makes tenant $1 the default; clear_default_tenant runs first, since at
-- most one tenant may be the default at any moment.
UPDATE tenants SET is_default = true WHERE id = $1
