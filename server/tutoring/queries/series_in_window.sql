-- Live series that may have sessions in the local window [$1, $2). Only
-- tutor $3's (theirs, or with a session handed to them), student $4's, or
-- those of the students linked to parent $5, when given.
SELECT {{> tutoring/_series_columns}}
FROM session_series s
WHERE {{> tutoring/_live_in_window}}
  AND ($3::bigint IS NULL OR s.tutor_id = $3
       OR EXISTS (SELECT 1 FROM session_occurrences o WHERE o.series_id = s.id AND o.tutor_id = $3))
  AND ($4::bigint IS NULL OR s.student_id = $4)
  AND ($5::bigint IS NULL OR s.student_id IN (SELECT student_id FROM parent_links WHERE parent_id = $5))
ORDER BY s.id
