// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

namespace AiHub::Ui {

namespace {
const QByteArray kActivate = "activate\n";
}

SingleInstance::SingleInstance(const QString &name, QObject *parent)
    : QObject(parent)
    , m_name(name)
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName(const QString &dataDir)
{
    // Sockets live in the shared temp folder: the user's name keeps users apart, the hash keeps data folders apart.
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = QFileInfo(QDir::homePath()).fileName();
    const QString folder = QFileInfo(dataDir).absoluteFilePath();
    const QByteArray hash = QCryptographicHash::hash((QDir::homePath() + u'\n' + folder).toUtf8(),
                                                     QCryptographicHash::Sha256)
                                .toHex()
                                .left(16);
    return QStringLiteral("aigne-hub-%1-%2").arg(user, QString::fromLatin1(hash));
}

bool SingleInstance::isPrimary() const
{
    return m_server && m_server->isListening();
}

void SingleInstance::start()
{
    m_probe = new QLocalSocket(this);
    connect(m_probe, &QLocalSocket::connected, this, [this] {
        m_probe->write(kActivate);
        // Leave once the request is on its way; the first instance does the rest.
        connect(m_probe, &QLocalSocket::bytesWritten, this, [this] {
            if (m_probe->bytesToWrite() == 0 && !m_decided) {
                m_decided = true;
                m_probe->disconnectFromServer();
                Q_EMIT alreadyRunning();
            }
        });
    });
    connect(m_probe, &QLocalSocket::errorOccurred, this, [this] {
        if (m_decided || m_probe->state() == QLocalSocket::ConnectedState)
            return;
        m_decided = true;
        m_probe->deleteLater();
        m_probe = nullptr;
        becomePrimary();
    });
    // Always on the event loop: a failed connect reports at once, and the caller must be listening by then.
    QMetaObject::invokeMethod(m_probe, [this] { m_probe->connectToServer(m_name); }, Qt::QueuedConnection);
}

void SingleInstance::becomePrimary()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnections);
    if (!m_server->listen(m_name)) {
        // Nobody answered, so the socket is a leftover of an instance that crashed: remove it and try again.
        QLocalServer::removeServer(m_name);
        if (!m_server->listen(m_name)) {
            const QString message = tr("Cannot watch for a second start of AIGNE Hub (%1): %2")
                                        .arg(m_name, m_server->errorString());
            delete m_server;
            m_server = nullptr;
            Q_EMIT failed(message);
            return;
        }
    }
    Q_EMIT primary();
}

void SingleInstance::acceptConnections()
{
    while (QLocalSocket *client = m_server->nextPendingConnection()) {
        connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
        connect(client, &QLocalSocket::readyRead, this, [this, client] {
            while (client->canReadLine()) {
                if (client->readLine() == kActivate)
                    Q_EMIT activateRequested();
            }
            if (client->bytesAvailable() > 64) // not one of us
                client->abort();
        });
    }
}

} // namespace AiHub::Ui
