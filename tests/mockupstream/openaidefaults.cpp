// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/mockupstream/openaidefaults.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtGlobal>

using namespace Qt::StringLiterals;

namespace AiHub::Testing {

namespace {

constexpr auto chatFixture = ":/aihub-mockupstream/openai/chat-basic.response.http";
constexpr auto streamFixture = ":/aihub-mockupstream/openai/chat-stream-include-usage.response.sse";
constexpr auto textStreamFixture = ":/aihub-mockupstream/openai/chat-stream-text-with-usage.sse";

MockResponse loadOrExplain(const Result<MockResponse> &loaded)
{
    if (loaded)
        return *loaded;
    // Only possible when the embedded resources were not linked in: make every answer say so.
    qWarning("aihub mock upstream: %s", qPrintable(loaded.error().message));
    return MockResponse::json(
        500, "mock upstream: embedded fixture missing: " + loaded.error().message.toUtf8());
}

} // namespace

OpenAiDefaults::OpenAiDefaults()
{
    m_chat = PreparedResponse::prepare(
        loadOrExplain(MockResponse::fromHttpFile(QString::fromLatin1(chatFixture))));
    setStreamContentEvents(0);
    setModels(
        { u"gpt-5-nano-2025-08-07"_s, u"gpt-4o-2024-08-06"_s }); // the models of the embedded recordings
}

void OpenAiDefaults::setStreamContentEvents(int count)
{
    m_streamContentEvents = qMax(0, count);
    if (m_streamContentEvents == 0) {
        m_stream = PreparedResponse::prepare(
            loadOrExplain(MockResponse::fromSseFile(QString::fromLatin1(streamFixture))));
        return;
    }
    MockResponse recorded = loadOrExplain(MockResponse::fromSseFile(QString::fromLatin1(textStreamFixture)));
    // Recorded order: role event, content events, finish_reason event, usage event, [DONE].
    const QList<QByteArray> &events = recorded.chunks();
    constexpr int tail = 3;
    if (events.size() < tail + 2) {
        m_stream = PreparedResponse::prepare(recorded);
        return;
    }
    const QList<QByteArray> content = events.mid(1, events.size() - 1 - tail);
    QList<QByteArray> out;
    out.reserve(m_streamContentEvents + 1 + tail);
    out.append(events.first());
    for (int i = 0; i < m_streamContentEvents; ++i)
        out.append(content.at(i % content.size()));
    out.append(events.mid(events.size() - tail));
    recorded.setChunks(out);
    m_stream = PreparedResponse::prepare(recorded);
}

void OpenAiDefaults::setModels(const QStringList &ids)
{
    // OpenAI's documented GET /v1/models shape (no recording of it is among the fixtures).
    QJsonArray data;
    for (const QString &id : ids)
        data.append(QJsonObject { { u"id"_s, id }, { u"object"_s, u"model"_s }, { u"created"_s, 0 },
            { u"owned_by"_s, u"system"_s } });
    const QJsonObject body { { u"object"_s, u"list"_s }, { u"data"_s, data } };
    m_models = PreparedResponse::prepare(
        MockResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

} // namespace AiHub::Testing
