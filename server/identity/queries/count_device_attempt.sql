-- Counts a sign-in from known device $1 as a failure before its password is
-- checked (given back by refund_device_attempt or device_signin_succeeded);
-- the device backs off like an account-and-address pair: from its $2-th
-- failure in a row, $3 seconds doubling, at most $4 seconds.
UPDATE signin_devices SET
    failures = failures + 1,
    blocked_until = CASE WHEN failures + 1 >= $2
        THEN now() + make_interval(secs => least($4::float8, $3::float8 * power(2, least(failures + 1 - $2, 30))))
        ELSE blocked_until END
WHERE id = $1
