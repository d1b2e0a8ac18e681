// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/providers/jsonwire.h"

namespace AiHub::Providers {

nlohmann::ordered_json JsonWire::parse(const QByteArray &body)
{
    return nlohmann::ordered_json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
}

void JsonWire::addJsonHeaders(Net::UpstreamRequest &request, const char *accept)
{
    request.headers.emplaceBack(QByteArray("Content-Type"), QByteArray("application/json"));
    request.headers.emplaceBack(QByteArray("Accept"), QByteArray(accept));
}

} // namespace AiHub::Providers
