-- 0009: messages read as conversations. The conversation a message belongs
-- to, for the person reading (shared-domain messaging's Thread): the
-- business's notices, the announcements they sent, or the other person's.
-- The threads list and a conversation's page both filter by it.
SET LOCAL ROLE learnloop_owner;

CREATE FUNCTION message_thread(p_kind text, p_sender_id bigint, p_recipient_id bigint, p_reader bigint)
    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT CASE WHEN p_kind = 'system' THEN 'notices'
                    WHEN p_kind = 'broadcast' AND p_sender_id = p_reader THEN 'announcements'
                    WHEN p_sender_id = p_reader THEN p_recipient_id::text
                    ELSE p_sender_id::text END
    $$;
GRANT EXECUTE ON FUNCTION message_thread(text, bigint, bigint, bigint) TO learnloop_app;

-- What a person sent is read with what they received.
CREATE INDEX messages_sender_idx ON messages (tenant_id, sender_id, id DESC);
