// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/net/upstreamconnection.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <chrono>
#include <memory>

using namespace Qt::StringLiterals;

namespace AiHub::Net {

UpstreamConnection::UpstreamConnection(bool tls, const QString &host, quint16 port, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_port(port)
    , m_tls(tls)
{
}

UpstreamConnection::~UpstreamConnection()
{
    close();
}

qint64 UpstreamConnection::nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QString UpstreamConnection::endpoint() const
{
    if (m_host.contains(u':'))
        return u'[' + m_host + u"]:" + QString::number(m_port);
    return m_host + u':' + QString::number(m_port);
}

void UpstreamConnection::open(const QSslConfiguration &tlsConfiguration)
{
    m_openedNs = nowNs();
    m_state = State::Connecting;
    if (m_tls) {
        if (!QSslSocket::supportsSsl()) {
            reportFailure(Error::make(ErrorCode::UpstreamUnavailable,
                                      u"cannot connect to "_s + endpoint()
                                          + u": TLS is not available (the OpenSSL 3 libraries were not found)"_s));
            return;
        }
        auto *socket = new QSslSocket(this);
        socket->setSslConfiguration(tlsConfiguration);
        connect(socket, &QSslSocket::encrypted, this, &UpstreamConnection::onConnected);
        m_socket = socket;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &UpstreamConnection::onConnected);
    }
    connect(m_socket, &QTcpSocket::readyRead, this, &UpstreamConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &UpstreamConnection::onError);
    connect(m_socket, &QTcpSocket::disconnected, this, &UpstreamConnection::onDisconnected);
    if (m_tls) {
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(m_host, m_port);
    } else {
        // Unbuffered: Qt would otherwise keep a 16 KiB read block per socket, which dominates the memory of
        // a thousand open streams. We read straight from the kernel instead (see readChunk()).
        m_socket->connectToHost(m_host, m_port, QIODevice::ReadWrite | QIODevice::Unbuffered);
    }
}

void UpstreamConnection::sendRequest(const QByteArray &wire, bool headRequest, bool closeAfter)
{
    m_parser.reset(headRequest);
    m_firstByteNs = 0;
    m_lastReadNs = 0;
    m_requestSentNs = 0;
    m_closeAfter = closeAfter;
    m_reusable = false;
    ++m_requestCount;
    if (m_state == State::Ready) {
        m_state = State::Busy;
        m_pending = wire;
        writePending();
    } else if (m_state == State::Connecting || m_state == State::Unconnected) {
        m_pending = wire;
    }
}

void UpstreamConnection::writePending()
{
    const QByteArray wire = std::exchange(m_pending, {});
    m_requestSentNs = nowNs();
    // One write. An unbuffered TCP socket sends it at once; a TLS socket is flushed now rather than on the next
    // event loop pass, which would add latency.
    if (m_socket->write(wire) < 0) {
        // An unbuffered socket reports a failed write (e.g. the peer closed) only through the return value.
        const QAbstractSocket::SocketError error = m_socket->error();
        if (error == QAbstractSocket::RemoteHostClosedError)
            handleEndOfStream();
        else
            reportFailure(transportError(error));
        return;
    }
    if (m_tls)
        m_socket->flush();
}

void UpstreamConnection::close()
{
    m_state = State::Closed;
    m_listener = nullptr;
    m_pending.clear();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

bool UpstreamConnection::isReusable() const
{
    return m_state == State::Ready && m_reusable && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void UpstreamConnection::onConnected()
{
    if (m_state != State::Connecting)
        return;
    m_connectedNs = nowNs();
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_pending.isEmpty()) {
        m_state = State::Ready;
        return;
    }
    m_state = State::Busy;
    writePending();
}

UpstreamConnection::ReadResult UpstreamConnection::readChunk(QByteArray *out)
{
    if (m_tls) {
        *out = m_socket->readAll(); // QSslSocket keeps its own buffer of decrypted bytes
        return out->isEmpty() ? ReadResult::Nothing : ReadResult::Data;
    }
    // One scratch block per thread; each read is then copied into an exactly sized array.
    static thread_local std::unique_ptr<char[]> scratch;
    if (!scratch)
        scratch = std::make_unique<char[]>(ReadChunkBytes);
    const qint64 n = m_socket->read(scratch.get(), ReadChunkBytes);
    if (n > 0) {
        *out = QByteArray(scratch.get(), n);
        return ReadResult::Data;
    }
    if (n == 0)
        return ReadResult::Nothing;
    // An unbuffered socket reports the end of the stream only through this failed read, without a signal.
    return m_socket->error() == QAbstractSocket::RemoteHostClosedError ? ReadResult::End : ReadResult::Failed;
}

void UpstreamConnection::onReadyRead()
{
    for (;;) {
        QByteArray data;
        switch (readChunk(&data)) {
        case ReadResult::Nothing:
            return;
        case ReadResult::End:
            handleEndOfStream();
            return;
        case ReadResult::Failed:
            reportFailure(transportError(m_socket->error()));
            return;
        case ReadResult::Data:
            break;
        }
        if (m_state != State::Busy) {
            // Bytes nobody asked for on an idle connection: it can no longer be trusted.
            reportFailure(Error::make(ErrorCode::UpstreamProtocol,
                                      endpoint() + u" sent unexpected data on an idle connection"_s));
            return;
        }
        const qint64 now = nowNs();
        if (m_firstByteNs == 0)
            m_firstByteNs = now;
        m_lastReadNs = now;
        Listener *const listener = m_listener;
        process(data);
        // Stop when the response ended or the listener left; a short read means the kernel buffer is empty.
        if (m_listener != listener || m_state != State::Busy || m_tls || data.size() < ReadChunkBytes)
            return;
    }
}

void UpstreamConnection::process(const QByteArray &data)
{
    m_parser.feed(data);
    Listener *const listener = m_listener;
    if (!listener) {
        close();
        return;
    }
    QByteArray body;
    for (;;) {
        const Result<HttpResponseParser::Event> event = m_parser.next(&body);
        if (!event) {
            reportFailure(Error::make(ErrorCode::UpstreamProtocol,
                                      u"malformed response from "_s + endpoint() + u": "_s + event.error().message));
            return;
        }
        switch (*event) {
        case HttpResponseParser::Event::NeedMoreData:
            return;
        case HttpResponseParser::Event::HeadersComplete:
            listener->upstreamResponseStarted(this);
            break;
        case HttpResponseParser::Event::BodyData:
            listener->upstreamBodyData(this, body);
            break;
        case HttpResponseParser::Event::MessageComplete: {
            qint64 unsent = m_socket->bytesToWrite();
            if (m_tls)
                unsent += static_cast<QSslSocket *>(m_socket)->encryptedBytesToWrite();
            m_reusable = m_parser.keepAlive() && !m_closeAfter && m_parser.bufferedBytes() == 0 && unsent == 0
                && m_socket->state() == QAbstractSocket::ConnectedState;
            m_state = State::Ready;
            listener->upstreamFinished(this);
            return;
        }
        }
        // The listener may have cancelled, or moved on, inside its callback.
        if (m_listener != listener || m_state != State::Busy)
            return;
    }
}

void UpstreamConnection::onError(QAbstractSocket::SocketError error)
{
    if (m_state == State::Closed)
        return;
    // Qt reports both a clean close and a reset by the peer as RemoteHostClosedError.
    if (error == QAbstractSocket::RemoteHostClosedError) {
        handleEndOfStream();
        return;
    }
    reportFailure(transportError(error));
}

void UpstreamConnection::onDisconnected()
{
    if (m_state != State::Closed)
        handleEndOfStream();
}

void UpstreamConnection::handleEndOfStream()
{
    if (m_state == State::Busy) {
        if (m_tls && m_socket->bytesAvailable() > 0) { // decrypted bytes still buffered by QSslSocket
            Listener *const listener = m_listener;
            const QByteArray data = m_socket->readAll();
            const qint64 now = nowNs();
            if (m_firstByteNs == 0)
                m_firstByteNs = now;
            m_lastReadNs = now;
            process(data);
            if (m_listener != listener || m_state != State::Busy)
                return;
        }
        const Result<HttpResponseParser::Event> end = m_parser.finishInput();
        if (!end) {
            reportFailure(Error::make(ErrorCode::UpstreamUnavailable, endpoint() + u' ' + end.error().message
                                          + u"; the provider may have crashed or dropped the request"_s));
            return;
        }
        if (*end == HttpResponseParser::Event::MessageComplete) { // a close-delimited body ends here
            Listener *const listener = m_listener;
            m_reusable = false;
            m_state = State::Ready;
            if (listener)
                listener->upstreamFinished(this);
            else
                close();
        }
        return;
    }
    if (m_state == State::Connecting) {
        reportFailure(Error::make(ErrorCode::UpstreamUnavailable,
                                  endpoint() + u" closed the connection while it was being set up"_s));
        return;
    }
    if (m_state == State::Ready)
        reportFailure(Error::make(ErrorCode::UpstreamUnavailable, endpoint() + u" closed an idle connection"_s));
}

void UpstreamConnection::reportFailure(const Error &error)
{
    Listener *const listener = m_listener;
    close();
    if (listener)
        listener->upstreamFailed(this, error);
}

Error UpstreamConnection::transportError(QAbstractSocket::SocketError error) const
{
    const QString detail = m_socket ? m_socket->errorString() : QString();
    QString message;
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        message = u"connection to "_s + endpoint()
            + u" was refused; check that the provider is running and the URL's port is right"_s;
        break;
    case QAbstractSocket::HostNotFoundError:
        message = u"cannot resolve host "_s + m_host + u"; check the provider URL and the network"_s;
        break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        message = u"TLS handshake with "_s + endpoint() + u" failed: "_s + detail
            + u"; check the provider's certificate and the system CA store"_s;
        break;
    case QAbstractSocket::SocketResourceError:
        message = u"cannot open a connection to "_s + endpoint() + u": "_s + detail
            + u"; the hub may have run out of file descriptors"_s;
        break;
    default:
        message = u"network error talking to "_s + endpoint() + u": "_s + detail;
        break;
    }
    return Error::make(ErrorCode::UpstreamUnavailable, message);
}

} // namespace AiHub::Net
