-- Locks, until the transaction ends, the count of wrong current passwords
-- given to change the password of account $1 (a hashed key, kept in
-- login_throttle beside the sign-in windows; created when missing); a
-- window of $2 seconds that has passed starts again at 0.
-- A second change at the same moment waits here until the first is counted.
INSERT INTO login_throttle AS t (key, failures, window_start) VALUES ($1, 0, now())
ON CONFLICT (key) DO UPDATE SET
    failures = CASE WHEN t.window_start <= now() - make_interval(secs => $2) THEN 0 ELSE t.failures END,
    window_start = CASE WHEN t.window_start <= now() - make_interval(secs => $2) THEN now() ELSE t.window_start END
