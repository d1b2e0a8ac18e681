// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/support/testhub.h"

#include "core/adapters/adaptercatalog.h"
#include "core/providers/credentialsecret.h"
#include "core/providers/providerstore.h"
#include "core/secrets/secretmask.h"

#include <QSignalSpy>
#include <QTest>

namespace AiHub::Testing {

TestHub::TestHub()
{
    if (!m_dir.isValid())
        qFatal("cannot create a temporary folder");
    auto db = Storage::Database::open(m_dir.filePath(QStringLiteral("hub.db")));
    if (!db)
        qFatal("cannot open the test database: %s", qPrintable(db.error().message));
    m_database = *db;
    m_secrets = std::make_shared<Secrets::MemorySecretStore>();
    auto keys = Access::AccessKeyStore::open(m_database);
    if (!keys)
        qFatal("cannot open the key store: %s", qPrintable(keys.error().message));
    m_keys = std::move(*keys);
    m_providers = std::make_unique<Providers::ProviderRegistry>(m_database, m_secrets, &Providers::AdapterCatalog::forKind);
    m_usage = std::make_unique<Usage::UsageRecorder>(m_database);
    m_usage->start();
    m_models = std::make_unique<Hub::ModelCatalog>();
    m_imageFiles = std::make_unique<Hub::ImageFileStore>(m_dir.path() + QStringLiteral("/files"));
    if (auto opened = m_imageFiles->open(); !opened)
        qFatal("cannot open the image store: %s", qPrintable(opened.error().message));
    // Tests want failures fast; production defaults are minutes.
    m_timeouts.connectMs = 3000;
    m_timeouts.firstByteMs = 5000;
    m_timeouts.idleMs = 5000;
}

TestHub::~TestHub()
{
    stopServer();
    (void)m_usage->stop();
}

void TestHub::addProvider(Providers::ProviderKind kind, const QString &name, const QUrl &baseUrl,
                          const QString &apiKey)
{
    Providers::ProviderConfig config;
    config.kind = kind;
    config.name = name;
    config.baseUrl = baseUrl.toString();
    Providers::ProviderStore store(m_database);
    auto id = store.addProvider(config);
    if (!id)
        qFatal("addProvider: %s", qPrintable(id.error().message));
    if (!apiKey.isEmpty()) {
        Providers::CredentialInfo info;
        info.label = QStringLiteral("default");
        info.secretStore = m_secrets->id();
        info.secretRef = QStringLiteral("provider/%1/default").arg(name);
        info.masked = Secrets::SecretMask::mask(apiKey);
        bool written = false;
        QObject context;
        m_secrets->write(info.secretRef, Providers::CredentialSecret { apiKey, {}, {} }.toBytes(), &context,
                         [&written](Status s) { written = s.has_value(); });
        if (!QTest::qWaitFor([&written] { return written; }, 5000))
            qFatal("secret write did not finish");
        if (auto c = store.addCredential(*id, info); !c)
            qFatal("addCredential: %s", qPrintable(c.error().message));
    }
    reloadProviders();
}

QByteArray TestHub::createKey(const QString &name)
{
    auto created = m_keys->create(name, Access::Role::User);
    if (!created)
        qFatal("createKey: %s", qPrintable(created.error().message));
    return created->token.toUtf8();
}

void TestHub::reloadProviders()
{
    QSignalSpy spy(m_providers.get(), &Providers::ProviderRegistry::reloaded);
    m_providers->reload();
    if (spy.isEmpty() && !spy.wait(5000))
        qFatal("providers did not reload");
}

Server::HubServices TestHub::services() const
{
    Server::HubServices s;
    s.keys = m_keys.get();
    s.providers = m_providers.get();
    s.usage = m_usage.get();
    s.models = m_models.get();
    s.imageFiles = m_imageFiles.get();
    s.upstreamTimeouts = m_timeouts;
    return s;
}

quint16 TestHub::startServer(Server::ServerOptions options)
{
    options.address = QHostAddress::LocalHost;
    options.port = 0;
    if (options.threads == 0)
        options.threads = 2;
    m_server = std::make_unique<Server::ServerHost>(services(), options);
    auto port = m_server->start();
    if (!port)
        qFatal("server did not start: %s", qPrintable(port.error().message));
    return *port;
}

void TestHub::stopServer(int timeoutMs)
{
    if (!m_server)
        return;
    QSignalSpy stopped(m_server.get(), &Server::ServerHost::stopped);
    m_server->stop();
    if (stopped.isEmpty())
        stopped.wait(timeoutMs);
    m_server.reset();
}

QUrl TestHub::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server ? m_server->port() : 0).arg(path));
}

QList<Usage::UsageRecord> TestHub::usageRecords()
{
    if (auto f = m_usage->flush(); !f)
        qFatal("usage flush: %s", qPrintable(f.error().message));
    auto records = m_usage->recent(100000);
    if (!records)
        qFatal("usage read: %s", qPrintable(records.error().message));
    return *records;
}

} // namespace AiHub::Testing
