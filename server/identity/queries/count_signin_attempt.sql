-- Counts a sign-in of account $1 from address $2 as a failure before its
-- password is checked (a success or a busy server gives it back, in
-- refund_signin_windows and refund_signin_pair), under the locks lock_signin_counters took. The
-- account-and-address pair backs off from its $3-th failure in a row: $4
-- seconds, doubling with each further failure, at most $5 seconds.
WITH windows AS (
    UPDATE login_throttle SET failures = failures + 1 WHERE key IN ($1, $2)
)
UPDATE signin_pairs SET
    failures = failures + 1,
    last_failure_at = now(),
    blocked_until = CASE WHEN failures + 1 >= $3
        THEN now() + make_interval(secs => least($5::float8, $4::float8 * power(2, least(failures + 1 - $3, 30))))
        ELSE blocked_until END
WHERE address_key = $2 AND account_key = $1
