-- Locks, until the transaction ends, the three counters a sign-in without a
-- known device is checked against (creating them when missing), and answers
-- them: the failures of the account ($1) and of the address ($2) within
-- their windows of $3 seconds (a window that has passed starts again at 0)
-- with the seconds each window has left; the account-and-address failures
-- since its last success (forgotten after a quiet day) with the seconds its
-- backoff has left; and how many accounts signed in from the address within
-- 30 days. A concurrent sign-in for the same account or address waits here
-- until this one has counted itself (count_signin_attempt), so no number of
-- parallel guesses gets past a limit. Rows are always locked in one order,
-- the two windows by key and then the pair (refund_signin_windows too), so
-- two sign-ins cannot deadlock.
WITH windows AS (
    INSERT INTO login_throttle AS t (key, failures, window_start)
    SELECT key, 0, now() FROM (VALUES ($1::text), ($2::text)) AS keys (key) ORDER BY key
    ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN t.window_start <= now() - make_interval(secs => $3) THEN 0 ELSE t.failures END,
        window_start = CASE WHEN t.window_start <= now() - make_interval(secs => $3) THEN now()
                            ELSE t.window_start END
    RETURNING t.key, t.failures,
        greatest(1, ceil(extract(epoch FROM t.window_start + make_interval(secs => $3) - now())))::int AS wait
),
pair AS (
    INSERT INTO signin_pairs AS p (address_key, account_key) VALUES ($2, $1)
    ON CONFLICT (address_key, account_key) DO UPDATE SET
        failures = CASE WHEN p.last_failure_at <= now() - interval '1 day' THEN 0 ELSE p.failures END
    RETURNING p.failures,
        greatest(0, ceil(extract(epoch FROM coalesce(p.blocked_until, now()) - now())))::int AS wait
)
SELECT account.failures AS account_failures, account.wait AS account_wait,
       address.failures AS address_failures, address.wait AS address_wait,
       pair.failures AS pair_failures, pair.wait AS pair_wait,
       (SELECT count(*) FROM signin_pairs
        WHERE address_key = $2 AND last_success_at > now() - interval '30 days')::int AS known_accounts
FROM windows AS account, windows AS address, pair
WHERE account.key = $1 AND address.key = $2
