// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/access/accesskeystore.h"
#include "core/hub/imagefilestore.h"
#include "core/hub/modelcatalog.h"
#include "core/providers/providerkind.h"
#include "core/providers/providerregistry.h"
#include "core/secrets/memorysecretstore.h"
#include "core/server/serverhost.h"
#include "core/storage/database.h"
#include "core/usage/usagerecorder.h"

#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace AiHub::Testing {

// The real hub core and server, wired as the app wires them, over a temporary data folder. Only the OS keychain
// is replaced (by the in-memory secret store): everything else is our production code.
class TestHub final {
public:
    TestHub();
    ~TestHub();

    // Adds a provider with an API key through the same path as the admin command line, then reloads.
    void addProvider(Providers::ProviderKind kind, const QString &name, const QUrl &baseUrl,
                     const QString &apiKey = QStringLiteral("sk-test-upstream-key"));
    QByteArray createKey(const QString &name);
    void reloadProviders();

    quint16 startServer(Server::ServerOptions options = {});
    void stopServer(int timeoutMs = 10000);
    QUrl url(const QString &path) const;

    // Usage records written so far (after a flush).
    QList<Usage::UsageRecord> usageRecords();

    QString dataDir() const { return m_dir.path(); }
    std::shared_ptr<Storage::Database> database() const { return m_database; }
    std::shared_ptr<Secrets::MemorySecretStore> secrets() const { return m_secrets; }
    Access::AccessKeyStore &keys() { return *m_keys; }
    Providers::ProviderRegistry &providers() { return *m_providers; }
    Usage::UsageRecorder &usage() { return *m_usage; }
    Server::ServerHost *server() const { return m_server.get(); }
    Server::HubServices services() const;
    Net::UpstreamTimeouts &upstreamTimeouts() { return m_timeouts; }
    Hub::ImageFileStore &imageFiles() { return *m_imageFiles; }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<Storage::Database> m_database;
    std::shared_ptr<Secrets::MemorySecretStore> m_secrets;
    std::unique_ptr<Access::AccessKeyStore> m_keys;
    std::unique_ptr<Providers::ProviderRegistry> m_providers;
    std::unique_ptr<Usage::UsageRecorder> m_usage;
    std::unique_ptr<Hub::ModelCatalog> m_models;
    std::unique_ptr<Hub::ImageFileStore> m_imageFiles;
    std::unique_ptr<Server::ServerHost> m_server;
    Net::UpstreamTimeouts m_timeouts;
};

} // namespace AiHub::Testing
