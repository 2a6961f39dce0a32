-- Who sees an assignment `a`, for a caller of role {{role}} and id {{user}}:
-- administrators and moderators all of the tenant's; a teacher their own; a
-- student those of their classes and those with no class, and those of the
-- live courses they are enrolled in; a parent those their linked children see. (Row-level security has already limited the rows
-- to the tenant.) Written out rather than called as an SQL function so that
-- PostgreSQL plans the membership lookups once per query (hashed subplans)
-- instead of running a function per row, which made a 31-row list take a
-- millisecond.
(CASE {{role}}::text
    WHEN 'admin' THEN true
    WHEN 'moderator' THEN true
    WHEN 'teacher' THEN a.teacher_id = {{user}}::bigint
    WHEN 'student' THEN CASE WHEN a.course_id IS NOT NULL
        THEN a.course_id IN (SELECT e.course_id FROM course_students e
             JOIN courses c ON c.id = e.course_id AND c.deleted_at IS NULL WHERE e.student_id = {{user}}::bigint)
        ELSE a.class_id IS NULL
            OR a.class_id IN (SELECT m.class_id FROM class_members m WHERE m.student_id = {{user}}::bigint) END
    WHEN 'parent' THEN CASE WHEN a.course_id IS NOT NULL
        THEN a.course_id IN (SELECT e.course_id FROM course_students e
             JOIN courses c ON c.id = e.course_id AND c.deleted_at IS NULL
             JOIN parent_links l ON l.student_id = e.student_id WHERE l.parent_id = {{user}}::bigint)
        ELSE EXISTS (SELECT 1 FROM parent_links l WHERE l.parent_id = {{user}}::bigint)
            AND (a.class_id IS NULL OR a.class_id IN (SELECT m.class_id FROM class_members m
                 JOIN parent_links l ON l.student_id = m.student_id WHERE l.parent_id = {{user}}::bigint)) END
    ELSE false END)
