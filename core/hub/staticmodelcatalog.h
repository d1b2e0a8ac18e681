// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "core/providers/modelinfo.h"
#include "core/providers/providerkind.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace AiHub::Hub {

// The models a kind of provider is known to offer, shipped with the hub (resources/models/<kind>.json, compiled
// in). It gives the type and limits of known ids, and answers on its own when the provider cannot be asked.
struct StaticModelList {
    QList<Providers::ModelInfo> models;
    QString source;                   // where the figures come from
    bool listWithoutDiscovery = true; // false: only annotates what discovery finds (Ollama: installed models)
    bool listAlways = false;          // true: listed next to what discovery finds (ids discovery cannot see)

    // The entry for a provider's model id; "name:latest" also matches "name" (Ollama's tags).
    const Providers::ModelInfo *find(const QString &id) const;
};

class StaticModelCatalog final {
public:
    // The list for a kind; empty when the hub ships none. Parsed once, then shared (thread-safe).
    static const StaticModelList &forKind(Providers::ProviderKind kind);
    // Reads one catalogue file. Entries without an id or with an unknown type are refused, naming the entry.
    [[nodiscard]] static Result<StaticModelList> parse(const QByteArray &json);
};

} // namespace AiHub::Hub
