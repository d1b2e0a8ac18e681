// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/bytebuilder.h"

#include <QByteArray>
#include <QByteArrayView>

// Bytes on the wire of HTTP/1.1 responses, built by hand so that a response leaves in one socket write.
namespace AiHub::Server::HttpWire {

QByteArrayView reasonPhrase(int status);

// 1xx, 204 and 304 responses never carry a body (RFC 9110 6.4.1).
bool statusForbidsBody(int status);

// "HTTP/1.1 200 OK\r\nDate: ...\r\n"
void appendStatusLine(ByteBuilder &out, int status);

// False for names or values a handler must not send (empty or non-token name, CR/LF in the value), and for the
// headers the transport sets itself (Content-Length, Transfer-Encoding, Connection, Date).
bool isPassThroughHeader(QByteArrayView name, QByteArrayView value);

// A handler's "Connection: close": the transport closes the connection after the response.
bool asksToClose(QByteArrayView name, QByteArrayView value);

// A complete response with an OpenAI-style JSON error body: {"error":{"message":..,"type":..,"code":..}}.
QByteArray errorResponse(int status, QByteArrayView message, bool close);

// "<hex size>\r\n<data>\r\n"
QByteArray chunk(const QByteArray &data);

// The value of the Date header for now, cached per thread for one second.
const QByteArray &httpDate();

} // namespace AiHub::Server::HttpWire
