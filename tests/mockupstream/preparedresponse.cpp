// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/mockupstream/preparedresponse.h"

namespace AiHub::Testing {

std::shared_ptr<const PreparedResponse> PreparedResponse::prepare(const MockResponse &response)
{
    auto p = std::make_shared<PreparedResponse>();
    using Framing = MockResponse::Framing;
    const Framing framing = response.framing();

    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status()) + ' ' + response.reason() + "\r\n";
    for (const auto &h : response.headers())
        head += h.first + ": " + h.second + "\r\n";
    qsizetype bodySize = 0;
    for (const QByteArray &chunk : response.chunks())
        bodySize += chunk.size();
    switch (framing) {
    case Framing::ContentLength:
        head += "Content-Length: " + QByteArray::number(bodySize) + "\r\n";
        break;
    case Framing::Chunked:
        head += "Transfer-Encoding: chunked\r\n";
        p->trailer = QByteArrayLiteral("0\r\n\r\n");
        break;
    case Framing::CloseDelimited:
        p->closeDelimited = true;
        break;
    }
    p->headClose = head + "Connection: close\r\n\r\n";
    p->headKeepAlive = p->closeDelimited ? p->headClose : QByteArray(head + "\r\n");

    p->wireChunks.reserve(response.chunks().size());
    for (const QByteArray &chunk : response.chunks()) {
        if (framing == Framing::Chunked)
            p->wireChunks.append(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        else
            p->wireChunks.append(chunk);
    }
    QByteArray wireBody;
    for (const QByteArray &chunk : std::as_const(p->wireChunks))
        wireBody += chunk;
    wireBody += p->trailer;
    p->wholeKeepAlive = p->headKeepAlive + wireBody;
    p->wholeClose = p->headClose + wireBody;

    p->delayBeforeHeadersMs = response.delayBeforeHeadersMs();
    p->delayBetweenChunksMs = response.delayBetweenChunksMs();
    p->fault = response.fault();
    p->faultAfterChunks = response.faultAfterChunks();
    p->hangResumeAfterMs = response.hangResumeAfterMs();
    return p;
}

} // namespace AiHub::Testing
