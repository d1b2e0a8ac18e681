// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>

namespace AiHub::Server {

// Finds where each HTTP/1.x request starts and ends in a connection's byte stream and checks it against the
// limits, without keeping the body. The guard runs it over every byte before Qt HTTP Server parses them, so it
// is strict where Qt 6.4's parser is lax or buggy (bare LF in chunked framing, trailers, Content-Length with
// Transfer-Encoding): anything both parsers might read differently is refused instead of passed on.
class RequestFramer final
{
public:
    struct Head {
        QByteArray methodToken;
        QByteArray target;           // raw request-target as sent
        bool http10 = false;
        bool keepAlive = true;
        bool expectContinue = false; // client waits for "100 Continue" before sending the body
        bool chunked = false;
        qint64 contentLength = 0;
        qint64 startOffset = 0;      // stream offset where this request (incl. leading blank lines) began
        bool interimSent = false;    // bookkeeping for the guard: 100 Continue already written
    };

    struct Failure {
        int status = 400;
        QByteArray message;          // English, for the JSON error body
        qint64 requestStart = 0;     // stream offset of the request that failed
    };

    enum class Event { None, Head, Failed };

    void setLimits(qint64 maxHeaderBytes, qint64 maxBodyBytes);

    // Scans up to size bytes and returns how many it consumed. It stops right after a complete head
    // (event Head, fetch it with takeHead) or at a violation (event Failed); otherwise it consumes everything.
    qsizetype feed(const char *data, qsizetype size, Event *event);

    Head takeHead();
    const Failure &failure() const { return m_failure; }
    bool isFailed() const { return m_state == State::Failed; }
    // A request with keep-alive off was framed completely: later bytes are not requests.
    bool isStopped() const { return m_state == State::Stopped; }
    // Between requests with nothing partial buffered.
    bool isBetweenRequests() const;
    // Inside a Content-Length body: these bytes can be skipped without looking at them.
    qint64 fixedBodyRemaining() const;
    void skipFixedBody(qint64 bytes);
    qint64 offset() const { return m_offset; }
    // Where the current request began; once stopped, where the last request ended.
    qint64 requestStart() const { return m_requestStart; }

private:
    enum class State { RequestLine, Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, LastChunkEnd, Stopped, Failed };

    bool fail(int status, const char *message);
    bool checkPartialRequestLine();
    bool parseRequestLine();
    bool parseHeaderLine();
    bool finishHead(Event *event);
    bool parseChunkSize();
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
    QByteArray m_line;
    Head m_head;
    Failure m_failure;
};

} // namespace AiHub::Server
