// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>

#include <string>

namespace AiHub::Bench {

// Incremental HTTP/1.1 response framing for the load generator: status line, the few headers that frame the
// body (Content-Length, Transfer-Encoding: chunked, Connection: close), chunked decoding. It looks at nothing
// else, so it costs little per response.
class HttpResponseParser final {
public:
    enum class State { Headers, FixedBody, ChunkSize, ChunkData, ChunkDataEnd, Trailers, UntilClose, Done, Error };

    void reset();
    // Consumes bytes of one response and returns how many it used (it stops at the end of the response, so
    // the rest belongs to the next one). Decoded body bytes are appended to body when it is not null.
    qsizetype feed(const char *data, qsizetype size, std::string *body = nullptr);
    // The peer closed the connection: ends a close-delimited body, anything else unfinished is an error.
    void finishOnClose();

    State state() const { return m_state; }
    bool isDone() const { return m_state == State::Done; }
    bool hasError() const { return m_state == State::Error; }
    QByteArray errorString() const { return m_error; }
    int status() const { return m_status; }
    bool keepAlive() const { return m_keepAlive; }
    bool chunked() const { return m_chunked; }
    // True once the first byte of the decoded body has arrived (chunk framing does not count).
    bool sawBodyData() const { return m_sawBodyData; }
    qint64 bodyBytes() const { return m_bodyBytes; }

private:
    // The header block without its final blank line; no allocation.
    bool parseHeaderBlock(const char *begin, const char *end);
    void setError(const char *message);
    // Adds bytes to m_line up to and including LF; true when a whole line is there.
    bool takeLine(const char *data, qsizetype size, qsizetype &pos);
    void bodyData(const char *data, qsizetype size, std::string *body);

    State m_state = State::Headers;
    QByteArray m_head; // header block so far, when it came in pieces
    QByteArray m_line; // chunk-size or trailer line so far
    QByteArray m_error;
    int m_status = 0;
    bool m_keepAlive = true;
    bool m_chunked = false;
    bool m_sawBodyData = false;
    qint64 m_remaining = 0;
    qint64 m_bodyBytes = 0;
};

} // namespace AiHub::Bench
