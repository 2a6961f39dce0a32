c.id, c.title, c.slug, c.subtitle, c.description, c.category_id, c.level, c.language,
       array_to_json(c.tags)::text AS tags_json, c.prerequisites, c.price_kind, c.price_minor, c.currency,
       c.billing_period, c.status, c.instructor_id, u.name AS instructor_name,
       to_char(c.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS published_at,
       (SELECT count(*) FROM course_lessons l WHERE l.course_id = c.id) AS lessons,
       (SELECT count(*) FROM course_students s WHERE s.course_id = c.id) AS enrolled
