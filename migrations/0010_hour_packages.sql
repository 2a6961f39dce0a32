-- 0010: prepaid packages of hours (shared-domain finance/billing's
-- HourPackage). A package is sold on an invoice of its own (its one line
-- names the package and no session); the student's sessions billed later
-- draw on it (lines naming it with a session, the minutes it covers and
-- their share of its price). What is left is what was bought less what
-- invoices that are not void have drawn; a package whose sale is voided is
-- void.
SET LOCAL ROLE learnloop_owner;

CREATE TABLE hour_packages (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     bigint NOT NULL,
    student_id    bigint NOT NULL,
    family_id     bigint NOT NULL,                 -- who pays: a parent, or the student
    minutes       integer NOT NULL CHECK (minutes BETWEEN 30 AND 30000),
    price_minor   bigint NOT NULL CHECK (price_minor >= 0),
    currency      text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    purchased_on  date NOT NULL,
    expires_on    date CHECK (expires_on >= purchased_on),   -- the last day it covers; NULL: never
    created_by    bigint,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, student_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, family_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX hour_packages_student_idx ON hour_packages (tenant_id, student_id);

-- A line bills a session, sells a package (no session), or bills a session
-- that a package covers in part or whole.
ALTER TABLE invoice_lines
    ALTER COLUMN occurrence_id DROP NOT NULL,
    ADD COLUMN package_id bigint,
    ADD COLUMN package_minutes integer NOT NULL DEFAULT 0 CHECK (package_minutes BETWEEN 0 AND 1440),
    ADD COLUMN package_value_minor bigint NOT NULL DEFAULT 0 CHECK (package_value_minor >= 0),
    DROP CONSTRAINT invoice_lines_minutes_check,
    ADD CONSTRAINT invoice_lines_minutes_check CHECK (minutes BETWEEN 1 AND 30000),
    ADD CONSTRAINT invoice_lines_session_or_package CHECK (occurrence_id IS NOT NULL OR package_id IS NOT NULL),
    ADD CONSTRAINT invoice_lines_drawn_from_package CHECK (package_minutes = 0 OR package_id IS NOT NULL),
    ADD FOREIGN KEY (tenant_id, package_id) REFERENCES hour_packages (tenant_id, id);
CREATE INDEX invoice_lines_package_idx ON invoice_lines (tenant_id, package_id) WHERE package_id IS NOT NULL;

SELECT enable_tenant_isolation('hour_packages');
-- Sold, never deleted: voiding its invoice voids it.
GRANT SELECT, INSERT ON hour_packages TO learnloop_app;
