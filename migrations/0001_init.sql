-- 0001: database roles, tenants, users and the hash-chained audit log.
--
-- Roles: learnloop_owner owns every table; learnloop_app is the non-owning
-- role the server connects as, so row-level security applies to it.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'learnloop_owner') THEN
        CREATE ROLE learnloop_owner NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'learnloop_app') THEN
        CREATE ROLE learnloop_app LOGIN;
    END IF;
END
$$;

GRANT USAGE, CREATE ON SCHEMA public TO learnloop_owner;
GRANT USAGE ON SCHEMA public TO learnloop_app;
GRANT learnloop_owner TO CURRENT_USER;
SET LOCAL ROLE learnloop_owner;

-- The tenant of the current transaction, set by the server with
-- SET LOCAL app.tenant_id; NULL when unset, which matches no row.
CREATE FUNCTION app_tenant_id() RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::bigint $$;

CREATE TABLE tenants (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind        text NOT NULL CHECK (kind IN ('school', 'academy', 'tutoring')),
    time_zone   text NOT NULL DEFAULT 'UTC',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     bigint NOT NULL REFERENCES tenants (id),
    email         text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    role          text NOT NULL,
    password_hash text NOT NULL,
    profile       jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz,
    UNIQUE (tenant_id, email)
);
CREATE INDEX users_tenant_idx ON users (tenant_id);

-- One hash chain per tenant (tenant_id NULL: the platform operator's chain).
-- hash = sha256(prev_hash || the row's canonical text); see audit_row_digest.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint REFERENCES tenants (id),
    actor       text NOT NULL,
    action      text NOT NULL,
    entity      text NOT NULL,
    entity_id   text,
    before      jsonb,
    after       jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    prev_hash   bytea,
    hash        bytea NOT NULL
);
CREATE INDEX audit_log_tenant_idx ON audit_log (tenant_id, id);

-- The one definition of what an audit row's hash covers, used both when a row
-- is written and when the chain is verified.
CREATE FUNCTION audit_row_digest(prev_hash bytea, tenant_id bigint, actor text, action text, entity text,
                                 entity_id text, before jsonb, after jsonb, created_at timestamptz)
    RETURNS bytea LANGUAGE sql IMMUTABLE
    AS $$
        SELECT sha256(coalesce(prev_hash, ''::bytea) || convert_to(
            concat_ws(E'\x1f', coalesce(tenant_id::text, '-'), actor, action, entity, coalesce(entity_id, '-'),
                      coalesce(before::text, '-'), coalesce(after::text, '-'),
                      (extract(epoch FROM created_at) * 1000000)::bigint::text), 'UTF8'))
    $$;

-- Appends one audit row to its tenant's chain. Chains are serialised per
-- tenant by a transaction-scoped advisory lock.
CREATE FUNCTION audit_append(p_tenant_id bigint, p_actor text, p_action text, p_entity text, p_entity_id text,
                             p_before jsonb, p_after jsonb)
    RETURNS bigint LANGUAGE plpgsql
    AS $$
    DECLARE
        v_prev bytea;
        v_now timestamptz := now();
        v_id bigint;
    BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('learnloop.audit.' || coalesce(p_tenant_id::text, 'platform'), 0));
        SELECT hash INTO v_prev FROM audit_log
            WHERE tenant_id IS NOT DISTINCT FROM p_tenant_id ORDER BY id DESC LIMIT 1;
        INSERT INTO audit_log (tenant_id, actor, action, entity, entity_id, before, after, created_at, prev_hash, hash)
            VALUES (p_tenant_id, p_actor, p_action, p_entity, p_entity_id, p_before, p_after, v_now, v_prev,
                    audit_row_digest(v_prev, p_tenant_id, p_actor, p_action, p_entity, p_entity_id,
                                     p_before, p_after, v_now))
            RETURNING id INTO v_id;
        RETURN v_id;
    END
    $$;

-- Row-level security: the application role sees only its transaction's tenant.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;

CREATE POLICY tenants_isolation ON tenants TO learnloop_app
    USING (id = (SELECT app_tenant_id()));
CREATE POLICY users_isolation ON users TO learnloop_app
    USING (tenant_id = (SELECT app_tenant_id()))
    WITH CHECK (tenant_id = (SELECT app_tenant_id()));
CREATE POLICY audit_isolation ON audit_log TO learnloop_app
    USING (tenant_id = (SELECT app_tenant_id()))
    WITH CHECK (tenant_id = (SELECT app_tenant_id()));
-- The owner role (migrations, the operator's CLI) acts across tenants.
CREATE POLICY tenants_owner ON tenants TO learnloop_owner USING (true) WITH CHECK (true);
CREATE POLICY users_owner ON users TO learnloop_owner USING (true) WITH CHECK (true);
CREATE POLICY audit_owner ON audit_log TO learnloop_owner USING (true) WITH CHECK (true);

-- The application may read tenants, read and write users, and only append to
-- (never change) the audit log.
GRANT SELECT ON tenants TO learnloop_app;
GRANT SELECT, INSERT, UPDATE ON users TO learnloop_app;
GRANT SELECT, INSERT ON audit_log TO learnloop_app;
GRANT EXECUTE ON FUNCTION app_tenant_id(), audit_row_digest(bytea, bigint, text, text, text, text, jsonb, jsonb, timestamptz),
    audit_append(bigint, text, text, text, text, jsonb, jsonb) TO learnloop_app;
