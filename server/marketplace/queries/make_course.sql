-- A new draft course of tenant $1 taught by user $2: title $3, address $4,
-- subtitle $5, description $6, category $7 (NULL: none), level $8, language
-- $9, tags $10 (a JSON array of text), prerequisites $11, price kind $12,
-- amount $13 (minor units), currency $14, period $15, price band $16.
INSERT INTO courses (tenant_id, instructor_id, title, slug, subtitle, description, category_id, level, language,
                     tags, prerequisites, price_kind, price_minor, currency, billing_period, price_band, status)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, ARRAY(SELECT jsonb_array_elements_text($10::jsonb)), $11, $12, $13,
        $14, $15, $16, 'draft')
RETURNING id
