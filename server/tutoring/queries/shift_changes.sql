-- Series $1's changes, their keys moved by $2 seconds (an edit of "all" that moves the time).
UPDATE session_occurrences
SET recurrence_id = recurrence_id + make_interval(secs => $2), updated_at = now()
WHERE series_id = $1
