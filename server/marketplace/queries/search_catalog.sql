-- variants: one statement with words and one without ({{words}}, see
-- _catalog_matched), prepared by marketplace_variants.
-- One page ($9 limit, $10 offset) of the catalog's search (the filters
-- $1-$7 of _catalog_matched), sorted by $8: relevance (with words; newest
-- without), newest, rating (unrated last), price_low or price_high (in
-- minor units, free first or last). The page is chosen first; only its
-- courses then read their instructor, category, enrolments, lessons and
-- minutes. With the total found.
-- let order = CASE WHEN $8 = 'relevance' THEN m.rank END DESC NULLS LAST, CASE WHEN $8 = 'rating' AND c.rating_count > 0 THEN c.rating_sum::float8 / c.rating_count END DESC NULLS LAST, CASE WHEN $8 = 'price_low' THEN c.price_minor END ASC, CASE WHEN $8 = 'price_high' THEN c.price_minor END DESC, c.published_at DESC NULLS LAST, c.id DESC
WITH matched AS ({{> marketplace/_catalog_matched}}),
page AS (
    SELECT m.id, m.rank, count(*) OVER () AS total
    FROM matched m
    JOIN courses c ON c.id = m.id
    WHERE m.in_category AND m.in_level AND m.in_language AND m.in_price AND m.in_rating
    ORDER BY {{order}}
    LIMIT $9 OFFSET $10
)
SELECT {{> marketplace/_catalog_card_columns}},
       m.total
FROM page m
JOIN courses c ON c.id = m.id
JOIN users u ON u.id = c.instructor_id
LEFT JOIN catalog_categories cat ON cat.id = c.category_id
ORDER BY {{order}}
