-- Soft-deletes an assignment ($1); its submissions and audit trail stay.
UPDATE assignments SET deleted_at = now(), updated_at = now() WHERE id = $1
