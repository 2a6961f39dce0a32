-- Whether series `s` is live and may have sessions in the local window
-- [$1, $2) (the caller adds a day of slack either side): recurring ones
-- begun before its end, single ones inside it, and any with a session moved
-- into it.
s.deleted_at IS NULL
AND ((s.dtstart < $2::timestamp AND (s.rrule IS NOT NULL OR s.dtstart >= $1::timestamp))
     OR EXISTS (SELECT 1 FROM session_occurrences o
                WHERE o.series_id = s.id AND o.starts >= $1::timestamp AND o.starts < $2::timestamp))
