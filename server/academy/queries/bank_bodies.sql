-- Bank questions by id ($1, an array) as GIFT, with their code and version.
SELECT id, code, version, body FROM bank_questions WHERE id = ANY($1::bigint[])
