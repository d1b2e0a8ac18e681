// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/openaierrorbody.h"

#include <nlohmann/json.hpp>

namespace AiHub::Providers {

namespace {
QString text(const nlohmann::ordered_json &value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_number_integer())
        return QString::number(value.get<qint64>());
    return {};
}
} // namespace

OpenAiErrorBody OpenAiErrorBody::fromJson(const nlohmann::ordered_json &root)
{
    OpenAiErrorBody out;
    if (!root.is_object())
        return out;
    const auto error = root.find("error");
    if (error != root.end() && error->is_object()) {
        if (auto m = error->find("message"); m != error->end())
            out.message = text(*m);
        if (auto t = error->find("type"); t != error->end())
            out.type = text(*t);
        if (auto c = error->find("code"); c != error->end()) {
            out.code = text(*c);
            if (c->is_number_integer())
                out.numericCode = c->get<int>();
        }
    } else if (error != root.end() && error->is_string()) { // xAI: {"code": "...", "error": "..."}
        out.message = text(*error);
        if (auto c = root.find("code"); c != root.end())
            out.code = text(*c);
    } else if (auto m = root.find("message"); m != root.end()) {
        out.message = text(*m);
    }
    return out;
}

OpenAiErrorBody OpenAiErrorBody::parse(const QByteArray &body)
{
    const nlohmann::ordered_json root = nlohmann::ordered_json::parse(body.constData(), body.constData() + body.size(), nullptr,
                                                      false);
    OpenAiErrorBody out = fromJson(root);
    if (out.message.isEmpty()) {
        // Not JSON (a proxy's HTML page, say): keep a short, single-line excerpt.
        out.message = QString::fromUtf8(body.left(200)).simplified();
    }
    return out;
}

} // namespace AiHub::Providers
