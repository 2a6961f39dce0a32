-- 0004: one function that puts a new tenant table under row-level security,
-- so the tables of the next areas (tutoring, finance, messaging, academy,
-- marketplace) each need one line instead of a copy of the policy loop; and
-- the assignment visibility function no caller uses any more (the server
-- inlines the same rule, server/tracker/queries/_assignment_visible.sql, so
-- PostgreSQL plans its membership lookups once per query).
SET LOCAL ROLE learnloop_owner;

-- enable_tenant_isolation('tutoring_sessions'): the application role sees and
-- writes only the rows of the tenant its transaction set (SET LOCAL
-- app.tenant_id); the owner role (migrations, the operator's CLI) sees all.
-- FORCE applies the policy to the table's owner too.
CREATE FUNCTION enable_tenant_isolation(p_table regclass) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    name text := (SELECT relname FROM pg_class WHERE oid = p_table);
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', p_table);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', p_table);
    EXECUTE format('CREATE POLICY %I ON %s TO learnloop_app USING (tenant_id = (SELECT app_tenant_id())) '
                   'WITH CHECK (tenant_id = (SELECT app_tenant_id()))', name || '_isolation', p_table);
    EXECUTE format('CREATE POLICY %I ON %s TO learnloop_owner USING (true) WITH CHECK (true)', name || '_owner', p_table);
END
$$;
REVOKE ALL ON FUNCTION enable_tenant_isolation(regclass) FROM PUBLIC;

DROP FUNCTION assignment_visible(bigint, bigint, text, bigint);
