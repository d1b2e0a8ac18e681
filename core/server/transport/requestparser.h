// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/server/transport/requestheaders.h"

#include <QByteArray>
#include <QByteArrayView>

namespace AiHub::Server {

// The HTTP/1.x request parser of the transport: it reads a connection's byte stream, checks every request against
// the limits and hands out complete requests (head fields and decoded body). Strict on purpose: anything two
// parsers might read differently (bare LF in chunked framing, trailers, Content-Length with Transfer-Encoding,
// obsolete line folding) is refused instead of guessed, so no proxy in front of the hub can be desynchronised.
class RequestParser final
{
public:
    struct Request {
        QByteArray methodToken;
        QByteArray target;           // raw request-target as sent
        RequestHeaders headers;      // as sent, in order, values without surrounding blanks
        QByteArray body;             // decoded (chunk framing removed)
        bool http10 = false;
        bool keepAlive = true;
        bool expectContinue = false; // client waits for "100 Continue" before sending the body
        bool chunked = false;
        qint64 contentLength = 0;
        qint64 startOffset = 0;      // stream offset where this request (incl. leading blank lines) began
    };

    struct Failure {
        int status = 400;
        QByteArray message;          // English, for the JSON error body
        qint64 requestStart = 0;     // stream offset of the request that failed
    };

    // Head: the head of a request with a body is complete and its body is still to come (the moment to answer
    // "Expect: 100-continue"; see pendingRequest). Request: a request is complete (fetch it with takeRequest).
    enum class Event { None, Head, Request, Failed };

    void setLimits(qint64 maxHeaderBytes, qint64 maxBodyBytes);

    // Parses up to size bytes and returns how many it consumed. It stops right after an event (Head, Request or
    // Failed); otherwise it consumes everything.
    qsizetype feed(const char *data, qsizetype size, Event *event);

    Request takeRequest();
    // The request whose head is complete and whose body is being read (valid after Event::Head).
    const Request &pendingRequest() const { return m_request; }
    const Failure &failure() const { return m_failure; }
    bool isFailed() const { return m_state == State::Failed; }
    // A request with keep-alive off was framed completely: later bytes are not requests.
    bool isStopped() const { return m_state == State::Stopped; }
    // Between requests with nothing partial buffered.
    bool isBetweenRequests() const;
    qint64 offset() const { return m_offset; }
    // Where the current request began; once stopped, where the last request ended.
    qint64 requestStart() const { return m_requestStart; }

private:
    enum class State { RequestLine, Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, LastChunkEnd, Stopped, Failed };

    bool fail(int status, const char *message);
    bool checkPartialRequestLine();
    bool parseLine(QByteArrayView line, Event *event);
    bool parseRequestLine(QByteArrayView line);
    bool parseHeaderLine(QByteArrayView line);
    bool finishHead(Event *event);
    bool parseChunkSize(QByteArrayView line);
    void appendBody(const char *data, qint64 size);
    void finishRequest();
    void resetRequest();

    State m_state = State::RequestLine;
    qint64 m_maxHeaderBytes = 64 * 1024;
    qint64 m_maxBodyBytes = 16 * 1024 * 1024;
    qint64 m_offset = 0;
    qint64 m_requestStart = 0;
    qint64 m_headerBytes = 0;
    qint64 m_remaining = 0;     // body or chunk bytes still to come
    qint64 m_bodyTotal = 0;     // decoded chunked body so far
    int m_fieldCount = 0;
    int m_hostCount = 0;
    int m_crlfSeen = 0;         // CR of a chunk's closing CRLF already seen
    bool m_sawContentLength = false;
    bool m_sawTransferEncoding = false;
    bool m_connectionClose = false;
    bool m_connectionKeepAlive = false;
    bool m_connectionUpgrade = false;
    bool m_upgradeWebSocket = false;
    bool m_expect = false;
    bool m_lastKeepAlive = true;
    QByteArray m_line;          // a line split across reads
    Request m_request;
    Failure m_failure;
};

} // namespace AiHub::Server
