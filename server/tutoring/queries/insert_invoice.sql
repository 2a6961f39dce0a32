-- One invoice of tenant $1 with its lines: $2 is {"number" (null for a
-- draft), "family_id", "state", "period_from", "period_to", "currency",
-- "subtotal_minor", "tax_basis_points", "tax_minor", "total_minor",
-- "created_at" (absent or null: now), "issued_at", "paid_at" (absent: not
-- paid), "lines": [{"occurrence_id", "student_id",
-- "session_date", "description", "minutes", "billable_percent",
-- "per_hour_minor", "amount_minor", "package_id", "package_minutes",
-- "package_value_minor"}]} (a package's sale: no occurrence_id). The
-- sessions billed are marked with the invoice, which locks them. Answers
-- the invoice's id.
WITH invoice AS (
    INSERT INTO invoices (tenant_id, number, family_id, state, period_from, period_to, currency, subtotal_minor,
                          tax_basis_points, tax_minor, total_minor, created_at, issued_at, paid_at)
    SELECT $1, i.number, i.family_id, i.state, i.period_from, i.period_to, i.currency, i.subtotal_minor,
           i.tax_basis_points, i.tax_minor, i.total_minor, coalesce(i.created_at, now()), i.issued_at, i.paid_at
    FROM jsonb_to_record($2::jsonb)
         AS i (number text, family_id bigint, state text, period_from date, period_to date, currency text,
               subtotal_minor bigint, tax_basis_points integer, tax_minor bigint, total_minor bigint,
               created_at timestamptz, issued_at timestamptz, paid_at timestamptz)
    RETURNING id
), line AS (
    SELECT l.*
    FROM jsonb_to_recordset($2::jsonb -> 'lines')
         AS l (occurrence_id bigint, student_id bigint, session_date date, description text, minutes integer,
               billable_percent integer, per_hour_minor bigint, amount_minor bigint, package_id bigint,
               package_minutes integer, package_value_minor bigint)
), lines AS (
    INSERT INTO invoice_lines (tenant_id, invoice_id, occurrence_id, student_id, session_date, description, minutes,
                               billable_percent, per_hour_minor, amount_minor, package_id, package_minutes,
                               package_value_minor)
    SELECT $1, invoice.id, line.occurrence_id, line.student_id, line.session_date, line.description, line.minutes,
           line.billable_percent, line.per_hour_minor, line.amount_minor, line.package_id,
           coalesce(line.package_minutes, 0), coalesce(line.package_value_minor, 0)
    FROM invoice, line
), locked AS (
    UPDATE session_occurrences o SET invoice_id = invoice.id
    FROM invoice, line
    WHERE o.tenant_id = $1 AND o.id = line.occurrence_id
)
SELECT id FROM invoice
