// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/mockupstream/mockconnection.h"

#include "tests/mockupstream/mockserver.h"
#include "tests/mockupstream/mockstate.h"
#include "tests/mockupstream/preparedresponse.h"
#include "tests/mockupstream/recordedrequest.h"

#include <QTcpSocket>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace AiHub::Testing {

namespace {

constexpr qsizetype maxHeaderBytes = 64 * 1024;
constexpr qint64 maxBodyBytes = 64 * 1024 * 1024;

bool hasToken(QByteArrayView value, QByteArrayView token)
{
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype comma = value.indexOf(',', start);
        if (comma < 0)
            comma = value.size();
        if (value.sliced(start, comma - start).trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
        start = comma + 1;
    }
    return false;
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

// Views into m_in, valid until the buffer is compacted.
struct MockConnection::Request {
    QByteArrayView method;
    QByteArrayView target;
    QByteArrayView path;
    QByteArrayView version;
    QByteArrayView headerBlock; // header lines after the request line, each ending in CRLF
    QByteArrayView body;
};

MockConnection::MockConnection(qintptr socketDescriptor, std::shared_ptr<MockState> state, MockServer *server)
    : QObject(server)
    , m_socket(new QTcpSocket(this))
    , m_state(std::move(state))
    , m_server(server)
    , m_id(server->nextConnectionId())
{
    m_state->connectionOpened();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &MockConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &MockConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &MockConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    if (!m_socket->setSocketDescriptor(socketDescriptor)) {
        deleteLater();
        return;
    }
    // Small SSE events must leave at once, not wait for the peer's delayed ACK.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
}

MockConnection::~MockConnection()
{
    m_state->connectionClosed();
}

void MockConnection::onReadyRead()
{
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    const qsizetype old = m_in.size();
    m_in.resize(old + available);
    const qint64 got = m_socket->read(m_in.data() + old, available);
    m_in.resize(old + qMax<qint64>(0, got));
    if (m_phase == Phase::Idle && !m_processing)
        processRequests();
}

void MockConnection::onBytesWritten()
{
    if (m_resetPending && m_socket->bytesToWrite() == 0)
        resetNow();
}

void MockConnection::onTimeout()
{
    switch (m_phase) {
    case Phase::WaitingForHeaders:
        sendHead();
        break;
    case Phase::Streaming:
    case Phase::HangingResumes:
        m_phase = Phase::Streaming;
        continueBody();
        break;
    default:
        break;
    }
}

void MockConnection::processRequests()
{
    m_processing = true;
    while (m_phase == Phase::Idle) {
        if (handleNextRequest() != Step::Handled)
            break;
    }
    m_processing = false;
    if (m_inPos > 0) {
        if (m_inPos >= m_in.size())
            m_in.resize(0); // keeps the capacity for the next request
        else
            m_in.remove(0, m_inPos);
        m_inPos = 0;
    }
}

MockConnection::Step MockConnection::handleNextRequest()
{
    // Tolerate empty lines between requests (RFC 9112 section 2.2).
    while (m_inPos < m_in.size() && (m_in.at(m_inPos) == '\r' || m_in.at(m_inPos) == '\n'))
        ++m_inPos;
    const QByteArrayView buffer(m_in.constData() + m_inPos, m_in.size() - m_inPos);
    if (buffer.isEmpty())
        return Step::NeedMore;
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (buffer.size() > maxHeaderBytes) {
            rejectAndClose(431, "request header block is larger than 64 KiB");
            return Step::Stop;
        }
        return Step::NeedMore;
    }

    Request request;
    const qsizetype lineEnd = buffer.indexOf("\r\n");
    const QByteArrayView requestLine = buffer.first(lineEnd);
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || requestLine.indexOf(' ', sp2 + 1) >= 0) {
        rejectAndClose(400, "malformed request line");
        return Step::Stop;
    }
    request.method = requestLine.first(sp1);
    request.target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    request.version = requestLine.sliced(sp2 + 1);
    if (!isToken(request.method) || (request.version != "HTTP/1.1" && request.version != "HTTP/1.0")) {
        rejectAndClose(400, "malformed request line");
        return Step::Stop;
    }
    if (request.target.startsWith("http://") || request.target.startsWith("https://")) {
        // absolute-form: keep only the path and query
        const qsizetype slash = request.target.indexOf('/', request.target.indexOf("//") + 2);
        request.target = slash < 0 ? QByteArrayView("/") : request.target.sliced(slash);
    }
    if (!request.target.startsWith('/')) {
        rejectAndClose(400, "request target must start with '/'");
        return Step::Stop;
    }
    const qsizetype question = request.target.indexOf('?');
    request.path = question < 0 ? request.target : request.target.first(question);
    request.headerBlock = buffer.sliced(lineEnd + 2, headerEnd + 2 - (lineEnd + 2));

