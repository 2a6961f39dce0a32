-- The published courses that match a search's words, each with whether it
-- passes each filter, so the list and every facet state the filters once:
-- $1 the words as typed (websearch syntax, so quotes, "or" and "-" work and
-- nothing can be a syntax error), $2 the same words as quoted prefixes for
-- type-ahead (shared-domain prefix_tsquery; '' when the words use
-- operators), $3 a category's slug (its whole subtree), $4 a level, $5 a
-- language, $6 a price band ('' for any of these), $7 the least rating in
-- tenths of a star (0 for any). {{words}} is 'all' (no words: every
-- published course) or 'words', written into each statement's variant so
-- that PostgreSQL plans each shape once: with words, the GIN index on the
-- search document finds the matches (through catalog_search_matches, which
-- row-level security would otherwise keep from the index; migration 0016).
-- let query = (websearch_to_tsquery('english', $1) || websearch_to_tsquery('spanish', $1) || websearch_to_tsquery('french', $1) || websearch_to_tsquery('german', $1) || websearch_to_tsquery('simple', $1) || CASE WHEN $2 = '' THEN websearch_to_tsquery('simple', $1) ELSE to_tsquery('simple', $2) END)
SELECT c.id, c.category_id, c.level, c.language, c.price_band,
       CASE WHEN c.rating_count = 0 THEN 0 ELSE (c.rating_sum * 10) / c.rating_count END AS rating_tenths,
       CASE WHEN {{words}} = 'all' THEN 0 ELSE ts_rank(c.search_document, {{query}}) END AS rank,
       ($3 = '' OR c.category_id IN (
            WITH RECURSIVE subtree (id) AS (
                SELECT id FROM catalog_categories WHERE slug = $3
                UNION   -- not ALL: a loop of categories ends
                SELECT child.id FROM catalog_categories child JOIN subtree ON child.parent_id = subtree.id)
            SELECT id FROM subtree)) AS in_category,
       ($4 = '' OR c.level = $4) AS in_level,
       ($5 = '' OR c.language = $5) AS in_language,
       ($6 = '' OR c.price_band = $6) AS in_price,
       ($7 = 0 OR (c.rating_count > 0 AND (c.rating_sum * 10) / c.rating_count >= $7)) AS in_rating
FROM courses c
WHERE c.status = 'published' AND c.deleted_at IS NULL AND c.slug IS NOT NULL
  AND ({{words}} = 'all' OR c.id = ANY (ARRAY(SELECT catalog_search_matches({{query}}))))
