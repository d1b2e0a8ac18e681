// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/secrets/isecretstore.h"

namespace AiHub::Secrets {

// Turns a caller's callback into one that may be invoked from any thread (the store's worker or keychain
// thread) and still honours the ISecretStore contract: `done` runs later, queued, on `context`'s thread, and
// not at all if `context` has been destroyed by then. Only the first invocation counts. If every copy of the
// returned function is dropped without being invoked (the store went away mid-operation), `done` gets
// SecretStoreUnavailable. Call wrap() on a thread where `context` is known to be alive (normally its own
// thread).
class QueuedReply final {
public:
    [[nodiscard]] static ISecretStore::ReadCallback wrap(QObject *context, ISecretStore::ReadCallback done);
    [[nodiscard]] static ISecretStore::DoneCallback wrap(QObject *context, ISecretStore::DoneCallback done);
};

} // namespace AiHub::Secrets
