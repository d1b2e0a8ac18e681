// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace AiHub::Usage {

enum class Api { OpenAi, Aigne };                   // which hub API the client called
enum class CallType { Chat, Embedding, Image };
enum class UsageSource { Provider, Counted, None }; // where the token counts came from

QString apiName(Api api);                           // "openai" | "aigne"
QString callTypeName(CallType type);                // "chat" | "embedding" | "image"
QString usageSourceName(UsageSource source);        // "provider" | "counted" | "none"
std::optional<Api> parseApi(QStringView name);
std::optional<CallType> parseCallType(QStringView name);
std::optional<UsageSource> parseUsageSource(QStringView name);

// One call through the hub: a row of usage_records. Null strings and empty optionals are stored as NULL.
struct UsageRecord {
    qint64 id = 0;                           // row id; set when read back, ignored when recording
    QString requestId;
    qint64 createdAtMs = 0;                  // ms since the Unix epoch; 0 = "now" when recorded
    std::optional<qint64> accessKeyId;       // access_keys.id of the caller
    QString keyName;
    QString account;
    QString appDid;
    Api api = Api::OpenAi;
    CallType type = CallType::Chat;
    QString provider;
    QString model;
    bool stream = false;
    std::optional<qint64> inputTokens;       // empty: the provider reported none
    std::optional<qint64> outputTokens;
    std::optional<qint64> cacheReadTokens;
    std::optional<qint64> cacheWriteTokens;
    UsageSource usageSource = UsageSource::None;
    int httpStatus = 0;                      // the status the client got
    QString errorCode;                       // errorCodeName() of the failure, if any
    QString errorMessage;
    double durationMs = 0;
    std::optional<double> timeToFirstTokenMs; // streams only
    std::optional<qint64> creditsNanos;      // credits charged, in nano-credits (Billing::Credits); empty: not billed
    std::optional<qint64> rateId;            // billing_rates.id the charge used
    QString billingReason;                   // Billing::reasonName(): why it cost what it did

    friend bool operator==(const UsageRecord &, const UsageRecord &) = default;
};

} // namespace AiHub::Usage
