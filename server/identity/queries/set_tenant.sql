-- Makes the rest of the transaction act for one tenant ($1): row-level
-- security reads app.tenant_id (SET LOCAL semantics: is_local = true).
SELECT set_config('app.tenant_id', $1, true)
