c.id, c.slug, c.title, c.subtitle, c.level, c.language, c.price_kind, c.price_minor, c.currency,
c.billing_period, to_char(c.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS published_at,
c.rating_count, c.rating_sum, c.instructor_id,
u.name AS instructor_name, cat.slug AS category_slug, cat.name AS category_name,
(SELECT count(*) FROM course_students s WHERE s.course_id = c.id) AS enrolled,
(SELECT count(*) FROM course_lessons l WHERE l.course_id = c.id) AS lessons,
(SELECT coalesce(sum(l.minutes), 0) FROM course_lessons l WHERE l.course_id = c.id) AS minutes
