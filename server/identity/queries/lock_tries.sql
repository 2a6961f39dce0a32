-- Locks, until the transaction ends, one count of failed tries kept in
-- login_throttle beside the sign-in windows ($1, a hashed key naming what is
-- counted and whose: wrong current passwords of an account, wrong join codes
-- typed by a student; created when missing); a window of $2 seconds that has
-- passed starts again at 0. Answers the count and the seconds left in its
-- window. A second try at the same moment waits here until the first is counted.
INSERT INTO login_throttle AS t (key, failures, window_start) VALUES ($1, 0, now())
ON CONFLICT (key) DO UPDATE SET
    failures = CASE WHEN t.window_start <= now() - make_interval(secs => $2) THEN 0 ELSE t.failures END,
    window_start = CASE WHEN t.window_start <= now() - make_interval(secs => $2) THEN now() ELSE t.window_start END
RETURNING failures,
          greatest(1, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now())))::int AS seconds_left
