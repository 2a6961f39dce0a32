-- The self-registration policy of the transaction's tenant (row-level
-- security shows a transaction only its own tenant's row); no row when no
-- tenant is set.
SELECT signup_policy FROM tenants WHERE id = (SELECT app_tenant_id())
