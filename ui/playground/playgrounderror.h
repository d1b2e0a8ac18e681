// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QNetworkReply>
#include <QString>
#include <QUrl>

namespace AiHub::Ui {

// Turns what the hub answered into one readable sentence that says what to do: "No credit left: grant credits
// ... in Access keys", "Provider unreachable: ... check Providers", "The hub ... check the Server page".
class PlaygroundError final {
    Q_DECLARE_TR_FUNCTIONS(AiHub::Ui::PlaygroundError)

public:
    // status: the HTTP status (200 for an error event inside a stream, 0 when no answer came);
    // hubMessage: the hub's own message, if any.
    static QString explain(const QUrl &serverUrl, int status, const QString &hubMessage,
                           QNetworkReply::NetworkError networkError, const QString &networkText = {});
    // The same for a finished reply: reads its status and the hub's error body ({"error": {"message"}} or
    // {"error": "..."}).
    static QString explainReply(const QUrl &serverUrl, QNetworkReply *reply);
    // The hub's error message in a JSON body, or empty.
    static QString hubMessage(const QByteArray &body);
    // A credits figure (JSON number or decimal string) as a plain decimal without float noise: 0.0250000001 ->
    // "0.025" (nine decimals at most, as billing keeps them).
    static QString creditsText(const QJsonValue &value);
};

} // namespace AiHub::Ui
