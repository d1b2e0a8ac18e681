// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace AiHub::Providers {

// An OpenAI chat request read in one pass over its bytes, without building a document: what the hub needs to
// route it and to hand it on to an OpenAI-style provider with only the model changed. Building the document,
// checking it and writing it out again was a tenth of the work of relaying a request.
//
// scan() takes only bodies it can vouch for in full: well-formed JSON by exactly the rules of OrderedJsonReader
// (JsonText), and the checks of OpenAiChatFormat::checkRequest() all passed, for the usual shape: text messages
// with the usual roles, a plain model name, stream and stream_options, positive max tokens. For anything else
// (tools, content parts, escaped names, repeated members the checks read, every body the checks refuse) it gives
// nothing, and the caller parses the document: every error a client sees still comes from that one place.
class OpenAiRequestScan final {
public:
    [[nodiscard]] static std::optional<OpenAiRequestScan> scan(QByteArrayView body);

    [[nodiscard]] const QString &model() const { return m_model; }
    [[nodiscard]] bool stream() const { return m_stream; }
    // stream_options.include_usage as the client sent it.
    [[nodiscard]] bool clientWantsUsage() const { return m_clientWantsUsage; }

    // The body for an OpenAI-style provider: the scanned body's own bytes with the model replaced, and
    // stream_options dropped when not streaming or made {"include_usage":true} when streaming. The same JSON
    // value OpenAiCompatibleAdapter writes from the document, with the client's spacing and number spelling.
    [[nodiscard]] QByteArray upstreamBody(QByteArrayView body, const QString &model) const;

private:
    friend class OpenAiRequestScanner;
    struct Span {
        qsizetype begin = -1;
        qsizetype end = -1;
    };

    QString m_model;
    Span m_modelValue;         // the model's string, quotes included
    Span m_streamOptionsValue; // its object
    Span m_streamOptionsCut;   // the member with one separating comma: what goes when not streaming
    qsizetype m_closingBrace = -1; // of the whole object: where stream_options goes when it is missing
    bool m_stream = false;
    bool m_clientWantsUsage = false;
};

} // namespace AiHub::Providers
