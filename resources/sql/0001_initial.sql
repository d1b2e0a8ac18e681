-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 1. Portable SQL (SQLite now, PostgreSQL later): no AUTOINCREMENT, times as integer
-- milliseconds since the Unix epoch, booleans as 0/1 integers. Secrets are never stored here.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE providers (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    kind       TEXT    NOT NULL,
    base_url   TEXT,
    region     TEXT,
    enabled    INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- One provider can hold several credentials; balancing and failover use the weights.
CREATE TABLE provider_credentials (
    id            INTEGER PRIMARY KEY,
    provider_id   INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    label         TEXT    NOT NULL,
    weight        INTEGER NOT NULL DEFAULT 1 CHECK (weight >= 0),
    secret_store  TEXT    NOT NULL,          -- 'keychain' or 'file': where the secret lives
    secret_ref    TEXT    NOT NULL,          -- the name under which the secret store holds it
    masked        TEXT    NOT NULL,          -- first 4 and last 4 characters, for display only
    access_key_id TEXT,                      -- Bedrock: the (non-secret) access key id
    enabled       INTEGER NOT NULL DEFAULT 1,
    created_at    INTEGER NOT NULL,
    UNIQUE (provider_id, label)
);

-- Hub access keys. The secret part is kept only as a SHA-256 hash; key_id is the public lookup part.
CREATE TABLE access_keys (
    id           INTEGER PRIMARY KEY,
    key_id       TEXT    NOT NULL UNIQUE,
    name         TEXT    NOT NULL,
    role         TEXT    NOT NULL CHECK (role IN ('admin', 'user')),
    account      TEXT    NOT NULL,
    secret_hash  BLOB    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
);
CREATE UNIQUE INDEX access_keys_active_name ON access_keys (name) WHERE revoked_at IS NULL;

-- One row per call through the hub.
CREATE TABLE usage_records (
    id                 INTEGER PRIMARY KEY,
    request_id         TEXT    NOT NULL,
    created_at         INTEGER NOT NULL,
    access_key_id      INTEGER,
    key_name           TEXT,
    account            TEXT,
    app_did            TEXT,
    api                TEXT    NOT NULL,     -- 'openai' or 'aigne'
    type               TEXT    NOT NULL,     -- 'chat', 'embedding', 'image'
    provider           TEXT,
    model              TEXT,
    stream             INTEGER NOT NULL DEFAULT 0,
    input_tokens       INTEGER,              -- NULL: the provider reported none
    output_tokens      INTEGER,
    cache_read_tokens  INTEGER,
    cache_write_tokens INTEGER,
    usage_source       TEXT    NOT NULL DEFAULT 'none', -- 'provider', 'counted' or 'none'
    status             INTEGER NOT NULL,     -- HTTP status the client got
    error_code         TEXT,
    error_message      TEXT,
    duration_ms        REAL    NOT NULL,
    ttft_ms            REAL                  -- time to first token/byte for streams
);
CREATE INDEX usage_records_created ON usage_records (created_at);
CREATE INDEX usage_records_key ON usage_records (access_key_id, created_at);
CREATE INDEX usage_records_provider_model ON usage_records (provider, model, created_at);

INSERT INTO meta (key, value) VALUES ('config_generation', '0');
