-- 0025: a refund asked twice is made once. The office's refund form sends a
-- key of its own with each refund it means (the Idempotency-Key header): the
-- same key on the same order finds the refund already made instead of making
-- another (a retry after a lost answer, a second press), and the payment
-- provider is given the key too, so a provider's refund is not given twice.
SET LOCAL ROLE learnloop_owner;

ALTER TABLE order_refunds ADD COLUMN request_key text CHECK (request_key ~ '^[A-Za-z0-9_-]{16,64}$');
CREATE UNIQUE INDEX order_refunds_request_key_idx ON order_refunds (tenant_id, order_id, request_key)
    WHERE request_key IS NOT NULL;
