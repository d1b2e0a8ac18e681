// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/sseparser.h"

namespace AiHub::Providers {

void SseParser::feed(const QByteArray &bytes, const Sink &sink)
{
    qsizetype start = 0;
    if (m_pendingCr && !bytes.isEmpty() && bytes.at(0) == '\n')
        start = 1;
    m_pendingCr = false;
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype lineStart = start;
    for (qsizetype i = start; i < size; ++i) {
        const char c = data[i];
        if (c != '\n' && c != '\r')
            continue;
        if (m_buffer.isEmpty()) {
            processLine(QByteArrayView(data + lineStart, i - lineStart), sink);
        } else {
            m_buffer.append(data + lineStart, i - lineStart);
            processLine(m_buffer, sink);
            m_buffer.clear();
        }
        if (c == '\r') {
            if (i + 1 < size && data[i + 1] == '\n')
                ++i;
            else if (i + 1 == size)
                m_pendingCr = true;
        }
        lineStart = i + 1;
    }
    if (lineStart < size)
        m_buffer.append(data + lineStart, size - lineStart);
}

void SseParser::finish(const Sink &sink)
{
    if (!m_buffer.isEmpty()) {
        processLine(m_buffer, sink);
        m_buffer.clear();
    }
    dispatch(sink);
}

void SseParser::processLine(QByteArrayView line, const Sink &sink)
{
    if (line.isEmpty()) {
        dispatch(sink);
        return;
    }
    if (line.at(0) == ':')
        return; // comment, e.g. ": OPENROUTER PROCESSING" or ": keep-alive"
    const qsizetype colon = line.indexOf(':');
    QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (!value.isEmpty() && value.at(0) == ' ')
        value = value.sliced(1);
    if (field == "data") {
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_event = value.toByteArray();
    }
    // "id" and "retry" do not matter to a relay.
}

void SseParser::dispatch(const Sink &sink)
{
    if (m_hasData)
        sink(Event { m_event, m_data });
    m_event.clear();
    m_data.clear();
    m_hasData = false;
}

} // namespace AiHub::Providers
