-- 0005: who may sign themselves up, and staff who did so waiting for an
-- administrator's approval before they reach any student.
SET LOCAL ROLE learnloop_owner;

-- [tenants] A school's self-registration policy: 'open' (teachers and
-- students; teachers then wait for approval), 'students_only' (staff accounts
-- are made by the school) or 'nobody' (every account is made by the school).
-- Schools that exist today keep the sign-up they had ('open', now with
-- approval); a school created from now on starts with students only.
ALTER TABLE tenants ADD COLUMN signup_policy text NOT NULL DEFAULT 'open'
    CHECK (signup_policy IN ('open', 'students_only', 'nobody'));
ALTER TABLE tenants ALTER COLUMN signup_policy SET DEFAULT 'students_only';
-- Administrators change their own school's policy (row-level security keeps
-- the update to the transaction's tenant); nothing else of a tenant.
GRANT UPDATE (signup_policy) ON tenants TO learnloop_app;

-- [users] Where an account stands with its school: 'approved' (made by the
-- school, students, and every account that exists today), 'pending' (staff
-- who signed themselves up) or 'refused' (an administrator said no; the
-- account is deactivated too).
ALTER TABLE users ADD COLUMN approval text NOT NULL DEFAULT 'approved'
    CHECK (approval IN ('approved', 'pending', 'refused'));
CREATE INDEX users_pending_idx ON users (tenant_id, created_at) WHERE approval = 'pending';

-- [sessions] The authenticated caller now carries their approval, so every
-- request's permission check knows it without another query. Same lookup as
-- 0002's, one more column.
DROP FUNCTION authenticate_session(bytea);
CREATE FUNCTION authenticate_session(p_token_hash bytea)
    RETURNS TABLE (session_id bigint, tenant_id bigint, user_id bigint, role text, name text, email text,
                   time_zone text, expires_at timestamptz, approval text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
    DECLARE
        found_session record;
    BEGIN
        SELECT s.id, s.tenant_id, u.id AS user_id, u.role, u.name, u.email, t.time_zone, s.expires_at, u.approval
        INTO found_session
        FROM auth_sessions s
        JOIN users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id AND u.deleted_at IS NULL
        JOIN tenants t ON t.id = s.tenant_id
        WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL AND s.expires_at > now();
        IF FOUND THEN
            PERFORM set_config('app.tenant_id', found_session.tenant_id::text, true);
            RETURN QUERY SELECT found_session.id, found_session.tenant_id, found_session.user_id, found_session.role,
                found_session.name, found_session.email, found_session.time_zone, found_session.expires_at,
                found_session.approval;
        END IF;
    END
    $$;
GRANT EXECUTE ON FUNCTION authenticate_session(bytea) TO learnloop_app;
