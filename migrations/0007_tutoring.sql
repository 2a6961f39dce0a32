-- 0007: a tutoring business's tables: its settings, tutors' availability and
-- blocked dates, sessions stored as series with per-occurrence overrides and
-- attendance, rates, invoices with their lines, payments spread over
-- invoices, messages and private calendar feeds.
--
-- Sessions are stored as RFC 5545 series in local wall time (timestamp
-- without time zone) in the tenant's zone: a weekly 16:00 lesson stays at
-- 16:00 across daylight-saving changes; shared-domain/tutoring expands them
-- and converts to UTC with the zone's table. Money is bigint minor units with
-- a currency code (shared-domain/finance). Every reference to another row of
-- the tenant goes through (tenant_id, id), so a row can never point into
-- another tenant, and every table is under row-level security.
SET LOCAL ROLE learnloop_owner;

-- One row per tutoring tenant. Invoice numbers run without gaps: issuing an
-- invoice takes next_invoice_number under this row's lock, in the same
-- transaction as the invoice, so a rolled-back issue leaves no hole.
CREATE TABLE tutoring_settings (
    tenant_id            bigint PRIMARY KEY REFERENCES tenants (id),
    currency             text NOT NULL DEFAULT 'GBP' CHECK (currency ~ '^[A-Z]{3}$'),
    tax_basis_points     integer NOT NULL DEFAULT 0 CHECK (tax_basis_points BETWEEN 0 AND 10000),
    invoice_prefix       text NOT NULL DEFAULT 'INV' CHECK (invoice_prefix ~ '^[A-Z0-9]{1,10}$'),
    next_invoice_number  bigint NOT NULL DEFAULT 1 CHECK (next_invoice_number >= 1),
    -- [{"key", "label", "billable_percent"}], checked by finance/billing's rules
    attendance_statuses  jsonb NOT NULL DEFAULT '[
        {"key": "completed", "label": "Completed", "billable_percent": 100},
        {"key": "no_show", "label": "No-show", "billable_percent": 100},
        {"key": "late_cancel", "label": "Cancelled late", "billable_percent": 50},
        {"key": "cancelled", "label": "Cancelled in time", "billable_percent": 0},
        {"key": "tutor_cancel", "label": "Cancelled by the tutor", "billable_percent": 0}]'::jsonb,
    -- per check (tutor, student, room): off, warn or block
    conflict_policy      jsonb NOT NULL DEFAULT '{"tutor": "block", "student": "warn", "room": "warn"}'::jsonb,
    week_start           smallint NOT NULL DEFAULT 1 CHECK (week_start IN (0, 1)),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

