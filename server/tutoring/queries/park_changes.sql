-- The first half of moving changes: series $1's changes from local $2 on go
-- to series $3 with their keys moved by $4 seconds and parked 5000 years on,
-- out of the way of the keys not yet moved (UNIQUE (series_id,
-- recurrence_id) is checked row by row, so moving a series by a week would
-- otherwise collide with its own next change); unpark_changes brings them back.
UPDATE session_occurrences
SET series_id = $3, recurrence_id = recurrence_id + make_interval(years => 5000, secs => $4), updated_at = now()
WHERE series_id = $1 AND recurrence_id >= $2::timestamp
