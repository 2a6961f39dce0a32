-- 0022: coupons (shared-domain marketplace/pricing). An administrator makes
-- coupons for any course of the tenant, an instructor for chosen courses of
-- their own. A coupon takes a percentage or a fixed amount off, until the end
-- of its last day in the tenant's zone, as often as its usage limit allows;
-- it may be ended by hand. It is kept once made (orders name it). A use is an
-- order made with it that has not been cancelled or has not expired, so an
-- order given up gives its use back without a counter to keep right; the
-- checkout locks the coupon's row while it counts.
--
-- An order keeps what the coupon took off (`discount_minor`; the list price
-- is gross + discount). A coupon that takes the whole price off makes an
-- order of 0 paid at once, with no payment provider ('none').
SET LOCAL ROLE learnloop_owner;

CREATE TABLE coupons (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        bigint NOT NULL REFERENCES tenants (id),
    code             text NOT NULL CHECK (code ~ '^[A-Z0-9-]{3,32}$'),
    kind             text NOT NULL CHECK (kind IN ('percent', 'fixed')),
    percent          integer CHECK (percent BETWEEN 1 AND 100),
    amount_off_minor bigint CHECK (amount_off_minor > 0),
    currency         text CHECK (currency ~ '^[A-Z]{3}$'),
    expires_on       date,          -- the last day it works, in the tenant's zone
    expires_at       timestamptz,   -- the end of that day
    usage_limit      integer NOT NULL DEFAULT 0 CHECK (usage_limit BETWEEN 0 AND 1000000),   -- 0: any number
    created_by       bigint NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    ended_at         timestamptz,
    ended_by         bigint,
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, code),
    CHECK ((kind = 'percent') = (percent IS NOT NULL)),
    CHECK ((kind = 'fixed') = (amount_off_minor IS NOT NULL AND currency IS NOT NULL)),
    CHECK (kind = 'fixed' OR (amount_off_minor IS NULL AND currency IS NULL)),
    CHECK ((expires_on IS NULL) = (expires_at IS NULL)),
    CHECK ((ended_at IS NULL) = (ended_by IS NULL)),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, ended_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX coupons_recent_idx ON coupons (tenant_id, created_at DESC, id DESC);

-- The courses a coupon is for; none: every course of the tenant.
CREATE TABLE coupon_courses (
    tenant_id bigint NOT NULL,
    coupon_id bigint NOT NULL,
    course_id bigint NOT NULL,
    PRIMARY KEY (tenant_id, coupon_id, course_id),
    FOREIGN KEY (tenant_id, coupon_id) REFERENCES coupons (tenant_id, id),
    FOREIGN KEY (tenant_id, course_id) REFERENCES courses (tenant_id, id)
);
CREATE INDEX coupon_courses_course_idx ON coupon_courses (tenant_id, course_id);

ALTER TABLE course_orders
    ADD COLUMN coupon_id bigint,
    ADD COLUMN discount_minor bigint NOT NULL DEFAULT 0 CHECK (discount_minor >= 0),
    ADD CONSTRAINT course_orders_coupon_fkey FOREIGN KEY (tenant_id, coupon_id) REFERENCES coupons (tenant_id, id),
    ADD CONSTRAINT course_orders_discount_check CHECK (coupon_id IS NOT NULL OR discount_minor = 0);
CREATE INDEX course_orders_coupon_idx ON course_orders (tenant_id, coupon_id) WHERE coupon_id IS NOT NULL;

-- An order of 0 (the whole price taken off) is paid with no provider. The
-- checks replaced were named by PostgreSQL in 0018 (course_orders_check3 is
-- its fourth table check: paid orders have a payment); these are named.
ALTER TABLE course_orders DROP CONSTRAINT course_orders_gross_minor_check;
ALTER TABLE course_orders ADD CONSTRAINT course_orders_gross_check
    CHECK (gross_minor > 0 OR (gross_minor = 0 AND provider = 'none'));
ALTER TABLE course_orders DROP CONSTRAINT course_orders_provider_check;
ALTER TABLE course_orders ADD CONSTRAINT course_orders_provider_known CHECK (provider IN ('sandbox', 'none'));
ALTER TABLE course_orders DROP CONSTRAINT course_orders_check3;
ALTER TABLE course_orders ADD CONSTRAINT course_orders_paid_check CHECK ((status IN ('paid', 'partly_refunded', 'refunded'))
    = (paid_at IS NOT NULL AND (payment_id IS NOT NULL OR provider = 'none')));

SELECT enable_tenant_isolation(t) FROM unnest(ARRAY['coupons', 'coupon_courses']::regclass[]) AS t;
GRANT SELECT, INSERT ON coupons TO learnloop_app;
GRANT UPDATE (ended_at, ended_by) ON coupons TO learnloop_app;
GRANT SELECT, INSERT ON coupon_courses TO learnloop_app;
