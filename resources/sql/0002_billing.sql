-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 2: credit billing. Money is stored as integer nano-credits (1 credit = 1 000 000 000), never as
-- a floating-point number. Rates are per 1M tokens (per image for image output).

-- Rate history: a change supersedes the current row and adds a new one, so charges can name the rate they used.
CREATE TABLE billing_rates (
    id               INTEGER PRIMARY KEY,
    provider         TEXT    NOT NULL,
    model            TEXT    NOT NULL,
    type             TEXT    NOT NULL CHECK (type IN ('chat', 'embedding', 'image')),
    variant          TEXT    NOT NULL DEFAULT '',  -- images: size and/or quality; '' = any
    input_rate       INTEGER NOT NULL DEFAULT 0,   -- per 1M input tokens
    output_rate      INTEGER NOT NULL DEFAULT 0,   -- per 1M output tokens; images: per image
    cache_read_rate  INTEGER,                      -- NULL: the input rate
    cache_write_rate INTEGER,
    source           TEXT    NOT NULL DEFAULT 'manual', -- 'manual', 'import', 'derived'
    created_at       INTEGER NOT NULL,
    superseded_at    INTEGER                       -- NULL: the current rate
);
CREATE UNIQUE INDEX billing_rates_current ON billing_rates (provider, model, type, variant)
    WHERE superseded_at IS NULL;

-- balance caches SUM(ledger_entries.amount); it is updated in the same transaction as every entry and checked
-- against the sum at start.
CREATE TABLE billing_accounts (
    name       TEXT    PRIMARY KEY,
    balance    INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

-- Append-only: rows are never updated or deleted.
CREATE TABLE ledger_entries (
    id         INTEGER PRIMARY KEY,
    account    TEXT    NOT NULL REFERENCES billing_accounts(name),
    kind       TEXT    NOT NULL CHECK (kind IN ('grant', 'topup', 'charge', 'refund', 'adjustment')),
    amount     INTEGER NOT NULL,     -- signed: charges are negative
    reason     TEXT    NOT NULL,
    reference  TEXT,                 -- request id for charges, 'new-user' for the welcome grant, free text otherwise
    rate_id    INTEGER REFERENCES billing_rates(id),
    created_at INTEGER NOT NULL
);
CREATE INDEX ledger_entries_account ON ledger_entries (account, id);
-- The new-user grant exists at most once per account, whatever races to create it.
CREATE UNIQUE INDEX ledger_entries_new_user_grant ON ledger_entries (account) WHERE reference = 'new-user';

CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'ledger entries are append-only');
END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'ledger entries are append-only');
END;

-- Credits held for calls in flight. Rows left by a crash are released at the next start.
CREATE TABLE billing_reservations (
    id         INTEGER PRIMARY KEY,
    account    TEXT    NOT NULL REFERENCES billing_accounts(name),
    amount     INTEGER NOT NULL CHECK (amount >= 0),
    request_id TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX billing_reservations_account ON billing_reservations (account);

ALTER TABLE usage_records ADD COLUMN credits INTEGER;         -- nano-credits charged; NULL: not billed
ALTER TABLE usage_records ADD COLUMN rate_id INTEGER;         -- billing_rates.id used
ALTER TABLE usage_records ADD COLUMN billing_reason TEXT;     -- see Billing::Reason
CREATE INDEX usage_records_account ON usage_records (account, created_at);
