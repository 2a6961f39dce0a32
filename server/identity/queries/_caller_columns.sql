-- The caller as every authenticated request reads it from
-- authenticate_session(): approval is 'pending' for staff who signed
-- themselves up and are not yet approved.
session_id, tenant_id, user_id, role, name, email, time_zone, approval
