// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/usage/usagerecord.h"

using namespace Qt::StringLiterals;

namespace AiHub::Usage {

QString apiName(Api api)
{
    switch (api) {
    case Api::OpenAi: return u"openai"_s;
    case Api::Aigne: return u"aigne"_s;
    }
    return u"openai"_s;
}

QString callTypeName(CallType type)
{
    switch (type) {
    case CallType::Chat: return u"chat"_s;
    case CallType::Embedding: return u"embedding"_s;
    case CallType::Image: return u"image"_s;
    }
    return u"chat"_s;
}

QString usageSourceName(UsageSource source)
{
    switch (source) {
    case UsageSource::Provider: return u"provider"_s;
    case UsageSource::Counted: return u"counted"_s;
    case UsageSource::None: return u"none"_s;
    }
    return u"none"_s;
}

std::optional<Api> parseApi(QStringView name)
{
    for (Api api : { Api::OpenAi, Api::Aigne }) {
        if (name == apiName(api))
            return api;
    }
    return std::nullopt;
}

std::optional<CallType> parseCallType(QStringView name)
{
    for (CallType type : { CallType::Chat, CallType::Embedding, CallType::Image }) {
        if (name == callTypeName(type))
            return type;
    }
    return std::nullopt;
}

std::optional<UsageSource> parseUsageSource(QStringView name)
{
    for (UsageSource source : { UsageSource::Provider, UsageSource::Counted, UsageSource::None }) {
        if (name == usageSourceName(source))
            return source;
    }
    return std::nullopt;
}

} // namespace AiHub::Usage
