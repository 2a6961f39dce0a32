-- Voids invoice $1 and frees its sessions: they can be changed and billed
-- again. Its lines stay, as the record of what it said.
WITH voided AS (
    UPDATE invoices SET state = 'void', voided_at = now() WHERE id = $1 RETURNING id
), freed AS (
    UPDATE session_occurrences o SET invoice_id = NULL, updated_at = now()
    FROM voided WHERE o.invoice_id = voided.id
    RETURNING 1
)
SELECT count(*) AS freed FROM freed
