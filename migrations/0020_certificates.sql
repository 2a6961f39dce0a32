-- 0020: certificates of completion (shared-domain marketplace/certificates).
-- Each course has its rule (a share of its lessons, and optionally each quiz
-- passed with a mark) and a UUID that names its achievement in every
-- certificate. Each tenant signs with an Ed25519 key of its own, made on its
-- first certificate; a retired key keeps verifying what it signed. A
-- certificate keeps the credential exactly as signed and handed out, and may
-- be revoked (with a reason) by an administrator; the learner can then earn
-- a new one. Its public page (/verify/<id>) is read by anyone: one function,
-- by the certificate's random UUID, returns what the page shows.
SET LOCAL ROLE learnloop_owner;

ALTER TABLE courses
    ADD COLUMN certificate_lessons_percent integer NOT NULL DEFAULT 100
        CHECK (certificate_lessons_percent BETWEEN 1 AND 100),
    ADD COLUMN certificate_quiz_percent integer CHECK (certificate_quiz_percent BETWEEN 1 AND 100),
    ADD COLUMN achievement_id uuid NOT NULL DEFAULT gen_random_uuid();

CREATE TABLE issuer_keys (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint NOT NULL REFERENCES tenants (id),
    public_key  text NOT NULL UNIQUE CHECK (public_key ~ '^[0-9a-f]{64}$'),
    secret_key  text NOT NULL CHECK (secret_key ~ '^[0-9a-f]{128}$'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz,
    UNIQUE (tenant_id, id)
);
-- One key in use per tenant.
CREATE UNIQUE INDEX issuer_keys_current_idx ON issuer_keys (tenant_id) WHERE retired_at IS NULL;

CREATE TABLE certificates (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id      bigint NOT NULL,
    course_id      bigint NOT NULL,
    learner_id     bigint NOT NULL,
    key_id         bigint NOT NULL,
    learner_name   text NOT NULL,
    course_title   text NOT NULL,
    credential     text NOT NULL CHECK (length(credential) <= 20000),   -- as signed: not jsonb, which would reorder it
    issued_at      timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_by     bigint,
    revoked_reason text CHECK (length(revoked_reason) <= 500),
    UNIQUE (tenant_id, id),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
    FOREIGN KEY (tenant_id, course_id) REFERENCES courses (tenant_id, id),
    FOREIGN KEY (tenant_id, learner_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, key_id) REFERENCES issuer_keys (tenant_id, id),
    FOREIGN KEY (tenant_id, revoked_by) REFERENCES users (tenant_id, id)
);
-- One certificate in force per learner and course.
CREATE UNIQUE INDEX certificates_once_idx ON certificates (tenant_id, course_id, learner_id) WHERE revoked_at IS NULL;
CREATE INDEX certificates_recent_idx ON certificates (tenant_id, issued_at DESC);
CREATE INDEX certificates_learner_idx ON certificates (tenant_id, learner_id, issued_at DESC);

SELECT enable_tenant_isolation(t) FROM unnest(ARRAY['issuer_keys', 'certificates']::regclass[]) AS t;
GRANT SELECT, INSERT ON issuer_keys TO learnloop_app;
-- A certificate is never changed once issued, only revoked.
GRANT SELECT, INSERT ON certificates TO learnloop_app;
GRANT UPDATE (revoked_at, revoked_by, revoked_reason) ON certificates TO learnloop_app;

-- The public verification page's one read, whatever the tenant: a
-- certificate by its UUID (122 random bits), with its issuer and key.
CREATE FUNCTION certificate_to_verify(p_id uuid)
    RETURNS TABLE (id uuid, credential text, issued_at timestamptz, revoked_at timestamptz, revoked_reason text,
                   issuer_name text, public_key text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
        SELECT c.id, c.credential, c.issued_at, c.revoked_at, c.revoked_reason, t.name, k.public_key
        FROM certificates c
        JOIN tenants t ON t.id = c.tenant_id
        JOIN issuer_keys k ON k.id = c.key_id
        WHERE c.id = p_id
    $$;
REVOKE ALL ON FUNCTION certificate_to_verify(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION certificate_to_verify(uuid) TO learnloop_app;

-- Whose key a public key is (a credential file checked on the public page):
-- the organisation's name, or no row for a key Learnloop never held.
CREATE FUNCTION issuer_of_key(p_public_key text)
    RETURNS TABLE (issuer_name text, retired_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
        SELECT t.name, k.retired_at FROM issuer_keys k JOIN tenants t ON t.id = k.tenant_id
        WHERE k.public_key = p_public_key
    $$;
REVOKE ALL ON FUNCTION issuer_of_key(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION issuer_of_key(text) TO learnloop_app;
