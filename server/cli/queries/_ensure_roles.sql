-- The cluster-level roles a restored database's objects and grants name
-- (pg_dump does not carry roles). Run whole as a script: a DO block cannot
-- be prepared. The same roles migration 0001 creates.
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
