-- Seconds until a sign-in may be tried again, 0 when not throttled: the
-- account key $1 has $4 failures or the address key $2 has $5 failures within
-- the window of $3 seconds.
SELECT coalesce(max(ceil(extract(epoch FROM window_start + make_interval(secs => $3) - now()))), 0)::int AS wait
FROM login_throttle
WHERE window_start > now() - make_interval(secs => $3)
  AND ((key = $1 AND failures >= $4) OR (key = $2 AND failures >= $5))
