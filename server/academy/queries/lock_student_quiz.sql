-- Attempts of one student ($2) at one quiz ($1) start one at a time, so
-- two taps of Start make one attempt and the count of attempts holds.
SELECT pg_advisory_xact_lock(hashtextextended('quiz_attempt:' || $1::bigint || ':' || $2::bigint, 0))
