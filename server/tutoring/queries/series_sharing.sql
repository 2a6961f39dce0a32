-- Live series in the local window [$1, $2) that share something with a
-- proposed session: tutor $3 (theirs, or with a session handed to them),
-- student $4, or room $5 (when not empty). A proposal's clashes are looked
-- for among these only.
SELECT {{> tutoring/_series_columns}}
FROM session_series s
WHERE {{> tutoring/_live_in_window}}
  AND (s.tutor_id = $3 OR s.student_id = $4 OR ($5 <> '' AND s.room = $5)
       OR EXISTS (SELECT 1 FROM session_occurrences o WHERE o.series_id = s.id AND o.tutor_id = $3))
ORDER BY s.id
