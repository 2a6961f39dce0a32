-- Sets the transaction's tenant's self-registration policy to $1 and answers
-- the one it replaces (read from the locked row, so two administrators
-- changing it at once each audit the value they really replaced).
UPDATE tenants t SET signup_policy = $1
FROM (SELECT id, signup_policy FROM tenants WHERE id = (SELECT app_tenant_id()) FOR UPDATE) old
WHERE t.id = old.id
RETURNING old.signup_policy AS before
