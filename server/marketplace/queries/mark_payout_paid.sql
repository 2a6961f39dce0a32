-- Payout $1 sent, by $2, with the transfer's reference $3.
UPDATE instructor_payouts SET status = 'paid', paid_by = $2, paid_at = now(), reference = $3 WHERE id = $1 AND status = 'due'
