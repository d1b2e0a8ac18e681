-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 4: what each playground answer cost and how fast it started, shown again when a conversation is
-- resumed. A side table rather than new columns so version 3's rows need no rewrite.

CREATE TABLE conversation_message_stats (
    message_id     INTEGER PRIMARY KEY REFERENCES conversation_messages (id) ON DELETE CASCADE,
    credits        TEXT,
    first_token_ms REAL,
    call_id        TEXT
);
