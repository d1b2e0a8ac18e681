// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/secrets/queuedreply.h"

#include <QMutex>
#include <QObject>

#include <memory>
#include <optional>

namespace AiHub::Secrets {

namespace {

// The reply travels as the `destroyed` signal of a private QObject, connected (queued) to `context` while
// `context` is certainly alive. Qt then does the hard part: a queued signal may be emitted from any thread,
// and the connection and its pending event vanish if the receiver is destroyed. Posting to a bare pointer
// later could not be made safe that way.
template<typename T> class Relay final {
public:
    Relay(QObject *context, std::function<void(T)> done)
        : m_value(std::make_shared<std::optional<T>>())
        , m_signal(new QObject)
    {
        QObject::connect(
            m_signal, &QObject::destroyed, context,
            [value = m_value, done = std::move(done)] {
                if (value->has_value())
                    done(std::move(**value));
                else
                    done(fail(ErrorCode::SecretStoreUnavailable,
                        QStringLiteral("The secret store was closed before the operation finished. "
                                       "Try again once the hub is running.")));
            },
            Qt::QueuedConnection);
    }
    ~Relay() { delete m_signal; } // not invoked: tell the caller rather than leave it waiting
    Q_DISABLE_COPY_MOVE(Relay)

    void fire(T value)
    {
        QMutexLocker locker(&m_mutex);
        if (!m_signal)
            return;
        m_value->emplace(std::move(value));
        delete m_signal; // emits destroyed(): the value is delivered, queued
        m_signal = nullptr;
    }

private:
    QMutex m_mutex;
    std::shared_ptr<std::optional<T>> m_value;
    QObject *m_signal;
};

template<typename T> std::function<void(T)> wrapAny(QObject *context, std::function<void(T)> done)
{
    if (!context || !done)
        return [](T) {}; // nobody to tell
    auto relay = std::make_shared<Relay<T>>(context, std::move(done));
    return [relay](T value) { relay->fire(std::move(value)); };
}

} // namespace

ISecretStore::ReadCallback QueuedReply::wrap(QObject *context, ISecretStore::ReadCallback done)
{
    return wrapAny<Result<QByteArray>>(context, std::move(done));
}

ISecretStore::DoneCallback QueuedReply::wrap(QObject *context, ISecretStore::DoneCallback done)
{
    return wrapAny<Status>(context, std::move(done));
}

} // namespace AiHub::Secrets
