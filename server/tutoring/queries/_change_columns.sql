-- A session_occurrences row `o` as the repository reads it.
o.id, o.series_id, to_char(o.recurrence_id, 'YYYY-MM-DD"T"HH24:MI:SS') AS recurrence_id,
to_char(o.starts, 'YYYY-MM-DD"T"HH24:MI:SS') AS starts, o.duration_minutes, o.tutor_id, o.cancelled,
coalesce(o.attendance, '') AS attendance, coalesce(o.note, '') AS note, o.invoice_id, o.client_id
