-- 0023: how long a checkout stays payable, said once. An order waiting for
-- payment past it no longer holds its coupon's use and is given up at the
-- learner's next checkout; the sandbox provider's checkout expires with it.
SET LOCAL ROLE learnloop_owner;

CREATE FUNCTION checkout_lifetime() RETURNS interval
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT interval '24 hours' $$;
GRANT EXECUTE ON FUNCTION checkout_lifetime() TO learnloop_app;

ALTER TABLE sandbox_checkouts ALTER COLUMN expires_at SET DEFAULT now() + checkout_lifetime();
