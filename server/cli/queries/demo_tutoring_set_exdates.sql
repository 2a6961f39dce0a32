-- Series $2 of tenant $1 skips the local times $3 (a JSON array): the
-- business's blocked dates, added to a series made before they were.
UPDATE session_series
SET exdates = ARRAY(SELECT jsonb_array_elements_text($3::jsonb)::timestamp)
WHERE tenant_id = $1 AND id = $2
