-- 0018: buying marketplace courses (shared-domain marketplace/orders and
-- marketplace/checkout). An order keeps the price and its exact split at the
-- moment of buying (the fee terms may change later), what refunds have
-- reversed of each part, and the payment provider's checkout and payment.
-- The provider's events are recorded once each, so a replayed webhook
-- changes nothing. The sandbox provider, which ships with Learnloop and runs
-- in the same server, keeps its own checkouts in a table of its own: it plays
-- the part of an outside provider and knows nothing of tenants.
SET LOCAL ROLE learnloop_owner;

CREATE TABLE course_orders (
    id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id                 bigint NOT NULL,
    learner_id                bigint NOT NULL,
    course_id                 bigint NOT NULL,
    status                    text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'paid', 'partly_refunded', 'refunded', 'cancelled', 'expired')),
    currency                  text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    gross_minor               bigint NOT NULL CHECK (gross_minor > 0),
    processing_fee_minor      bigint NOT NULL CHECK (processing_fee_minor >= 0),
    platform_fee_minor        bigint NOT NULL CHECK (platform_fee_minor >= 0),
    instructor_share_minor    bigint NOT NULL CHECK (instructor_share_minor >= 0),
    -- The terms the split was made with.
    platform_fee_bp           integer NOT NULL CHECK (platform_fee_bp BETWEEN 0 AND 10000),
    processing_bp             integer NOT NULL CHECK (processing_bp BETWEEN 0 AND 10000),
    processing_fixed_minor    bigint NOT NULL CHECK (processing_fixed_minor >= 0),
    refunded_gross_minor      bigint NOT NULL DEFAULT 0,
    refunded_processing_minor bigint NOT NULL DEFAULT 0,
    refunded_platform_minor   bigint NOT NULL DEFAULT 0,
    refunded_instructor_minor bigint NOT NULL DEFAULT 0,
    provider                  text NOT NULL CHECK (provider IN ('sandbox')),
    checkout_id               text UNIQUE,      -- set as the order is made, with its checkout
    checkout_url              text,
    payment_id                text UNIQUE,
    created_at                timestamptz NOT NULL DEFAULT now(),
    paid_at                   timestamptz,
    updated_at                timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    CHECK (gross_minor = processing_fee_minor + platform_fee_minor + instructor_share_minor),
    CHECK (refunded_gross_minor = refunded_processing_minor + refunded_platform_minor + refunded_instructor_minor),
    CHECK (refunded_processing_minor BETWEEN 0 AND processing_fee_minor
           AND refunded_platform_minor BETWEEN 0 AND platform_fee_minor
           AND refunded_instructor_minor BETWEEN 0 AND instructor_share_minor),
    CHECK ((status IN ('paid', 'partly_refunded', 'refunded')) = (paid_at IS NOT NULL AND payment_id IS NOT NULL)),
    FOREIGN KEY (tenant_id, learner_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, course_id) REFERENCES courses (tenant_id, id)
);
-- One order waiting for payment per learner and course: a double click on
-- "Buy" finds the first.
CREATE UNIQUE INDEX course_orders_one_pending ON course_orders (tenant_id, learner_id, course_id)
    WHERE status = 'pending';
CREATE INDEX course_orders_recent_idx ON course_orders (tenant_id, created_at DESC, id DESC);
CREATE INDEX course_orders_learner_idx ON course_orders (tenant_id, learner_id, created_at DESC);
CREATE INDEX course_orders_course_idx ON course_orders (tenant_id, course_id);

CREATE TABLE order_refunds (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         bigint NOT NULL,
    order_id          bigint NOT NULL,
    gross_minor       bigint NOT NULL CHECK (gross_minor > 0),
    processing_minor  bigint NOT NULL CHECK (processing_minor >= 0),
    platform_minor    bigint NOT NULL CHECK (platform_minor >= 0),
    instructor_minor  bigint NOT NULL CHECK (instructor_minor >= 0),
    reason            text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
    refunded_by       bigint NOT NULL,
    provider_refund   text NOT NULL UNIQUE,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (gross_minor = processing_minor + platform_minor + instructor_minor),
    FOREIGN KEY (tenant_id, order_id) REFERENCES course_orders (tenant_id, id),
    FOREIGN KEY (tenant_id, refunded_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX order_refunds_order_idx ON order_refunds (tenant_id, order_id);

-- Each provider event applied, once.
CREATE TABLE payment_events (
    tenant_id   bigint NOT NULL REFERENCES tenants (id),
    provider    text NOT NULL,
    event_id    text NOT NULL,
    kind        text NOT NULL,
    order_id    bigint NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, event_id),
    FOREIGN KEY (tenant_id, order_id) REFERENCES course_orders (tenant_id, id)
);

SELECT enable_tenant_isolation(t)
FROM unnest(ARRAY['course_orders', 'order_refunds', 'payment_events']::regclass[]) AS t;
GRANT SELECT, INSERT, UPDATE ON course_orders TO learnloop_app;
GRANT SELECT, INSERT ON order_refunds, payment_events TO learnloop_app;

-- [SECTION] the sandbox provider's own records

-- Its secret for signing events: made here, from the database's strong
-- random source (two version-4 UUIDs, 244 random bits, through SHA-256).
CREATE TABLE sandbox_provider (
    only_row       boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    webhook_secret text NOT NULL CHECK (webhook_secret ~ '^[0-9a-f]{64}$')
);
INSERT INTO sandbox_provider (webhook_secret)
VALUES (encode(sha256((gen_random_uuid()::text || gen_random_uuid()::text)::bytea), 'hex'));

CREATE TABLE sandbox_checkouts (
    id             text PRIMARY KEY CHECK (id ~ '^cs_[0-9a-f]{64}$'),
    merchant       text NOT NULL CHECK (length(merchant) BETWEEN 1 AND 200),
    description    text NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
    amount_minor   bigint NOT NULL CHECK (amount_minor > 0),
    currency       text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    return_url     text NOT NULL CHECK (length(return_url) <= 500),
    metadata       jsonb NOT NULL,
    status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'cancelled', 'expired')),
    payment_id     text UNIQUE CHECK (payment_id ~ '^pay_[0-9a-f]{32}$'),
    refunded_minor bigint NOT NULL DEFAULT 0 CHECK (refunded_minor BETWEEN 0 AND amount_minor),
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL DEFAULT now() + interval '24 hours',
    completed_at   timestamptz
);
GRANT SELECT ON sandbox_provider TO learnloop_app;
GRANT SELECT, INSERT, UPDATE ON sandbox_checkouts TO learnloop_app;
