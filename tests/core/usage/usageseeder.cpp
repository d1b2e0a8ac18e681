// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/core/usage/usageseeder.h"

#include "core/storage/database.h"

#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <array>
#include <random>

namespace AiHub::Testing {

namespace {
struct ModelChoice {
    const char *provider;
    const char *model;
};
constexpr std::array<ModelChoice, 10> kModels { { { "openai", "gpt-4o" },
                                                  { "openai", "gpt-4o-mini" },
                                                  { "openai", "text-embedding-3-small" },
                                                  { "anthropic", "claude-sonnet-4" },
                                                  { "anthropic", "claude-haiku-4" },
                                                  { "gemini", "gemini-2.5-pro" },
                                                  { "gemini", "gemini-2.5-flash" },
                                                  { "ollama", "llama3.2" },
                                                  { "ollama", "qwen2.5-coder" },
                                                  { "ollama", "mistral" } } };
} // namespace

Result<QList<SeededCall>> UsageSeeder::seed(const std::shared_ptr<Storage::Database> &database, qint64 count,
                                            qint64 endMs, qint64 spanMs, bool keep, quint64 randomSeed)
{
    std::mt19937_64 random(randomSeed);
    std::uniform_int_distribution<qint64> offset(0, spanMs - 1);
    std::uniform_int_distribution<int> modelPick(0, int(kModels.size()) - 1);
    std::uniform_int_distribution<int> keyPick(0, 11);
    std::uniform_int_distribution<int> appPick(0, 5);
    std::uniform_int_distribution<int> percent(0, 99);
    std::uniform_int_distribution<qint64> tokens(1, 4000);
    std::lognormal_distribution<double> latency(6.0, 0.8); // median ~400 ms, long tail

    // Time-ordered like a real hub writes them, so rowid order follows created_at.
    QList<qint64> times;
    times.reserve(count);
    for (qint64 i = 0; i < count; ++i)
        times.append(endMs - spanMs + offset(random));
    std::sort(times.begin(), times.end());

    QSqlDatabase db = database->connection();
    if (!db.transaction())
        return fail(database->error(db.lastError(), QStringLiteral("begin seeding usage")));
    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral(
            "INSERT INTO usage_records (request_id, created_at, key_name, account, app_did, api, type, provider, model, "
            "input_tokens, output_tokens, usage_source, status, error_code, error_message, duration_ms, credits) "
            "VALUES (?, ?, ?, 'seed', ?, 'openai', 'chat', ?, ?, ?, ?, 'provider', ?, ?, ?, ?, ?)"))) {
        (void)db.rollback();
        return fail(database->error(insert.lastError(), QStringLiteral("prepare the seed insert")));
    }
    QList<SeededCall> kept;
    if (keep)
        kept.reserve(count);
    for (qint64 i = 0; i < count; ++i) {
        SeededCall call;
        call.createdAtMs = times.at(i);
        const ModelChoice &model = kModels.at(size_t(modelPick(random)));
        call.provider = QString::fromLatin1(model.provider);
        call.model = QString::fromLatin1(model.model);
        call.keyName = QStringLiteral("key-%1").arg(keyPick(random));
        const int app = appPick(random);
        if (app > 0)
            call.appDid = QStringLiteral("z1app%1").arg(app);
        const bool failed = percent(random) < 5;
        call.status = failed ? (percent(random) < 50 ? 429 : 502) : 200;
        call.inputTokens = failed ? 0 : tokens(random);
        call.outputTokens = failed ? 0 : tokens(random);
        if (!failed && percent(random) < 90)
            call.creditsNanos = (call.inputTokens + 2 * call.outputTokens) * 1500;
        call.durationMs = std::round(latency(random) * 10) / 10;
        insert.bindValue(0, QStringLiteral("seed-%1").arg(i));
        insert.bindValue(1, call.createdAtMs);
        insert.bindValue(2, call.keyName);
        insert.bindValue(3, call.appDid.isEmpty() ? QVariant() : QVariant(call.appDid));
        insert.bindValue(4, call.provider);
        insert.bindValue(5, call.model);
        insert.bindValue(6, call.inputTokens);
        insert.bindValue(7, call.outputTokens);
        insert.bindValue(8, call.status);
        insert.bindValue(9, failed ? QVariant(QStringLiteral("upstream_unavailable")) : QVariant());
        insert.bindValue(10, failed ? QVariant(QStringLiteral("seeded failure")) : QVariant());
        insert.bindValue(11, call.durationMs);
        insert.bindValue(12, call.creditsNanos ? QVariant(*call.creditsNanos) : QVariant());
        if (!insert.exec()) {
            const Error error = database->error(insert.lastError(), QStringLiteral("seed usage"));
            (void)db.rollback();
            return fail(error);
        }
        call.id = insert.lastInsertId().toLongLong();
        if (keep)
            kept.append(std::move(call));
    }
    if (!db.commit())
        return fail(database->error(db.lastError(), QStringLiteral("commit the seeded usage")));
    return kept;
}

} // namespace AiHub::Testing
