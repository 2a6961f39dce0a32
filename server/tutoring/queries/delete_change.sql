-- A change dropped by an edit of the series the user confirmed ($1).
DELETE FROM session_occurrences WHERE id = $1 AND attendance IS NULL AND invoice_id IS NULL
