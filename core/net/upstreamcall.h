// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/error.h"
#include "core/net/responseheaders.h"
#include "core/net/upstreamconnection.h"
#include "core/net/upstreamrequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

namespace AiHub::Net {

class UpstreamClient;

// One request sent through UpstreamClient::send(). The caller owns it and deletes it (dispose() or deleteLater)
// after finished() or failed(). Exactly one of those two is emitted, never both, and nothing after cancel().
// Deleting a call that is still running cancels it.
class UpstreamCall final : public QObject, private UpstreamConnection::Listener {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamCall)

public:
    // Gets the call's events by direct calls instead of the signals below (no connection to set up per call).
    // Same rules as the signals: exactly one of finished/failed, nothing after cancel().
    class Receiver {
    public:
        virtual void upstreamCallStarted(int status) = 0;
        virtual void upstreamCallData(const QByteArray &chunk) = 0;
        virtual void upstreamCallFinished() = 0;
        virtual void upstreamCallFailed(const AiHub::Error &error) = 0;

    protected:
        ~Receiver() = default;
    };

    ~UpstreamCall() override;

    // While a receiver is set, it gets the events and the signals stay silent. nullptr: back to the signals.
    void setReceiver(Receiver *receiver) { m_receiver = receiver; }

    const QUrl &url() const { return m_url; }
    int status() const { return m_status; } // 0 until responseStarted()
    QList<QPair<QByteArray, QByteArray>> headers() const { return m_headers.list(); }
    // The first value of a response header (case-insensitive name), or a null QByteArray.
    QByteArray header(QByteArrayView name) const;
    // Frees the response headers when the caller needs none of them any more (a stream may run for minutes;
    // its headers took some 2 KB each).
    void dropHeaders() { m_headers = {}; }

    bool isRunning() const { return m_state == State::Running; }
    // Closes the connection at once (it is never pooled again). No signal follows.
    void cancel();
    // Deletes the call: at once, or as soon as the event it is delivering returns when called from one of its
    // own receiver callbacks. A deleteLater() without the posted event and the event-loop wake-up (a write and a
    // read on the loop's eventfd) that every relayed request paid for.
    void dispose();

    // Whether the request went over a pooled keep-alive connection (after any retry).
    bool reusedConnection() const { return m_reused; }
    // Whether a stale pooled connection failed and the request was sent again on a fresh one.
    bool wasRetried() const { return m_retried; }
    // Timing from send(), in ns; -1 until it happened.
    qint64 connectElapsedNs() const;   // connection usable (TCP + TLS); 0 for a reused connection
    qint64 firstByteElapsedNs() const; // first response byte
    qint64 totalElapsedNs() const;     // finished or failed
    qint64 bodyBytesReceived() const { return m_bodyBytes; }

Q_SIGNALS:
    // The status line and headers arrived; status(), headers() and header() are valid from here on.
    void responseStarted(int status);
    // Decoded body bytes (chunk framing removed), as soon as they arrive.
    void bodyData(const QByteArray &chunk);
    void finished();
    void failed(const AiHub::Error &error);

private:
    friend class UpstreamClient;
    enum class State { Running, FailPending, Finished, Failed, Cancelled };

    explicit UpstreamCall(UpstreamClient *client);

    void attach(bool allowReuse);
    void checkDeadline(qint64 nowNs);
    void failWith(const AiHub::Error &error);
    void detach();
    void orphan();

    void upstreamResponseStarted(UpstreamConnection *connection) override;
    void upstreamBodyData(UpstreamConnection *connection, const QByteArray &data) override;
    void upstreamFinished(UpstreamConnection *connection) override;
    void upstreamFailed(UpstreamConnection *connection, const AiHub::Error &error) override;
    // Hands one event to the receiver (or emits the signal). False when the call was disposed of meanwhile and
    // is deleted: the caller must return without touching it.
    template<typename Deliver>
    bool deliver(Deliver &&event);

    UpstreamClient *m_client = nullptr;
    UpstreamConnection *m_connection = nullptr;
    Receiver *m_receiver = nullptr;
    QUrl m_url;
    QString m_host;
    IdlePool *m_pool = nullptr;
    QByteArray m_wire; // the serialized request, kept for a retry
    ResponseHeaders m_headers;
    UpstreamTimeouts m_timeouts;
    std::function<Error(const Error &)> m_describeFailure;
    qsizetype m_callIndex = -1; // slot in the client's active list
    qint64 m_startNs = 0;
    qint64 m_connectedNs = 0;
    qint64 m_firstByteNs = 0;
    qint64 m_endNs = 0;
    qint64 m_bodyBytes = 0;
    int m_status = 0;
    quint16 m_port = 0;
    State m_state = State::Running;
    bool m_tls = false;
    bool m_head = false;
    bool m_closeAfter = false;
    bool m_reused = false;
    bool m_retried = false;
    bool m_starting = false; // inside send(): signals must wait until the caller could connect to them
    // The events being delivered, innermost first: the destructor marks them all, so a handler may delete the
    // call (delete or dispose()) and deliver() then touches nothing of it.
    struct Delivery {
        bool destroyed = false;
        Delivery *outer = nullptr;
    };
    Delivery *m_delivery = nullptr;
    bool m_disposed = false; // dispose() came while an event was being delivered
};

} // namespace AiHub::Net
