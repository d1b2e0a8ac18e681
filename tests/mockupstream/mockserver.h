// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "tests/mockupstream/recordedrequest.h"

#include <QTcpServer>

#include <memory>

namespace AiHub::Testing {

class MockState;

// The listening socket. Lives in the serving thread and creates one MockConnection per accepted socket.
class MockServer final : public QTcpServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockServer)
public:
    explicit MockServer(std::shared_ptr<MockState> state, QObject *parent = nullptr);
    ~MockServer() override;

    void noteRequest(const RecordedRequest &request);
    quint64 nextConnectionId() { return ++m_connectionIds; }

Q_SIGNALS:
    void requestReceived(const AiHub::Testing::RecordedRequest &request);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    std::shared_ptr<MockState> m_state;
    quint64 m_connectionIds = 0;
};

} // namespace AiHub::Testing
