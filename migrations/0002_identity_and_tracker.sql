-- 0002: sessions, sign-in throttling, classes, parent links, and the
-- assignment tracker (assignments, submissions, grade history).
SET LOCAL ROLE learnloop_owner;

-- [tenants] One tenant is the default: sign-ups that name no tenant land there.
ALTER TABLE tenants ADD COLUMN is_default boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX tenants_single_default ON tenants (is_default) WHERE is_default;

-- Sign-in and sign-up happen before a tenant is chosen, so the tenant is
-- resolved through this narrow function instead of opening the table.
-- NULL slug: the default tenant.
CREATE FUNCTION resolve_tenant(p_slug text) RETURNS TABLE (id bigint, time_zone text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT id, time_zone FROM tenants WHERE (p_slug IS NULL AND is_default) OR slug = p_slug $$;

-- Composite keys let child tables reference (tenant_id, id), so a row can
-- never point at another tenant's row, whatever a handler does.
ALTER TABLE users ADD CONSTRAINT users_tenant_id_id UNIQUE (tenant_id, id);

-- [sessions] Opaque bearer tokens; only their SHA-256 is stored.
CREATE TABLE auth_sessions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint NOT NULL,
    user_id     bigint NOT NULL,
    token_hash  bytea NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX auth_sessions_user_idx ON auth_sessions (tenant_id, user_id);

-- A bearer token names its tenant only through its session, so the lookup
-- runs before any tenant is set. It returns the live session and its active
-- user, and sets app.tenant_id for the rest of the transaction.
CREATE FUNCTION authenticate_session(p_token_hash bytea)
    RETURNS TABLE (session_id bigint, tenant_id bigint, user_id bigint, role text, name text, email text,
                   time_zone text, expires_at timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
    DECLARE
        found_session record;
    BEGIN
        SELECT s.id, s.tenant_id, u.id AS user_id, u.role, u.name, u.email, t.time_zone, s.expires_at
        INTO found_session
        FROM auth_sessions s
        JOIN users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id AND u.deleted_at IS NULL
        JOIN tenants t ON t.id = s.tenant_id
        WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now();
        IF FOUND THEN
            PERFORM set_config('app.tenant_id', found_session.tenant_id::text, true);
            RETURN QUERY SELECT found_session.id, found_session.tenant_id, found_session.user_id, found_session.role,
                found_session.name, found_session.email, found_session.time_zone, found_session.expires_at;
        END IF;
    END
    $$;

-- [throttling] Failed sign-ins per key (an account or a client address, both
-- hashed). Platform-level bookkeeping: it holds no tenant data.
CREATE TABLE login_throttle (
    key           text PRIMARY KEY,
    failures      integer NOT NULL,
    window_start  timestamptz NOT NULL
);

-- [classes]
CREATE TABLE classes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint NOT NULL REFERENCES tenants (id),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    teacher_id  bigint NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, teacher_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX classes_tenant_idx ON classes (tenant_id);

CREATE TABLE class_members (
    tenant_id   bigint NOT NULL,
    class_id    bigint NOT NULL,
    student_id  bigint NOT NULL,
    added_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (class_id, student_id),
    FOREIGN KEY (tenant_id, class_id) REFERENCES classes (tenant_id, id),
    FOREIGN KEY (tenant_id, student_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX class_members_student_idx ON class_members (tenant_id, student_id);

-- [parents]
CREATE TABLE parent_links (
    tenant_id   bigint NOT NULL,
    parent_id   bigint NOT NULL,
    student_id  bigint NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (parent_id, student_id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, student_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX parent_links_tenant_idx ON parent_links (tenant_id);

CREATE TABLE parent_link_codes (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint NOT NULL,
    student_id   bigint NOT NULL,
    code_hash    bytea NOT NULL UNIQUE,
    expires_at   timestamptz NOT NULL,
    redeemed_at  timestamptz,
    redeemed_by  bigint,
    FOREIGN KEY (tenant_id, student_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX parent_link_codes_tenant_idx ON parent_link_codes (tenant_id);

-- [assignments] Due times are stored in UTC; the API speaks the tenant's zone.
CREATE TABLE assignments (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint NOT NULL REFERENCES tenants (id),
    teacher_id   bigint NOT NULL,
    class_id     bigint,
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description  text NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
    due_at       timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    deleted_at   timestamptz,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, teacher_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, class_id) REFERENCES classes (tenant_id, id)
);
CREATE INDEX assignments_tenant_due_idx ON assignments (tenant_id, due_at, id);
CREATE INDEX assignments_teacher_idx ON assignments (tenant_id, teacher_id);
CREATE INDEX assignments_class_idx ON assignments (tenant_id, class_id);

-- Who sees an assignment: administrators and moderators all of the tenant's;
-- a teacher their own; a student those of their classes and those with no
-- class; a parent those their linked children see. (Row-level security has
-- already limited the rows to the caller's tenant.)
CREATE FUNCTION assignment_visible(p_class_id bigint, p_teacher_id bigint, p_role text, p_user_id bigint)
    RETURNS boolean LANGUAGE sql STABLE
    AS $$
        SELECT CASE p_role
            WHEN 'admin' THEN true
            WHEN 'moderator' THEN true
            WHEN 'teacher' THEN p_teacher_id = p_user_id
            WHEN 'student' THEN p_class_id IS NULL OR EXISTS (
                SELECT 1 FROM class_members m WHERE m.class_id = p_class_id AND m.student_id = p_user_id)
            WHEN 'parent' THEN EXISTS (
                SELECT 1 FROM parent_links l
                WHERE l.parent_id = p_user_id AND (p_class_id IS NULL OR EXISTS (
                    SELECT 1 FROM class_members m WHERE m.class_id = p_class_id AND m.student_id = l.student_id)))
            ELSE false
        END
    $$;

-- One submission per student per assignment; a resubmission updates it.
CREATE TABLE submissions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     bigint NOT NULL,
    assignment_id bigint NOT NULL,
    student_id    bigint NOT NULL,
    content       text NOT NULL CHECK (length(content) <= 100000),
    submitted_at  timestamptz NOT NULL DEFAULT now(),
    late          boolean NOT NULL DEFAULT false,
    grade         numeric(7, 2),
    feedback      text CHECK (length(feedback) <= 20000),
    graded_at     timestamptz,
    graded_by     bigint,
    UNIQUE (tenant_id, id),
    UNIQUE (assignment_id, student_id),
    FOREIGN KEY (tenant_id, assignment_id) REFERENCES assignments (tenant_id, id),
    FOREIGN KEY (tenant_id, student_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX submissions_tenant_idx ON submissions (tenant_id, assignment_id);
CREATE INDEX submissions_student_idx ON submissions (tenant_id, student_id);

-- Every grade ever given, newest last.
CREATE TABLE grade_history (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      bigint NOT NULL,
    submission_id  bigint NOT NULL,
    grade          numeric(7, 2) NOT NULL,
    feedback       text,
    graded_by      bigint NOT NULL,
    graded_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, submission_id) REFERENCES submissions (tenant_id, id)
);
CREATE INDEX grade_history_submission_idx ON grade_history (tenant_id, submission_id);

-- [row-level security] Same policy on every tenant table.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['auth_sessions', 'classes', 'class_members', 'parent_links', 'parent_link_codes',
                             'assignments', 'submissions', 'grade_history']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I TO learnloop_app USING (tenant_id = (SELECT app_tenant_id())) '
                       'WITH CHECK (tenant_id = (SELECT app_tenant_id()))', t || '_isolation', t);
        EXECUTE format('CREATE POLICY %I ON %I TO learnloop_owner USING (true) WITH CHECK (true)', t || '_owner', t);
    END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON auth_sessions, classes, parent_link_codes, assignments, submissions TO learnloop_app;
GRANT SELECT, INSERT, DELETE ON class_members, parent_links TO learnloop_app;
GRANT SELECT, INSERT ON grade_history TO learnloop_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttle TO learnloop_app;
GRANT EXECUTE ON FUNCTION resolve_tenant(text), authenticate_session(bytea),
    assignment_visible(bigint, bigint, text, bigint) TO learnloop_app;
