-- Live series in the local window [$1, $2) (as series_in_window) that share
-- something with a proposed session: tutor $3 (theirs, or with a session
-- handed to them), student $4, or room $5 (when not empty). A proposal's
-- clashes are looked for among these only.
SELECT {{> tutoring/_series_columns}}
FROM session_series s
WHERE s.deleted_at IS NULL
  AND ((s.dtstart < $2::timestamp AND (s.rrule IS NOT NULL OR s.dtstart >= $1::timestamp))
       OR EXISTS (SELECT 1 FROM session_occurrences o
                  WHERE o.series_id = s.id AND o.starts >= $1::timestamp AND o.starts < $2::timestamp))
  AND (s.tutor_id = $3 OR s.student_id = $4 OR ($5 <> '' AND s.room = $5)
       OR EXISTS (SELECT 1 FROM session_occurrences o WHERE o.series_id = s.id AND o.tutor_id = $3))
ORDER BY s.id
