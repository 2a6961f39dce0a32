-- Gives back the failure count_signin_attempt counted in the windows of
-- account $1 and address $2: the password was right, or it was never checked
-- (no hashing slot was free). The rows are locked in key order, the order
-- lock_signin_counters takes them in, so this cannot deadlock with a sign-in
-- that is being checked; the caller touches the pair (signin_pairs) after.
UPDATE login_throttle AS t SET failures = greatest(t.failures - 1, 0)
FROM (SELECT key FROM login_throttle WHERE key IN ($1, $2) ORDER BY key FOR UPDATE) AS locked
WHERE t.key = locked.key
