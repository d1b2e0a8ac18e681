// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/playground/playgrounderror.h"

#include "ui/playgroundkey.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>

namespace AiHub::Ui {

QString PlaygroundError::explain(const QUrl &serverUrl, int status, const QString &hubMessage,
                                 QNetworkReply::NetworkError networkError, const QString &networkText)
{
    const QString said = hubMessage.trimmed();
    if (status == 0) {
        if (networkError == QNetworkReply::OperationCanceledError)
            return tr("The request was cancelled.");
        return tr("The hub at %1 cannot be reached (%2): check on the Server page that it is running.")
            .arg(serverUrl.toString(), networkText.isEmpty() ? tr("no answer") : networkText);
    }
    switch (status) {
    case 200:
        return tr("Provider error: %1 If it happens again, check the provider on the Providers page.").arg(said);
    case 401:
        return tr("The hub refused the playground's access key: %1 Try again (a new key is made); if it keeps "
                  "failing, check Access keys.")
            .arg(said);
    case 402:
        return tr("No credit left: grant credits to the \"%1\" key in Access keys, then try again. (%2)")
            .arg(PlaygroundKey::keyName(), said);
    case 403:
        return tr("Not allowed: %1 Check the key's role in Access keys.").arg(said);
    case 404:
        return tr("Unknown model: %1 Pick a model from the list, or check Providers.").arg(said);
    case 429:
        return tr("Too many requests: %1 Wait a moment, then try again.").arg(said);
    case 502:
    case 503:
    case 504:
        return tr("Provider unreachable: %1 Check the provider on the Providers page (Test connection).").arg(said);
    default:
        break;
    }
    if (status >= 400 && status < 500 && !said.isEmpty())
        return tr("The hub refused the request: %1").arg(said);
    return said.isEmpty() ? tr("The hub answered HTTP %1. Look at the Server page for details.").arg(status)
                          : tr("The hub failed (HTTP %1): %2").arg(status).arg(said);
}

QString PlaygroundError::explainReply(const QUrl &serverUrl, QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return explain(serverUrl, status, hubMessage(reply->readAll()), reply->error(), reply->errorString());
}

QString PlaygroundError::hubMessage(const QByteArray &body)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonValue error = root.value(QStringLiteral("error"));
    if (error.isString())
        return error.toString();
    const QString message = error.toObject().value(QStringLiteral("message")).toString();
    return message.isEmpty() ? root.value(QStringLiteral("message")).toString() : message;
}

QString PlaygroundError::creditsText(const QJsonValue &value)
{
    QString text = value.isString() ? value.toString().trimmed() : QString::number(value.toDouble(), 'f', 9);
    bool ok = false;
    (void)text.toDouble(&ok);
    if (!ok)
        return {};
    if (text.contains(u'.')) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    if (text == QStringLiteral("-0"))
        text = QStringLiteral("0");
    return text;
}

} // namespace AiHub::Ui
