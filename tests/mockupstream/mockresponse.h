// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace AiHub::Testing {

// One scripted upstream answer: status, headers and a body given as chunks that are written one after the
// other (an SSE event, an NDJSON line, an event-stream frame, or the whole body as one chunk), plus timing
// and fault knobs. A plain value: build it, hand it to MockUpstream::addRoute, reuse it as often as you like.
//
// Framing headers (Content-Length, Transfer-Encoding, Connection, Keep-Alive) are never taken from the
// caller or a fixture: the server computes them from the body and the framing chosen here.
class MockResponse final {
public:
    enum class Framing {
        ContentLength, // Content-Length: <sum of chunks>; chunks still written one by one
        Chunked, // Transfer-Encoding: chunked, one HTTP chunk per body chunk
        CloseDelimited, // no length; the server closes the connection after the last chunk
    };
    enum class Fault {
        None,
        Close, // graceful close (FIN) after faultAfterChunks() chunks: a mid-stream disconnect
        Reset, // TCP RST after faultAfterChunks() chunks
        Hang, // stop sending after faultAfterChunks() chunks, keep the connection open
        NeverRespond, // read the request, never answer
    };
    using Header = std::pair<QByteArray, QByteArray>;

    MockResponse(); // 200 OK, no headers, empty body

    // A whole recorded response: status line, header lines, blank line, body (bytes after the blank line,
    // verbatim). "HTTP/2 200 OK" is answered as "HTTP/1.1 200 OK".
    [[nodiscard]] static Result<MockResponse> fromHttpFile(const QString &path);
    // A raw text/event-stream body, served chunked with one chunk per event (bytes exactly as stored).
    [[nodiscard]] static Result<MockResponse> fromSseFile(const QString &path, int status = 200);
    // A raw application/x-ndjson body, served chunked with one chunk per line.
    [[nodiscard]] static Result<MockResponse> fromNdjsonFile(const QString &path, int status = 200);
    // An application/vnd.amazon.eventstream body stored as base64 (.b64) or hex (.hex), one chunk per frame.
    [[nodiscard]] static Result<MockResponse> fromEventStreamFile(const QString &path, int status = 200);
    // Picks the loader by suffix (.http, .sse, .ndjson, .b64/.hex; .json = 200 application/json body).
    // A relative path is taken relative to fixturesDir().
    [[nodiscard]] static Result<MockResponse> fromFixture(const QString &path);

    static MockResponse json(int status, const QByteArray &body);
    // A streamed body from explicit chunks, served chunked.
    static MockResponse stream(int status, const QByteArray &contentType, const QList<QByteArray> &chunks);

    // tests/data/fixtures of the source tree this library was built from.
    static QString fixturesDir();

    // Splits a text/event-stream body at blank lines. Each event keeps its bytes and its terminating blank
    // line (CRLF, LF or CR), so joining the result gives back the input exactly.
    static QList<QByteArray> splitSseEvents(const QByteArray &body);
    // One element per line, newline included; a last line without newline is kept as is.
    static QList<QByteArray> splitLines(const QByteArray &body);
    // Splits concatenated event-stream frames using each frame's total-length prelude.
    [[nodiscard]] static Result<QList<QByteArray>> splitEventStreamFrames(const QByteArray &bytes);
    // "OK" for 200 etc.; empty for codes it does not know.
    static QByteArray standardReason(int status);

    MockResponse &setStatus(int status, const QByteArray &reason = {});
    MockResponse &setHeader(const QByteArray &name, const QByteArray &value); // replaces all of that name
    MockResponse &addHeader(const QByteArray &name, const QByteArray &value);
    MockResponse &removeHeader(const QByteArray &name);
    MockResponse &setBody(const QByteArray &body); // the whole body as one chunk
    MockResponse &setChunks(const QList<QByteArray> &chunks);
    MockResponse &setFraming(Framing framing);
    MockResponse &setDelayBeforeHeadersMs(int ms);
    MockResponse &setDelayBetweenChunksMs(int ms);
    // n = 0 means right after the header block.
    MockResponse &closeAfterChunks(int n);
    MockResponse &resetAfterChunks(int n);
    // resumeAfterMs < 0: never resume; otherwise an idle gap of that length, then the rest of the body.
    MockResponse &hangAfterChunks(int n, int resumeAfterMs = -1);
    MockResponse &neverRespond();

    int status() const { return m_status; }
    QByteArray reason() const { return m_reason; }
    const QList<Header> &headers() const { return m_headers; }
    QByteArray header(const QByteArray &name) const; // first value, case-insensitive name
    const QList<QByteArray> &chunks() const { return m_chunks; }
    QByteArray body() const; // all chunks joined
    Framing framing() const { return m_framing; }
    int delayBeforeHeadersMs() const { return m_delayBeforeHeadersMs; }
    int delayBetweenChunksMs() const { return m_delayBetweenChunksMs; }
    Fault fault() const { return m_fault; }
    int faultAfterChunks() const { return m_faultAfterChunks; }
    int hangResumeAfterMs() const { return m_hangResumeAfterMs; }

private:
    int m_status = 200;
    QByteArray m_reason;
    QList<Header> m_headers;
    QList<QByteArray> m_chunks;
    Framing m_framing = Framing::ContentLength;
    int m_delayBeforeHeadersMs = 0;
    int m_delayBetweenChunksMs = 0;
    Fault m_fault = Fault::None;
    int m_faultAfterChunks = 0;
    int m_hangResumeAfterMs = -1;
};

} // namespace AiHub::Testing
