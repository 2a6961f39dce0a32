-- One course's catalog page ($1): published, or a draft or archived course
-- to its own instructor ($2) and to those who reach every course ($3 =
-- 'tenant'); an archived one also to its learners. With its instructor,
-- their biography, its category and what the reader ($2) has of it.
SELECT c.id, c.slug, c.title, c.subtitle, c.description, c.status, c.level, c.language, c.prerequisites,
       array_to_json(c.tags)::text AS tags_json, c.price_kind, c.price_minor, c.currency, c.billing_period, to_char(c.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS published_at,
       c.rating_count,
       c.rating_sum, c.instructor_id, u.name AS instructor_name, coalesce(mi.bio, '') AS instructor_bio,
       cat.slug AS category_slug, cat.name AS category_name, parent.name AS parent_category_name,
       (SELECT count(*) FROM course_students s WHERE s.course_id = c.id) AS enrolled,
       EXISTS (SELECT 1 FROM course_students s WHERE s.course_id = c.id AND s.student_id = $2) AS is_enrolled
FROM courses c
JOIN users u ON u.id = c.instructor_id
LEFT JOIN marketplace_instructors mi ON mi.instructor_id = c.instructor_id
LEFT JOIN catalog_categories cat ON cat.id = c.category_id
LEFT JOIN catalog_categories parent ON parent.id = cat.parent_id
WHERE c.id = $1 AND c.deleted_at IS NULL AND c.slug IS NOT NULL
  AND (c.status = 'published' OR c.instructor_id = $2 OR $3 = 'tenant'
       -- an archived course stays its learners'
       OR (c.status = 'archived' AND EXISTS (SELECT 1 FROM course_students s WHERE s.course_id = c.id AND s.student_id = $2)))
