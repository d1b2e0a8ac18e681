// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"
#include "core/providers/aignestreamencoder.h"
#include "core/providers/chatevent.h"

#include <QObject>
#include <QPointer>

namespace AiHub::Server {

class HttpExchange;

// Writes a chat stream to an AIGNE client: "data: <chunk>\n\n" per AigneStreamEncoder chunk, and the response
// simply ends (no [DONE]: the framework parses every data line as JSON). A provider failure becomes
// "event: error" with {"message"}; a failure of the hub's own checks before anything was sent keeps its status.
class AigneSseRelay final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AigneSseRelay)

public:
    AigneSseRelay(HttpExchange *exchange, Providers::ResponseFormat format, Providers::AigneOutputExtras extras,
                  QObject *parent);

    // What the call cost, once billed: goes into the last chunk's usage.aigneHubCredits.
    void setCredits(double credits) { m_extras.credits = credits; }

public Q_SLOTS:
    void onEvent(const AiHub::Providers::ChatEvent &event);
    void onFinished(const QByteArray &usageJson, const AiHub::Providers::TokenUsage &usage);
    void onFailed(const AiHub::Error &error, bool afterStreamStarted);

private:
    void begin();
    void write(const QList<QByteArray> &chunks);

    QPointer<HttpExchange> m_exchange;
    Providers::AigneStreamEncoder m_encoder;
    Providers::AigneOutputExtras m_extras;
    bool m_begun = false;
};

} // namespace AiHub::Server