-- A tutor's weekly window (weekday, 0 = Sunday) or an exception on one date,
-- which may add time or take it away (available false).
CREATE TABLE tutor_availability (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint NOT NULL,
    tutor_id    bigint NOT NULL,
    weekday     smallint CHECK (weekday BETWEEN 0 AND 6),
    on_date     date,
    starts      time NOT NULL,
    ends        time NOT NULL CHECK (ends > starts),
    available   boolean NOT NULL DEFAULT true,
    CHECK ((weekday IS NULL) <> (on_date IS NULL)),
    FOREIGN KEY (tenant_id, tutor_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX tutor_availability_tutor_idx ON tutor_availability (tenant_id, tutor_id);

-- Holidays of the whole business (tutor_id NULL) or one tutor's days off.
-- Recurring sessions skip them when expanded; nothing is cancelled silently.
CREATE TABLE blocked_dates (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint NOT NULL REFERENCES tenants (id),
    tutor_id    bigint,
    first_day   date NOT NULL,
    last_day    date NOT NULL CHECK (last_day >= first_day AND last_day - first_day <= 366),
    label       text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
    FOREIGN KEY (tenant_id, tutor_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX blocked_dates_tenant_idx ON blocked_dates (tenant_id, first_day);

CREATE TABLE session_series (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         bigint NOT NULL,
    tutor_id          bigint NOT NULL,
    student_id        bigint NOT NULL,
    subject           text NOT NULL CHECK (length(subject) BETWEEN 1 AND 100),
    room              text CHECK (length(room) BETWEEN 1 AND 60),
    dtstart           timestamp NOT NULL,          -- local wall time, the first occurrence
    duration_minutes  integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 720),
    rrule             text CHECK (length(rrule) BETWEEN 1 AND 2048),   -- NULL: one session
    exdates           timestamp[] NOT NULL DEFAULT '{}',
    rdates            timestamp[] NOT NULL DEFAULT '{}',
    split_from        bigint,                      -- "this and following" cut this series from that one
    created_by        bigint,
    created_at        timestamptz NOT NULL DEFAULT now(),
    deleted_at        timestamptz,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, tutor_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, student_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, split_from) REFERENCES session_series (tenant_id, id)
);
CREATE INDEX session_series_tutor_idx ON session_series (tenant_id, tutor_id) WHERE deleted_at IS NULL;
CREATE INDEX session_series_student_idx ON session_series (tenant_id, student_id) WHERE deleted_at IS NULL;

CREATE TABLE invoices (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         bigint NOT NULL,
    number            text CHECK (length(number) BETWEEN 1 AND 40),   -- given when issued
    family_id         bigint NOT NULL,             -- the parent who pays
    state             text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'issued', 'paid', 'void')),
    period_from       date NOT NULL,
    period_to         date NOT NULL CHECK (period_to >= period_from),
    currency          text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    subtotal_minor    bigint NOT NULL,
    tax_basis_points  integer NOT NULL CHECK (tax_basis_points BETWEEN 0 AND 10000),
    tax_minor         bigint NOT NULL,
    total_minor       bigint NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    issued_at         timestamptz,
    paid_at           timestamptz,
    voided_at         timestamptz,
    CHECK (total_minor = subtotal_minor + tax_minor),
    CHECK ((state = 'draft') = (number IS NULL) OR state = 'void'),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, number),
    FOREIGN KEY (tenant_id, family_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX invoices_family_idx ON invoices (tenant_id, family_id, created_at);

-- What happened to one occurrence of a series, keyed by its original local
-- start (RFC 5545's RECURRENCE-ID): moved, cancelled, another tutor, the
-- attendance logged and a note. An occurrence on an invoice is locked.
CREATE TABLE session_occurrences (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         bigint NOT NULL,
    series_id         bigint NOT NULL,
    recurrence_id     timestamp NOT NULL,
    starts            timestamp,                   -- moved to (local); NULL: where the series puts it
    duration_minutes  integer CHECK (duration_minutes BETWEEN 5 AND 720),
    tutor_id          bigint,                      -- another tutor for this one
    cancelled         boolean NOT NULL DEFAULT false,
    attendance        text CHECK (attendance ~ '^[a-z0-9_]{1,32}$'),   -- a settings key; NULL: not logged
    note              text CHECK (length(note) <= 2000),
    invoice_id        bigint,
    client_id         text CHECK (length(client_id) BETWEEN 1 AND 64),   -- an offline log's id: synced once
    logged_by         bigint,
    logged_at         timestamptz,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    UNIQUE (series_id, recurrence_id),
    FOREIGN KEY (tenant_id, series_id) REFERENCES session_series (tenant_id, id),
    FOREIGN KEY (tenant_id, tutor_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, logged_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id)
);
CREATE UNIQUE INDEX session_occurrences_client_idx ON session_occurrences (tenant_id, client_id) WHERE client_id IS NOT NULL;
CREATE INDEX session_occurrences_invoice_idx ON session_occurrences (tenant_id, invoice_id) WHERE invoice_id IS NOT NULL;

-- A price per hour from a date on: a student and tutor together, a student,
-- a tutor, or neither (the business's default); finance/billing picks one.
CREATE TABLE rates (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        bigint NOT NULL REFERENCES tenants (id),
    student_id       bigint,
    tutor_id         bigint,
    effective_from   date NOT NULL,
    per_hour_minor   bigint NOT NULL CHECK (per_hour_minor >= 0),
    currency         text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (tenant_id, student_id, tutor_id, effective_from),
    FOREIGN KEY (tenant_id, student_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, tutor_id) REFERENCES users (tenant_id, id)
);

CREATE TABLE invoice_lines (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         bigint NOT NULL,
    invoice_id        bigint NOT NULL,
    occurrence_id     bigint NOT NULL,
    student_id        bigint NOT NULL,
    session_date      date NOT NULL,
    description       text NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
    minutes           integer NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    billable_percent  integer NOT NULL CHECK (billable_percent BETWEEN 1 AND 100),
    per_hour_minor    bigint NOT NULL CHECK (per_hour_minor >= 0),
    amount_minor      bigint NOT NULL CHECK (amount_minor >= 0),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id),
    FOREIGN KEY (tenant_id, occurrence_id) REFERENCES session_occurrences (tenant_id, id),
    FOREIGN KEY (tenant_id, student_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX invoice_lines_invoice_idx ON invoice_lines (tenant_id, invoice_id);

CREATE TABLE payments (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     bigint NOT NULL,
    family_id     bigint NOT NULL,
    amount_minor  bigint NOT NULL CHECK (amount_minor > 0),
    currency      text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    received_on   date NOT NULL,
    method        text NOT NULL CHECK (method IN ('cash', 'card', 'bank_transfer', 'other')),
    note          text CHECK (length(note) <= 500),
    created_by    bigint,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, family_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX payments_family_idx ON payments (tenant_id, family_id, received_on);

-- How each payment was spread over invoices (finance/billing's allocate_payment);
-- what is not allocated is the family's credit.
CREATE TABLE payment_allocations (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     bigint NOT NULL,
    payment_id    bigint NOT NULL,
    invoice_id    bigint NOT NULL,
    amount_minor  bigint NOT NULL CHECK (amount_minor > 0),
    UNIQUE (payment_id, invoice_id),
    FOREIGN KEY (tenant_id, payment_id) REFERENCES payments (tenant_id, id),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id)
);
CREATE INDEX payment_allocations_invoice_idx ON payment_allocations (tenant_id, invoice_id);

-- Direct messages, a broadcast's copies (one per recipient, sharing
-- broadcast_id) and system notifications (no sender).
CREATE TABLE messages (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     bigint NOT NULL,
    kind          text NOT NULL DEFAULT 'direct' CHECK (kind IN ('direct', 'broadcast', 'system')),
    sender_id     bigint,
    recipient_id  bigint NOT NULL,
    broadcast_id  bigint,
    body          text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    created_at    timestamptz NOT NULL DEFAULT now(),
    read_at       timestamptz,
    CHECK ((kind = 'system') = (sender_id IS NULL)),
    FOREIGN KEY (tenant_id, sender_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, recipient_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX messages_recipient_idx ON messages (tenant_id, recipient_id, id DESC);
CREATE INDEX messages_unread_idx ON messages (tenant_id, recipient_id) WHERE read_at IS NULL;

-- A user's private iCalendar feed (/ical/<token>.ics): only the token's
-- SHA-256 is kept; revoking sets revoked_at and a new token is a new row.
CREATE TABLE calendar_feeds (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   bigint NOT NULL,
    user_id     bigint NOT NULL,
    token_hash  bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE UNIQUE INDEX calendar_feeds_live_idx ON calendar_feeds (tenant_id, user_id) WHERE revoked_at IS NULL;

SELECT enable_tenant_isolation(t)
FROM unnest(ARRAY['tutoring_settings', 'tutor_availability', 'blocked_dates', 'session_series', 'invoices',
                  'session_occurrences', 'rates', 'invoice_lines', 'payments', 'payment_allocations', 'messages',
                  'calendar_feeds']::regclass[]) AS t;

-- Invoices, their lines, payments and allocations are never deleted (void
-- instead); messages are not edited once sent, only marked read.
GRANT SELECT, INSERT, UPDATE ON tutoring_settings, session_series, session_occurrences, rates, invoices, payments
    TO learnloop_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON tutor_availability, blocked_dates TO learnloop_app;
GRANT SELECT, INSERT ON invoice_lines, payment_allocations TO learnloop_app;
GRANT SELECT, INSERT, UPDATE (read_at) ON messages TO learnloop_app;
GRANT SELECT, INSERT, UPDATE (revoked_at) ON calendar_feeds TO learnloop_app;
