-- No tenant is the default any more (before make_default_tenant names one).
UPDATE tenants SET is_default = false WHERE is_default