    const bool http11 = request.version == "HTTP/1.1";
    bool closeRequested = !http11;
    bool expectContinue = false;
    qint64 contentLength = 0;
    bool haveLength = false;
    qsizetype pos = 0;
    while (pos < request.headerBlock.size()) {
        const qsizetype eol = request.headerBlock.indexOf("\r\n", pos);
        const QByteArrayView line = request.headerBlock.sliced(pos, eol - pos);
        pos = eol + 2;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon))) {
            rejectAndClose(400, "malformed header line");
            return Step::Stop;
        }
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = !value.isEmpty();
            for (char c : value)
                ok = ok && c >= '0' && c <= '9';
            const qint64 length = ok && value.size() <= 18 ? value.toLongLong(&ok) : -1;
            if (!ok || length < 0 || (haveLength && length != contentLength)) {
                rejectAndClose(400, "invalid Content-Length");
                return Step::Stop;
            }
            contentLength = length;
            haveLength = true;
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            rejectAndClose(501, "chunked request bodies are not supported by the mock; send Content-Length");
            return Step::Stop;
        } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
            if (hasToken(value, "close"))
                closeRequested = true;
            else if (hasToken(value, "keep-alive"))
                closeRequested = false;
        } else if (name.compare("expect", Qt::CaseInsensitive) == 0) {
            expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }
    if (contentLength > maxBodyBytes) {
        rejectAndClose(413, "request body is larger than 64 MiB");
        return Step::Stop;
    }
    const qsizetype bodyStart = headerEnd + 4;
    if (buffer.size() - bodyStart < contentLength) {
        if (expectContinue && !m_continueSent) {
            m_continueSent = true;
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        return Step::NeedMore;
    }
    request.body = buffer.sliced(bodyStart, contentLength);
    m_continueSent = false;

    m_state->requestsReceived.fetch_add(1, std::memory_order_relaxed);
    MockState::Answer answer
        = m_state->resolve({ request.method, request.target, request.path, request.body });
    const bool record = m_state->recordRequests.load(std::memory_order_relaxed);
    if (record || answer.handler) {
        const RecordedRequest recorded = toRecorded(request);
        if (record)
            m_server->noteRequest(recorded);
        if (answer.handler)
            answer.response = PreparedResponse::prepare(answer.handler(recorded));
    }
    m_inPos += bodyStart + contentLength;
    m_closeAfterResponse = closeRequested;
    startResponse(std::move(answer.response));
    return Step::Handled;
}

RecordedRequest MockConnection::toRecorded(const Request &request) const
{
    RecordedRequest r;
    r.method = request.method.toByteArray();
    r.target = request.target.toByteArray();
    r.path = request.path.toByteArray();
    if (request.target.size() > request.path.size())
        r.query = request.target.sliced(request.path.size() + 1).toByteArray();
    r.httpVersion = request.version.toByteArray();
    qsizetype pos = 0;
    while (pos < request.headerBlock.size()) {
        const qsizetype eol = request.headerBlock.indexOf("\r\n", pos);
        const QByteArrayView line = request.headerBlock.sliced(pos, eol - pos);
        const qsizetype colon = line.indexOf(':');
        r.headers.append({ line.first(colon).toByteArray(), line.sliced(colon + 1).trimmed().toByteArray() });
        pos = eol + 2;
    }
    r.body = request.body.toByteArray();
    r.connectionId = m_id;
    return r;
}

