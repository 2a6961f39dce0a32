-- Live series that may have sessions in the local window [$1, $2) (the
-- caller adds a day of slack either side): recurring ones begun before its
-- end, single ones inside it, and any with a session moved into it. Only
-- tutor $3's (theirs, or with a session handed to them), student $4's, or
-- those of the students linked to parent $5, when given.
SELECT {{> tutoring/_series_columns}}
FROM session_series s
WHERE s.deleted_at IS NULL
  AND ((s.dtstart < $2::timestamp AND (s.rrule IS NOT NULL OR s.dtstart >= $1::timestamp))
       OR EXISTS (SELECT 1 FROM session_occurrences o
                  WHERE o.series_id = s.id AND o.starts >= $1::timestamp AND o.starts < $2::timestamp))
  AND ($3::bigint IS NULL OR s.tutor_id = $3
       OR EXISTS (SELECT 1 FROM session_occurrences o WHERE o.series_id = s.id AND o.tutor_id = $3))
  AND ($4::bigint IS NULL OR s.student_id = $4)
  AND ($5::bigint IS NULL OR s.student_id IN (SELECT student_id FROM parent_links WHERE parent_id = $5))
ORDER BY s.id
