// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "tests/mockupstream/mockresponse.h"

#include <QByteArray>
#include <QList>

#include <memory>

namespace AiHub::Testing {

// A MockResponse serialised once into the bytes that go on the wire, so serving it costs one write when it
// has no delays or faults. Immutable and shared between connections (and threads).
struct PreparedResponse {
    QByteArray headKeepAlive; // status line + headers + blank line
    QByteArray headClose; // the same with "Connection: close"
    QByteArray wholeKeepAlive; // head + every wire chunk + trailer: the one-write fast path
    QByteArray wholeClose;
    QList<QByteArray> wireChunks; // body chunks as framed on the wire (chunk-size line added when chunked)
    QByteArray trailer; // "0\r\n\r\n" when chunked
    bool closeDelimited = false;
    int delayBeforeHeadersMs = 0;
    int delayBetweenChunksMs = 0;
    MockResponse::Fault fault = MockResponse::Fault::None;
    int faultAfterChunks = 0;
    int hangResumeAfterMs = -1;

    static std::shared_ptr<const PreparedResponse> prepare(const MockResponse &response);
};

} // namespace AiHub::Testing
