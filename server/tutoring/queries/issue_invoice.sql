-- Issues draft invoice $1 with number $2; one with nothing to pay (its
-- sessions all prepaid) is paid as it is issued.
UPDATE invoices SET state = CASE WHEN total_minor = 0 THEN 'paid' ELSE 'issued' END, number = $2, issued_at = now(),
                    paid_at = CASE WHEN total_minor = 0 THEN now() END
WHERE id = $1 AND state = 'draft'
