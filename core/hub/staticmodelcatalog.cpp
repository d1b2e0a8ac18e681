// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/staticmodelcatalog.h"

#include <QFile>
#include <QHash>
#include <QLoggingCategory>

#include <nlohmann/json.hpp>

Q_LOGGING_CATEGORY(lcStaticModels, "aihub.hub.staticmodels")

// The catalogue lives in a static library: nothing would pull its resource initialiser in without this call.
// Q_INIT_RESOURCE declares the initialiser in the enclosing namespace, so it is called from the global one.
static void registerBuiltInCatalogue()
{
    Q_INIT_RESOURCE(aihub_models);
}

namespace AiHub::Hub {

namespace {
using Json = nlohmann::json;

QString str(const Json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

qint64 positive(const Json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_number_integer() && it->get<qint64>() > 0 ? it->get<qint64>() : 0;
}

bool flag(const Json &object, const char *key, bool fallback)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

StaticModelList load(Providers::ProviderKind kind)
{
    const QString path = QStringLiteral(":/models/") + Providers::ProviderKinds::name(kind) + QStringLiteral(".json");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {}; // no catalogue for this kind
    auto list = StaticModelCatalog::parse(file.readAll());
    if (!list) {
        // A defect of the build, caught by the tests; the hub still works from live discovery.
        qCWarning(lcStaticModels).noquote() << path << list.error().message;
        return {};
    }
    return *list;
}
} // namespace

const Providers::ModelInfo *StaticModelList::find(const QString &id) const
{
    const auto match = [this](const QString &wanted) -> const Providers::ModelInfo * {
        for (const Providers::ModelInfo &m : models) {
            if (m.id == wanted)
                return &m;
        }
        return nullptr;
    };
    if (const auto *m = match(id))
        return m;
    if (id.endsWith(QStringLiteral(":latest")))
        return match(id.chopped(7));
    return nullptr;
}

Result<StaticModelList> StaticModelCatalog::parse(const QByteArray &json)
{
    const Json root = Json::parse(json.constData(), json.constData() + json.size(), nullptr, false);
    if (!root.is_object() || !root.contains("models") || !root["models"].is_array())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("a model catalogue must be an object with a \"models\" array"));
    StaticModelList list;
    list.source = str(root, "source");
    list.listWithoutDiscovery = flag(root, "listWithoutDiscovery", true);
    list.listAlways = flag(root, "listAlways", false);
    int index = 0;
    for (const Json &entry : root["models"]) {
        Providers::ModelInfo m;
        m.id = entry.is_object() ? str(entry, "id") : QString();
        if (m.id.isEmpty())
            return fail(ErrorCode::InvalidArgument, QStringLiteral("models[%1] has no \"id\"").arg(index));
        m.type = Providers::ModelInfo::typeFromName(str(entry, "type"));
        if (m.type == Providers::ModelInfo::Type::Unknown)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("model \"%1\" needs a \"type\" of chat, embedding or image").arg(m.id));
        m.contextLength = positive(entry, "contextLength");
        m.maxOutputTokens = positive(entry, "maxOutputTokens");
        if (const auto inputs = entry.find("inputModalities"); inputs != entry.end() && inputs->is_array())
            for (const Json &modality : *inputs)
                if (modality.is_string())
                    m.inputModalities.append(QString::fromStdString(modality.get<std::string>()));
        if (list.find(m.id))
            return fail(ErrorCode::InvalidArgument, QStringLiteral("model \"%1\" is listed twice").arg(m.id));
        list.models.append(m);
        ++index;
    }
    return list;
}

const StaticModelList &StaticModelCatalog::forKind(Providers::ProviderKind kind)
{
    // Built once on first use (thread-safe static initialisation), then read-only.
    static const QHash<int, StaticModelList> lists = [] {
        registerBuiltInCatalogue();
        QHash<int, StaticModelList> all;
        for (const Providers::ProviderKind k : Providers::ProviderKinds::all())
            all.insert(int(k), load(k));
        return all;
    }();
    static const StaticModelList none;
    const auto it = lists.constFind(int(kind));
    return it != lists.constEnd() ? *it : none;
}

} // namespace AiHub::Hub