void MockConnection::startResponse(std::shared_ptr<const PreparedResponse> response)
{
    m_response = std::move(response);
    m_nextChunk = 0;
    m_faultDone = false;
    if (m_response->closeDelimited)
        m_closeAfterResponse = true;
    if (m_response->fault == MockResponse::Fault::NeverRespond) {
        m_phase = Phase::Silent; // keeps reading, never writes; the peer decides when to give up
        return;
    }
    const int delay = m_response->delayBeforeHeadersMs + m_state->latencyMs.load(std::memory_order_relaxed);
    if (delay > 0) {
        m_phase = Phase::WaitingForHeaders;
        m_timer.start(delay);
        return;
    }
    sendHead();
}

void MockConnection::sendHead()
{
    m_chunkDelayMs
        = m_response->delayBetweenChunksMs + m_state->perChunkDelayMs.load(std::memory_order_relaxed);
    if (m_response->fault == MockResponse::Fault::None && m_chunkDelayMs == 0) {
        m_socket->write(m_closeAfterResponse ? m_response->wholeClose : m_response->wholeKeepAlive);
        finishResponse();
        return;
    }
    m_socket->write(m_closeAfterResponse ? m_response->headClose : m_response->headKeepAlive);
    m_phase = Phase::Streaming;
    continueBody();
}

void MockConnection::continueBody()
{
    const qsizetype count = m_response->wireChunks.size();
    for (;;) {
        if (!m_faultDone && m_response->fault != MockResponse::Fault::None
            && m_nextChunk == qMin<qsizetype>(m_response->faultAfterChunks, count)) {
            m_faultDone = true;
            switch (m_response->fault) {
            case MockResponse::Fault::Close:
                closeGracefully();
                return;
            case MockResponse::Fault::Reset:
                m_phase = Phase::Closing;
                m_socket->flush();
                if (m_socket->bytesToWrite() > 0)
                    m_resetPending = true; // the chunks before the fault must reach the peer first
                else
                    resetNow();
                return;
            case MockResponse::Fault::Hang:
                if (m_response->hangResumeAfterMs < 0) {
                    m_phase = Phase::Hanging;
                } else {
                    m_phase = Phase::HangingResumes;
                    m_timer.start(m_response->hangResumeAfterMs);
                }
                return;
            default:
                break;
            }
        }
        if (m_nextChunk >= count) {
            if (!m_response->trailer.isEmpty())
                m_socket->write(m_response->trailer);
            finishResponse();
            return;
        }
        m_socket->write(m_response->wireChunks.at(m_nextChunk++));
        if (m_chunkDelayMs > 0 && m_nextChunk < count) {
            m_socket->flush(); // the event must be on the wire before the pause
            m_timer.start(m_chunkDelayMs);
            return;
        }
    }
}

void MockConnection::finishResponse()
{
    m_state->requestsServed.fetch_add(1, std::memory_order_relaxed);
    m_response.reset();
    if (m_closeAfterResponse) {
        closeGracefully();
        return;
    }
    m_phase = Phase::Idle;
    if (!m_processing && m_inPos < m_in.size())
        processRequests();
}

void MockConnection::rejectAndClose(int status, const QByteArray &message)
{
    const QByteArray body = "mock upstream: " + message + '\n';
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + MockResponse::standardReason(status)
        + "\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body);
    closeGracefully();
}

void MockConnection::closeGracefully()
{
    m_phase = Phase::Closing;
    m_timer.stop();
    m_socket->disconnectFromHost(); // writes what is buffered, then FIN
}

void MockConnection::resetNow()
{
    m_resetPending = false;
    // SO_LINGER with a zero timeout turns close() into a TCP RST.
    const linger abortive { 1, 0 };
    ::setsockopt(m_socket->socketDescriptor(), SOL_SOCKET, SO_LINGER,
        reinterpret_cast<const char *>(&abortive), sizeof abortive);
    m_socket->abort();
    deleteLater();
}

} // namespace AiHub::Testing
