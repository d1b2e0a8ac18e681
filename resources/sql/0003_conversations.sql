-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 3: the desktop playground's conversation history.

CREATE TABLE conversations (
    id            INTEGER PRIMARY KEY,
    title         TEXT    NOT NULL,
    model         TEXT,
    system_prompt TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX conversations_updated ON conversations (updated_at);

-- Per message what the hub reported: tokens and the latency the playground measured.
CREATE TABLE conversation_messages (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role            TEXT    NOT NULL CHECK (role IN ('user', 'assistant')),
    content         TEXT    NOT NULL,
    model           TEXT,
    input_tokens    INTEGER,
    output_tokens   INTEGER,
    latency_ms      REAL,
    error           TEXT,
    created_at      INTEGER NOT NULL
);
CREATE INDEX conversation_messages_conversation ON conversation_messages (conversation_id, id);
