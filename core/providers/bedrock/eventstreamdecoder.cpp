// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/bedrock/eventstreamdecoder.h"

#include "core/providers/bedrock/crc32.h"

#include <QtEndian>

namespace AiHub::Providers {

namespace {
quint32 be32(const char *p) { return qFromBigEndian<quint32>(p); }

std::unexpected<Error> broken(const QString &what)
{
    return fail(ErrorCode::UpstreamProtocol,
                QStringLiteral("The event stream is damaged: %1. Try again; report it if it keeps happening.")
                    .arg(what));
}

Status checkPrelude(QByteArrayView bytes)
{
    const quint32 total = be32(bytes.data());
    const quint32 headers = be32(bytes.data() + 4);
    const quint32 crc = be32(bytes.data() + 8);
    // The checksum first: a corrupted length is reported as what it is, not as an absurd size.
    if (Crc32::compute(bytes.first(8)) != crc)
        return broken(QStringLiteral("Prelude checksum mismatch"));
    if (total < EventStreamDecoder::MinMessageSize || total > EventStreamDecoder::MaxMessageSize)
        return broken(QStringLiteral("message length %1 is out of range").arg(total));
    if (headers > EventStreamDecoder::MaxHeadersSize || headers > total - EventStreamDecoder::MinMessageSize)
        return broken(QStringLiteral("headers length %1 does not fit the message length %2").arg(headers).arg(total));
    return {};
}

Result<QList<EventStreamHeader>> parseHeaders(QByteArrayView bytes)
{
    QList<EventStreamHeader> out;
    qsizetype pos = 0;
    const qsizetype end = bytes.size();
    auto need = [&](qsizetype n) { return end - pos >= n; };
    while (pos < end) {
        EventStreamHeader h;
        const quint8 nameLen = quint8(bytes[pos++]);
        if (nameLen == 0 || !need(nameLen + 1))
            return broken(QStringLiteral("a header name runs past the headers"));
        h.name = bytes.sliced(pos, nameLen).toByteArray();
        pos += nameLen;
        const quint8 type = quint8(bytes[pos++]);
        if (type > quint8(EventStreamHeader::Type::Uuid))
            return broken(QStringLiteral("header \"%1\" has unknown type %2").arg(QString::fromLatin1(h.name)).arg(type));
        h.type = EventStreamHeader::Type(type);
        const char *p = bytes.data() + pos;
        auto tooShort = [&]() {
            return broken(QStringLiteral("the value of header \"%1\" runs past the headers").arg(QString::fromLatin1(h.name)));
        };
        switch (h.type) {
        case EventStreamHeader::Type::BoolTrue:
            h.boolValue = true;
            break;
        case EventStreamHeader::Type::BoolFalse:
            h.boolValue = false;
            break;
        case EventStreamHeader::Type::Byte:
            if (!need(1))
                return tooShort();
            h.intValue = qint8(*p);
            pos += 1;
            break;
        case EventStreamHeader::Type::Int16:
            if (!need(2))
                return tooShort();
            h.intValue = qFromBigEndian<qint16>(p);
            pos += 2;
            break;
        case EventStreamHeader::Type::Int32:
            if (!need(4))
                return tooShort();
            h.intValue = qFromBigEndian<qint32>(p);
            pos += 4;
            break;
        case EventStreamHeader::Type::Int64:
        case EventStreamHeader::Type::Timestamp:
            if (!need(8))
                return tooShort();
            h.intValue = qFromBigEndian<qint64>(p);
            pos += 8;
            break;
        case EventStreamHeader::Type::Bytes:
        case EventStreamHeader::Type::String: {
            if (!need(2))
                return tooShort();
            const quint16 len = qFromBigEndian<quint16>(p);
            pos += 2;
            if (!need(len))
                return tooShort();
            h.bytesValue = bytes.sliced(pos, len).toByteArray();
            pos += len;
            break;
        }
        case EventStreamHeader::Type::Uuid:
            if (!need(16))
                return tooShort();
            h.bytesValue = bytes.sliced(pos, 16).toByteArray();
            pos += 16;
            break;
        }
        out.append(std::move(h));
    }
    return out;
}
} // namespace

Result<EventStreamMessage> EventStreamDecoder::decodeMessage(QByteArrayView bytes)
{
    if (bytes.size() < qsizetype(PreludeSize))
        return broken(QStringLiteral("a message is shorter than its 12-byte prelude"));
    if (const Status prelude = checkPrelude(bytes); !prelude)
        return std::unexpected(prelude.error());
    EventStreamMessage m;
    m.totalLength = be32(bytes.data());
    m.headersLength = be32(bytes.data() + 4);
    m.preludeCrc = be32(bytes.data() + 8);
    if (bytes.size() != qsizetype(m.totalLength))
        return broken(QStringLiteral("a message says it is %1 bytes long but has %2").arg(m.totalLength).arg(bytes.size()));
    m.messageCrc = be32(bytes.data() + m.totalLength - 4);
    if (Crc32::compute(bytes.first(m.totalLength - 4)) != m.messageCrc)
        return broken(QStringLiteral("Message checksum mismatch"));
    auto headers = parseHeaders(bytes.sliced(PreludeSize, m.headersLength));
    if (!headers)
        return std::unexpected(headers.error());
    m.headers = std::move(*headers);
    m.payload = bytes.sliced(PreludeSize + m.headersLength, m.totalLength - m.headersLength - MinMessageSize)
                    .toByteArray();
    return m;
}

Status EventStreamDecoder::feed(QByteArrayView bytes, QList<EventStreamMessage> &out)
{
    if (m_error)
        return std::unexpected(*m_error);
    m_buffer.append(bytes);
    qsizetype pos = 0;
    Status status;
    while (m_buffer.size() - pos >= qsizetype(PreludeSize)) {
        const QByteArrayView rest = QByteArrayView(m_buffer).sliced(pos);
        if (status = checkPrelude(rest); !status)
            break;
        const quint32 total = be32(rest.data());
        if (rest.size() < qsizetype(total))
            break;
        auto message = decodeMessage(rest.first(total));
        if (!message) {
            status = std::unexpected(message.error());
            break;
        }
        out.append(std::move(*message));
        pos += total;
    }
    m_buffer.remove(0, pos);
    if (!status) {
        m_error = status.error();
        m_buffer.clear();
    }
    return status;
}

} // namespace AiHub::Providers
