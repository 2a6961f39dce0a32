-- 0006: sign-in throttling that slows guessers without locking out the
-- people they guess at (docs/operations.md, "Sign-in throttling"):
--   login_throttle (0002) keeps its windows per account and per address;
--   signin_pairs counts failures per account-and-address, for exponential
--     backoff, and remembers which accounts signed in from an address (an
--     address many people use, a school behind one NAT, may fail more);
--   signin_devices holds the known-device tokens that let an account's owner
--     through while the account is locked for everyone else.
SET LOCAL ROLE learnloop_owner;

-- Platform-level bookkeeping like login_throttle: both keys are SHA-256 (hex)
-- of the account (tenant and email) and of the client address, so the table
-- holds no email, address or tenant data.
CREATE TABLE signin_pairs (
    address_key      text NOT NULL,
    account_key      text NOT NULL,
    failures         integer NOT NULL DEFAULT 0 CHECK (failures >= 0),   -- since the last success
    blocked_until    timestamptz,                                       -- the backoff
    last_failure_at  timestamptz,
    last_success_at  timestamptz,
    PRIMARY KEY (address_key, account_key)
);
-- How many accounts signed in from an address lately (the primary key's
-- prefix finds the address; this keeps the count to the recent ones).
CREATE INDEX signin_pairs_known ON signin_pairs (address_key, last_success_at) WHERE last_success_at IS NOT NULL;

-- A browser that signed in as a user keeps a random token (256 bits; only its
-- SHA-256 is stored). It proves nothing on its own (the password is still
-- checked), but a sign-in that carries it is counted per device instead of
-- per account and address, so a guesser elsewhere cannot lock the owner out.
CREATE TABLE signin_devices (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      bigint NOT NULL,
    user_id        bigint NOT NULL,
    token_hash     bytea NOT NULL UNIQUE,
    failures       integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
    blocked_until  timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_used_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX signin_devices_user_idx ON signin_devices (tenant_id, user_id);
SELECT enable_tenant_isolation('signin_devices');

GRANT SELECT, INSERT, UPDATE, DELETE ON signin_pairs, signin_devices TO learnloop_app;
