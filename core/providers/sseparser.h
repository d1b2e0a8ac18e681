// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>

#include <functional>

namespace AiHub::Providers {

// Incremental text/event-stream parser (WHATWG rules): LF, CR or CRLF line ends, comment lines (": ...")
// skipped, multi-line data joined with '\n', an event dispatched at a blank line. Feed any split of bytes.
class SseParser final {
public:
    struct Event {
        QByteArray event; // the "event:" field, empty for the default type
        QByteArray data;
    };
    using Sink = std::function<void(const Event &)>;

    void feed(const QByteArray &bytes, const Sink &sink);
    // The stream ended: dispatch an event that was not terminated by a blank line (lenient, as browsers are not).
    void finish(const Sink &sink);

private:
    void processLine(QByteArrayView line, const Sink &sink);
    void dispatch(const Sink &sink);

    QByteArray m_buffer;
    QByteArray m_event;
    QByteArray m_data;
    bool m_hasData = false;
    bool m_pendingCr = false; // the last byte seen was CR: a following LF belongs to it
};

} // namespace AiHub::Providers
