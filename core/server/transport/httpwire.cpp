// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/server/transport/httpwire.h"

#include "core/common/httpsyntax.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QString>

#include <charconv>

namespace AiHub::Server::HttpWire {

QByteArrayView reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Entity";
    case 426: return "Upgrade Required";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 499: return "Client Closed Request";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: break;
    }
    if (status >= 200 && status < 300)
        return "Success";
    if (status >= 400 && status < 500)
        return "Client Error";
    if (status >= 500 && status < 600)
        return "Server Error";
    return "Status";
}

bool statusForbidsBody(int status)
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

void appendStatusLine(ByteBuilder &out, int status)
{
    if (status < 100 || status > 999)
        status = 500;
    out << "HTTP/1.1 " << char('0' + status / 100) << char('0' + (status / 10) % 10) << char('0' + status % 10)
        << ' ' << reasonPhrase(status) << "\r\nDate: " << httpDate() << "\r\n";
}

bool isPassThroughHeader(QByteArrayView name, QByteArrayView value)
{
    if (name.isEmpty() || value.contains('\r') || value.contains('\n'))
        return false;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == ':')
            return false;
    }
    using HttpSyntax::equalsLowercase;
    return !equalsLowercase(name, "content-length") && !equalsLowercase(name, "transfer-encoding")
        && !equalsLowercase(name, "connection") && !equalsLowercase(name, "date");
}

bool asksToClose(QByteArrayView name, QByteArrayView value)
{
    return HttpSyntax::equalsLowercase(name, "connection")
        && QByteArrayView(value.toByteArray().toLower()).contains("close");
}

QByteArray errorResponse(int status, QByteArrayView message, bool close)
{
    QByteArrayView code;
    switch (status) {
    case 400: code = "bad_request"; break;
    case 408: code = "request_timeout"; break;
    case 413: code = "payload_too_large"; break;
    case 417: code = "expectation_failed"; break;
    case 431: code = "request_header_fields_too_large"; break;
    case 501: code = "not_implemented"; break;
    case 503: code = "server_busy"; break;
    case 505: code = "http_version_not_supported"; break;
    default: code = status >= 500 ? QByteArrayView("server_error") : QByteArrayView("invalid_request"); break;
    }
    const QJsonObject error {
        { QStringLiteral("message"), QString::fromUtf8(message) },
        { QStringLiteral("type"), status >= 500 ? QStringLiteral("server_error") : QStringLiteral("invalid_request_error") },
        { QStringLiteral("code"), QString::fromLatin1(code) },
    };
    const QByteArray body = QJsonDocument(QJsonObject { { QStringLiteral("error"), error } }).toJson(QJsonDocument::Compact);
    ByteBuilder out(160 + body.size());
    appendStatusLine(out, status);
    out << "Content-Type: application/json\r\nContent-Length: ";
    out.appendNumber(body.size());
    out << (close ? "\r\nConnection: close\r\n\r\n" : "\r\nConnection: keep-alive\r\n\r\n") << body;
    return out.take();
}

QByteArray chunk(const QByteArray &data)
{
    char digits[16];
    const auto length = std::to_chars(digits, digits + sizeof digits, data.size(), 16);
    ByteBuilder out(data.size() + 20);
    out << QByteArrayView(digits, length.ptr - digits) << "\r\n" << data << "\r\n";
    return out.take();
}

const QByteArray &httpDate()
{
    struct Cache {
        qint64 second = -1;
        QByteArray value;
    };
    thread_local Cache cache;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now != cache.second) {
        cache.second = now;
        const QDateTime utc = QDateTime::fromSecsSinceEpoch(now, Qt::UTC);
        cache.value = QLocale::c().toString(utc, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
    }
    return cache.value;
}

} // namespace AiHub::Server::HttpWire
