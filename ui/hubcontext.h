// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QString>

#include <memory>

namespace AiHub::Storage {
class Database;
}
namespace AiHub::Secrets {
class ISecretStore;
}
namespace AiHub::Access {
class AccessKeyStore;
}

namespace AiHub::Ui {

// The running hub's services the pages work with. Handed to the pages once the server listens; before that the
// pages say they are waiting. The desktop app fills it from HubRuntime, the tests from their own hub.
struct HubContext {
    std::shared_ptr<Storage::Database> database;
    std::shared_ptr<Secrets::ISecretStore> secrets;
    Access::AccessKeyStore *keys = nullptr;
    QString secretStoreDescription;
    QString serverUrl; // e.g. "http://127.0.0.1:8878"

    bool isReady() const { return database && secrets && keys; }
};

} // namespace AiHub::Ui
