-- The demo tutoring business's settings for tenant $1: currency $2, tax $3
-- basis points, invoice prefix $4 (the attendance statuses and the conflict
-- policy are the schema's defaults). A row already there is left as it is;
-- answers whether one was made.
WITH made AS (
    INSERT INTO tutoring_settings (tenant_id, currency, tax_basis_points, invoice_prefix)
    VALUES ($1, $2, $3, $4)
    ON CONFLICT (tenant_id) DO NOTHING
    RETURNING 1
)
SELECT count(*) > 0 AS made FROM made
