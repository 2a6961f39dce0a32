-- Who sees an assignment `a`, for a caller of role {{role}} and id {{user}}:
-- administrators and moderators all of the tenant's; a teacher their own; a
-- student those of their classes and those with no class; a parent those
-- their linked children see. (Row-level security has already limited the rows
-- to the tenant.) Written out rather than called as an SQL function so that
-- PostgreSQL plans the membership lookups once per query (hashed subplans)
-- instead of running a function per row, which made a 31-row list take a
-- millisecond.
(CASE {{role}}::text
    WHEN 'admin' THEN true
    WHEN 'moderator' THEN true
    WHEN 'teacher' THEN a.teacher_id = {{user}}::bigint
    WHEN 'student' THEN a.class_id IS NULL
        OR a.class_id IN (SELECT m.class_id FROM class_members m WHERE m.student_id = {{user}}::bigint)
    WHEN 'parent' THEN EXISTS (SELECT 1 FROM parent_links l WHERE l.parent_id = {{user}}::bigint)
        AND (a.class_id IS NULL OR a.class_id IN (SELECT m.class_id FROM class_members m
             JOIN parent_links l ON l.student_id = m.student_id WHERE l.parent_id = {{user}}::bigint))
    ELSE false END)
