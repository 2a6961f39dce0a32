-- Broadcast $3 of tenant $1 from $2 with text $4: a copy for every active
-- person of role $5 (everyone when null) but the sender; among the members
-- of class $6 and their parents when given; among the students teacher $7
-- teaches (their tutoring sessions, or the classes they teach) and their
-- parents when given.
WITH among AS (
    SELECT m.student_id AS id FROM class_members m JOIN classes c ON c.id = m.class_id AND c.deleted_at IS NULL
    WHERE $6::bigint IS NOT NULL AND m.class_id = $6
    UNION
    SELECT s.student_id FROM session_series s WHERE $7::bigint IS NOT NULL AND s.tutor_id = $7 AND s.deleted_at IS NULL
    UNION
    SELECT m.student_id FROM class_members m JOIN classes c ON c.id = m.class_id AND c.deleted_at IS NULL
    WHERE $7::bigint IS NOT NULL AND c.teacher_id = $7
), reached AS (
    SELECT id FROM among
    UNION
    SELECT l.parent_id FROM parent_links l JOIN among a ON a.id = l.student_id
), sent AS (
    INSERT INTO messages (tenant_id, kind, sender_id, recipient_id, broadcast_id, body)
    SELECT $1, 'broadcast', $2, u.id, $3, $4
    FROM users u
    WHERE u.deleted_at IS NULL AND u.id <> $2 AND ($5::text IS NULL OR u.role = $5)
      AND (($6::bigint IS NULL AND $7::bigint IS NULL) OR u.id IN (SELECT id FROM reached))
    RETURNING 1
)
SELECT count(*) AS sent FROM sent
