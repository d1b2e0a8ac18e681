// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace AiHub::Providers {

// One header of an AWS event-stream message. Integer types (byte, int16, int32, int64, timestamp) are held in
// intValue; bytes, string and uuid in bytesValue; the two boolean types in boolValue.
struct EventStreamHeader {
    enum class Type : quint8 {
        BoolTrue = 0,
        BoolFalse = 1,
        Byte = 2,
        Int16 = 3,
        Int32 = 4,
        Int64 = 5,
        Bytes = 6,
        String = 7,
        Timestamp = 8, // milliseconds since the epoch
        Uuid = 9,
    };
    QByteArray name;
    Type type = Type::String;
    bool boolValue = false;
    qint64 intValue = 0;
    QByteArray bytesValue;
};

// One decoded message (frame) of application/vnd.amazon.eventstream.
struct EventStreamMessage {
    quint32 totalLength = 0;
    quint32 headersLength = 0;
    quint32 preludeCrc = 0;
    quint32 messageCrc = 0;
    QList<EventStreamHeader> headers;
    QByteArray payload;

    // The value of a string header (":event-type", ":message-type", ...); empty when absent.
    QByteArray stringHeader(QByteArrayView name) const;
};

} // namespace AiHub::Providers
