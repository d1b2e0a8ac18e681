// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/net/responseheaders.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

#include <vector>

namespace AiHub::Net {

// An incremental HTTP/1.1 response parser. Feed it bytes as they arrive, split anywhere, then pull events with
// next() until it asks for more data. Body bytes come out decoded (chunk framing removed). Interim 1xx responses
// (100 Continue, 103 Early Hints) are skipped. It never throws; malformed input gives an UpstreamProtocol error.
class HttpResponseParser final {
public:
    using HeaderList = ResponseHeaders::List;

    enum class Event {
        NeedMoreData,    // everything fed so far is consumed; feed more (or call finishInput() at end of stream)
        HeadersComplete, // status() and headers() are valid
        BodyData,        // *body holds decoded body bytes
        MessageComplete, // the response is complete; reported once, then NeedMoreData until reset()
    };

    enum class Framing { None, ContentLength, Chunked, UntilClose };

    static constexpr qsizetype MaxHeaderBytes = 64 * 1024; // status line + headers, and separately the trailers
    static constexpr qsizetype MaxChunkLineBytes = 4096;   // one chunk-size line including extensions

    // Prepares for a new response. A response to HEAD never has a body, whatever its headers say.
    void reset(bool headRequest = false);
    void feed(const QByteArray &data);
    [[nodiscard]] Result<Event> next(QByteArray *body);
    // The peer closed the stream: completes a close-delimited body (MessageComplete); otherwise an
    // UpstreamUnavailable error that says where the response broke off.
    [[nodiscard]] Result<Event> finishInput();

    int status() const { return m_status; }
    const QByteArray &reasonPhrase() const { return m_reason; }
    int httpMinorVersion() const { return m_minorVersion; }
    // The headers of the current response once they are complete (until takeHeaders()), else none.
    HeaderList headers() const { return currentHeaders().list(); }
    // Hands them over without splitting them up; the parser keeps none.
    ResponseHeaders takeHeaders();
    const HeaderList &trailers() const { return m_trailers; }
    // The first value of a header (case-insensitive name), or a null QByteArray.
    QByteArray header(QByteArrayView name) const { return currentHeaders().value(name); }
    QList<QByteArray> headerValues(QByteArrayView name) const { return currentHeaders().values(name); }

    Framing framing() const { return m_framing; }
    qint64 contentLength() const { return m_contentLength; } // -1 unless framed by Content-Length
    bool hasStarted() const { return m_started; }            // any byte of this response was fed
    bool headersComplete() const { return m_state > State::Headers && m_state != State::Failed; }
    bool isComplete() const { return m_state == State::Complete || m_state == State::Reported; }
    // After completion: whether the connection may carry another request (HTTP/1.1 keep-alive semantics).
    bool keepAlive() const { return m_keepAlive; }
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; } // fed but not consumed

private:
    enum class State {
        StatusLine,
        Headers,
        FixedBody,
        UntilCloseBody,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Complete,
        Reported,
        Failed,
    };
    enum class LineResult { Ok, NeedMore, TooLong };
    struct HeaderLine {
        QByteArrayView name;  // empty for a continuation (obs-fold) line
        QByteArrayView value; // trimmed
    };
    // Headers that decide the framing and keep-alive, recognised once as each line is parsed.
    enum class HeaderKind : quint8 { Other, Connection, ContentLength, TransferEncoding };
    struct HeaderSpan { // offsets in m_headerBlock; each name and value is followed by a NUL there
        quint32 nameAt = 0;
        quint32 nameSize = 0;
        quint32 valueAt = 0;
        quint32 valueSize = 0;
        HeaderKind kind = HeaderKind::Other;
    };

    LineResult takeLine(qsizetype limit, qsizetype used, QByteArrayView *line);
    Status parseStatusLine(QByteArrayView line);
    Status checkHeaderLine(QByteArrayView line, bool haveHeader, HeaderLine *out);
    Status addHeader(QByteArrayView line);
    static HeaderKind headerKind(QByteArrayView name);
    void storeHeader(const char *line, qsizetype nameSize, QByteArrayView value);
    void takePlainHeaderLines();
    Status addTrailer(QByteArrayView line);
    char *blockSpace(qsizetype n);
    void growBlock(qsizetype n);
    std::vector<ResponseHeaders::Span> headerSpans() const;
    ResponseHeaders currentHeaders() const;
    Status finishHeaders();
    Status parseChunkSize(QByteArrayView line);
    void takeBody(qsizetype n, QByteArray *body, bool *haveBody);
    std::unexpected<Error> failWith(const QString &message);

    QByteArray m_buffer;
    qsizetype m_pos = 0;  // first unconsumed byte in m_buffer
    qsizetype m_scan = 0; // where the search for the next line end resumes
    State m_state = State::StatusLine;
    bool m_head = false;
    bool m_started = false;
    bool m_keepAlive = false;
    int m_status = 0;
    int m_minorVersion = 1;
    QByteArray m_reason;
    bool m_headersDone = false; // the header block is complete and not taken
    HeaderList m_trailers;
    // The current header block as "name\0value\0" pairs, one allocation per response. Every name and value
    // handed out shares it and stays NUL-terminated like any QByteArray.
    QByteArray m_headerBlock;
    qsizetype m_blockUsed = 0; // bytes of m_headerBlock written so far (its size is the room for more)
    std::vector<HeaderSpan> m_spans; // reused from response to response
    qsizetype m_headerBytes = 0; // bytes of the current header or trailer block so far
    Framing m_framing = Framing::None;
    qint64 m_contentLength = -1;
    qint64 m_remaining = 0; // body or chunk bytes still to come
    QString m_error;
};

} // namespace AiHub::Net
