-- File $1 goes.
DELETE FROM lesson_attachments WHERE id = $1 RETURNING id
