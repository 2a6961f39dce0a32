-- The second half of moving changes (park_changes): series $1's parked keys back by 5000 years.
UPDATE session_occurrences
SET recurrence_id = recurrence_id - make_interval(years => 5000)
WHERE series_id = $1 AND recurrence_id >= '5000-01-01'::timestamp
