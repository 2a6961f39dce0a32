-- Approves or refuses ($2: 'approved' or 'refused') active user $1 if they are
-- waiting for approval; a refused account is deactivated at the same moment.
-- No row when no such account waits.
UPDATE users u
SET approval = $2, updated_at = now(),
    deleted_at = CASE WHEN $2 = 'refused' THEN now() ELSE u.deleted_at END
WHERE u.id = $1 AND u.approval = 'pending' AND u.deleted_at IS NULL
RETURNING u.id, u.email, u.name, u.role,
          to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS signed_up_at
