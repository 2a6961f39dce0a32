-- Forgets what the sign-in throttle no longer needs (the server runs this
-- every hour): windows that started more than a day ago (login_throttle; no
-- window is longer than a day, so they have ended), and account-and-address pairs with no
-- failure and no success for 30 days and no backoff still running (a pair's
-- failures are forgotten after a quiet day anyway, and an address counts
-- the accounts that signed in from it within 30 days). Rows a sign-in holds
-- are skipped, never waited for, so this cannot deadlock with one; at most
-- $1 rows of each go per call, so a sign-in never waits long on a row this
-- holds (the caller calls again while a batch comes back full). Answers
-- how many rows of each went.
WITH windows AS (
    DELETE FROM login_throttle WHERE key IN (
        SELECT key FROM login_throttle WHERE window_start < now() - interval '1 day'
        LIMIT $1 FOR UPDATE SKIP LOCKED)
    RETURNING 1
), pairs AS (
    DELETE FROM signin_pairs WHERE (address_key, account_key) IN (
        SELECT address_key, account_key FROM signin_pairs
        WHERE coalesce(last_failure_at, '-infinity') < now() - interval '30 days'
          AND coalesce(last_success_at, '-infinity') < now() - interval '30 days'
          AND coalesce(blocked_until, '-infinity') < now()
        LIMIT $1 FOR UPDATE SKIP LOCKED)
    RETURNING 1
)
SELECT (SELECT count(*) FROM windows)::int AS windows, (SELECT count(*) FROM pairs)::int AS pairs
