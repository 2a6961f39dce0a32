-- 0019: paying instructors (shared-domain marketplace/payouts). An order's
-- share is held for the marketplace's hold period (the refund window), then
-- paid out monthly, per instructor and currency, once it reaches the
-- marketplace's threshold. A payout is made "due" by the office's monthly run
-- and marked "paid" once the money is sent (with the transfer's reference).
SET LOCAL ROLE learnloop_owner;

ALTER TABLE marketplace_settings
    ADD COLUMN payout_threshold_minor bigint NOT NULL DEFAULT 5000 CHECK (payout_threshold_minor BETWEEN 0 AND 100000000),
    ADD COLUMN payout_hold_days       integer NOT NULL DEFAULT 14 CHECK (payout_hold_days BETWEEN 0 AND 90);

CREATE TABLE instructor_payouts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     bigint NOT NULL,
    instructor_id bigint NOT NULL,
    month         text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    currency      text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount_minor  bigint NOT NULL CHECK (amount_minor > 0),
    status        text NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'paid')),
    reference     text NOT NULL DEFAULT '' CHECK (length(reference) <= 100),
    created_by    bigint NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    paid_by       bigint,
    paid_at       timestamptz,
    UNIQUE (tenant_id, instructor_id, currency, month),
    CHECK ((status = 'paid') = (paid_at IS NOT NULL AND paid_by IS NOT NULL)),
    FOREIGN KEY (tenant_id, instructor_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, paid_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX instructor_payouts_recent_idx ON instructor_payouts (tenant_id, month DESC, id);
CREATE INDEX instructor_payouts_instructor_idx ON instructor_payouts (tenant_id, instructor_id, month DESC);
-- An instructor's paid orders, for their earnings.
CREATE INDEX course_orders_paid_idx ON course_orders (tenant_id, course_id, paid_at) WHERE paid_at IS NOT NULL;

SELECT enable_tenant_isolation('instructor_payouts');
GRANT SELECT, INSERT, UPDATE ON instructor_payouts TO learnloop_app;
