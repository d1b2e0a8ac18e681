// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/playgroundkey.h"

#include "core/access/accesskeystore.h"
#include "core/secrets/isecretstore.h"

namespace AiHub::Ui {

QString PlaygroundKey::keyName()
{
    return QStringLiteral("desktop-playground");
}

QString PlaygroundKey::secretName()
{
    return QStringLiteral("desktop/playground-access-key");
}

PlaygroundKey::PlaygroundKey(QObject *parent)
    : QObject(parent)
{
}

void PlaygroundKey::setContext(const HubContext &context)
{
    m_context = context;
    m_token.clear();
}

void PlaygroundKey::obtain(std::function<void(Result<QString>)> done)
{
    if (!m_context.isReady()) {
        QMetaObject::invokeMethod(
            this, [done] { done(fail(ErrorCode::InvalidArgument, tr("The hub is still starting; try again in a moment."))); },
            Qt::QueuedConnection);
        return;
    }
    // A revoked key (e.g. from the Access Keys page) no longer verifies: make a new one.
    if (!m_token.isEmpty() && m_context.keys->verify(m_token.toUtf8())) {
        QMetaObject::invokeMethod(this, [done, token = m_token] { done(token); }, Qt::QueuedConnection);
        return;
    }
    m_context.secrets->read(secretName(), this, [this, done](Result<QByteArray> stored) {
        if (stored && m_context.keys->verify(*stored)) {
            m_token = QString::fromUtf8(*stored);
            return done(m_token);
        }
        if (!stored && stored.error().code != ErrorCode::SecretNotFound)
            return done(fail(stored.error()));
        createFresh(done);
    });
}

void PlaygroundKey::createFresh(std::function<void(Result<QString>)> done)
{
    // The token of an existing key cannot be recovered (only its hash is kept): replace it.
    if (auto keys = m_context.keys->list(false)) {
        for (const Access::AccessKeyInfo &key : std::as_const(*keys)) {
            if (key.name == keyName())
                (void)m_context.keys->revoke(keyName());
        }
    }
    auto created = m_context.keys->create(keyName(), Access::Role::User);
    if (!created)
        return done(fail(created.error()));
    const QString token = created->token;
    m_context.secrets->write(secretName(), token.toUtf8(), this, [this, token, done](Status written) {
        if (!written) {
            (void)m_context.keys->revoke(keyName());
            return done(fail(written.error()));
        }
        m_token = token;
        done(token);
    });
}

} // namespace AiHub::Ui
