-- Sets user $1's name ($2), role ($3) and profile ($4, JSON text).
UPDATE users SET name = $2, role = $3, profile = $4::jsonb, updated_at = now()
WHERE id = $1
