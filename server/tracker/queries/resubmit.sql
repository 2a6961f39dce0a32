-- Replaces submission $1's content with $2, re-flagging it late past the due time.
UPDATE submissions s SET content = $2, submitted_at = now(), late = now() > a.due_at
FROM assignments a
WHERE s.id = $1 AND a.id = s.assignment_id
RETURNING s.late
