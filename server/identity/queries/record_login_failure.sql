-- Counts one failed sign-in against key $1; a window older than $2 seconds
-- starts again at one.
INSERT INTO login_throttle (key, failures, window_start) VALUES ($1, 1, now())
ON CONFLICT (key) DO UPDATE SET
    failures = CASE WHEN login_throttle.window_start <= now() - make_interval(secs => $2) THEN 1
                    ELSE login_throttle.failures + 1 END,
    window_start = CASE WHEN login_throttle.window_start <= now() - make_interval(secs => $2) THEN now()
                        ELSE login_throttle.window_start END
