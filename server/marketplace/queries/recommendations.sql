-- Up to $2 published courses learner $1 has not enrolled in (and can take:
-- free or one-time), for
-- "Recommended for you": first those in the category of a course they take,
-- then those beside one (the same parent category), then the rest; each
-- group by rating (unrated last), learners enrolled, then the newest. With
-- the title of the learner's latest course that led to it (NULL: none).
WITH mine AS (
    SELECT c.title, c.category_id, cat.parent_id, s.enrolled_at
    FROM course_students s
    JOIN courses c ON c.id = s.course_id
    LEFT JOIN catalog_categories cat ON cat.id = c.category_id
    WHERE s.student_id = $1
),
candidates AS (
    SELECT c.id,
           (SELECT m.title FROM mine m WHERE m.category_id = c.category_id
            ORDER BY m.enrolled_at DESC LIMIT 1) AS same_title,
           (SELECT m.title FROM mine m JOIN catalog_categories near ON near.id = c.category_id
            WHERE m.parent_id IS NOT NULL AND m.parent_id = near.parent_id
            ORDER BY m.enrolled_at DESC LIMIT 1) AS near_title
    FROM courses c
    WHERE c.status = 'published' AND c.deleted_at IS NULL AND c.slug IS NOT NULL
      AND c.price_kind <> 'subscription'   -- not on sale yet: nothing to take
      AND NOT EXISTS (SELECT 1 FROM course_students s WHERE s.course_id = c.id AND s.student_id = $1)
)
SELECT {{> marketplace/_catalog_card_columns}},
       coalesce(k.same_title, k.near_title) AS because
FROM candidates k
JOIN courses c ON c.id = k.id
JOIN users u ON u.id = c.instructor_id
LEFT JOIN catalog_categories cat ON cat.id = c.category_id
ORDER BY k.same_title IS NULL, k.near_title IS NULL,
         CASE WHEN c.rating_count > 0 THEN c.rating_sum::float8 / c.rating_count END DESC NULLS LAST,
         enrolled DESC, c.published_at DESC NULLS LAST, c.id
LIMIT $2
