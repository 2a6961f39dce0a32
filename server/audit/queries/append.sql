-- Appends one audit row to its tenant's chain ($1, NULL for the platform's):
-- actor $2, action $3, entity $4, entity id $5, before $6 and after $7 as
-- JSON text. audit_append() takes the chain's lock, links the row to the
-- previous one and stores its hash; it answers the new row's id.
SELECT audit_append($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb) AS id
