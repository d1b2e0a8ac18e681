// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <memory>

class QTcpSocket;

namespace AiHub::Testing {

class MockServer;
class MockState;
struct PreparedResponse;
struct RecordedRequest;

// One accepted HTTP/1.1 connection: parses requests (Content-Length bodies, keep-alive, pipelining answered
// in order), then plays the chosen PreparedResponse with its delays and faults. Deletes itself on disconnect.
class MockConnection final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockConnection)
public:
    MockConnection(qintptr socketDescriptor, std::shared_ptr<MockState> state, MockServer *server);
    ~MockConnection() override;

private:
    enum class Phase { Idle, WaitingForHeaders, Streaming, Hanging, HangingResumes, Silent, Closing };
    enum class Step { NeedMore, Handled, Stop };
    struct Request;

    void onReadyRead();
    void onBytesWritten();
    void onTimeout();
    void processRequests();
    Step handleNextRequest();
    RecordedRequest toRecorded(const Request &request) const;
    void startResponse(std::shared_ptr<const PreparedResponse> response);
    void sendHead();
    void continueBody();
    void finishResponse();
    void rejectAndClose(int status, const QByteArray &message);
    void closeGracefully();
    void resetNow();

    QTcpSocket *m_socket = nullptr;
    std::shared_ptr<MockState> m_state;
    MockServer *m_server = nullptr;
    QTimer m_timer;
    quint64 m_id = 0;

    QByteArray m_in;
    qsizetype m_inPos = 0;
    bool m_processing = false;
    bool m_continueSent = false;

    Phase m_phase = Phase::Idle;
    std::shared_ptr<const PreparedResponse> m_response;
    qsizetype m_nextChunk = 0;
    int m_chunkDelayMs = 0;
    bool m_closeAfterResponse = false;
    bool m_faultDone = false;
    bool m_resetPending = false;
};

} // namespace AiHub::Testing
