// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/mockupstream/mockserver.h"

#include "tests/mockupstream/mockconnection.h"
#include "tests/mockupstream/mockstate.h"

namespace AiHub::Testing {

MockServer::MockServer(std::shared_ptr<MockState> state, QObject *parent)
    : QTcpServer(parent)
    , m_state(std::move(state))
{
    // The default backlog of 50 drops SYNs when a load test opens hundreds of connections at once.
    setListenBacklogSize(4096);
}

MockServer::~MockServer() = default;

void MockServer::noteRequest(const RecordedRequest &request)
{
    m_state->record(request);
    Q_EMIT requestReceived(request);
}

void MockServer::incomingConnection(qintptr socketDescriptor)
{
    // Parented to the server: closing the server tears every connection down in this thread.
    new MockConnection(socketDescriptor, m_state, this);
}

} // namespace AiHub::Testing
