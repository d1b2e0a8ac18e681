// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/chatcall.h"

#include <QTest>

using namespace AiHub::Providers;

class TestChatCall : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void neutralRequest_readsAPendingBodyOnce_withTheRoutedModel()
    {
        ChatCall call;
        call.openAiBody = nlohmann::ordered_json::parse(
            R"({"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"Hi"}],"max_tokens":7,"stream":true})");
        call.request.model = QStringLiteral("openai/gpt-4o-mini");
        call.stream = true;
        call.requestPending = true;
        call.setModel(QStringLiteral("gpt-4o-mini"));
        QCOMPARE(call.openAiBody["model"].get<std::string>(), std::string("gpt-4o-mini"));
        QVERIFY(call.request.messages.isEmpty()); // not read yet

        const ChatRequest &request = call.neutralRequest();
        QVERIFY(!call.requestPending);
        QCOMPARE(request.model, QStringLiteral("gpt-4o-mini"));
        QCOMPARE(request.messages.size(), 1);
        QCOMPARE(request.messages.first().content.first().text, QStringLiteral("Hi"));
        QCOMPARE(request.maxTokens, 7);
        QVERIFY(request.stream);

        // Read once: a later change to the body is not read again.
        call.openAiBody["messages"].push_back({ { "role", "user" }, { "content", "again" } });
        QCOMPARE(call.neutralRequest().messages.size(), 1);
    }
    void neutralRequest_ofACallWithoutPendingBody_isItsRequest()
    {
        ChatCall call;
        call.request.model = QStringLiteral("m");
        call.request.messages.append(ChatMessage {});
        QCOMPARE(&call.neutralRequest(), &call.request);
        QCOMPARE(call.neutralRequest().messages.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestChatCall)
#include "tst_chatcall.moc"
