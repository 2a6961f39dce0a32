-- Series $1's changes from local $2 on move to series $3, their keys moved
-- by $4 seconds (an edit of "this and following").
UPDATE session_occurrences
SET series_id = $3, recurrence_id = recurrence_id + make_interval(secs => $4), updated_at = now()
WHERE series_id = $1 AND recurrence_id >= $2::timestamp
