-- Every tenant, by id: a checkpoint records each tenant's chain, also an
-- empty one, so that deleting a whole chain is seen.
SELECT id, slug FROM tenants ORDER BY id
