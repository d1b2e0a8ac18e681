// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/billing/rateimport.h"

#include "core/billing/ratebook.h"
#include "core/storage/transaction.h"

#include <QFile>
#include <QSet>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;

namespace AiHub::Billing {

namespace {
std::unexpected<Error> bad(const QString &where, const QString &what)
{
    return fail(ErrorCode::InvalidArgument, u"%1: %2"_s.arg(where, what));
}

// Fills provider/model from "provider/model" when no provider was given, checks the type.
Status finish(Rate &rate, const QString &typeText, const QString &where)
{
    if (rate.provider.isEmpty()) {
        const qsizetype slash = rate.model.indexOf(u'/');
        if (slash <= 0)
            return bad(where, u"name the provider (a provider field, or model as \"provider/model\")"_s);
        rate.provider = rate.model.left(slash);
        rate.model = rate.model.mid(slash + 1);
    }
    if (rate.model.isEmpty())
        return bad(where, u"the model is missing"_s);
    const auto type = parseRateType(typeText.isEmpty() ? u"chat"_s : typeText);
    if (!type)
        return bad(where, u"the type must be chat, embedding or image, not \"%1\""_s.arg(typeText));
    rate.type = *type;
    return {};
}

// Refused while parsing, with the rate named, rather than only when the whole import is applied.
Status checkNotNegative(const Rate &rate, const QString &where)
{
    for (const std::optional<Credits> &amount :
         { std::optional(rate.input), std::optional(rate.output), rate.cacheRead, rate.cacheWrite }) {
        if (amount && amount->isNegative())
            return bad(where, u"rates cannot be negative (%1)"_s.arg(amount->toString()));
    }
    return {};
}

Result<std::optional<Credits>> jsonAmount(const nlohmann::json &object, std::initializer_list<const char *> keys,
                                          const QString &where)
{
    for (const char *key : keys) {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null())
            continue;
        if (it->is_string()) {
            auto amount = Credits::parse(QString::fromStdString(it->get<std::string>()));
            if (!amount)
                return bad(where, amount.error().message);
            return std::optional<Credits>(*amount);
        }
        if (it->is_number_integer())
            return std::optional<Credits>(Credits::fromWhole(it->get<qint64>()));
        return bad(where, u"write \"%1\" as a string such as \"0.15\" so it stays exact"_s.arg(QLatin1StringView(key)));
    }
    return std::optional<Credits>();
}

QString jsonText(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

QString describe(const Rate &r)
{
    QString out = u"input %1, output %2"_s.arg(r.input.toString(), r.output.toString());
    if (r.type == RateType::Image)
        out = u"input %1, per image %2"_s.arg(r.input.toString(), r.output.toString());
    if (r.type == RateType::Embedding)
        out = u"input %1"_s.arg(r.input.toString());
    if (r.cacheRead)
        out += u", cache read %1"_s.arg(r.cacheRead->toString());
    if (r.cacheWrite)
        out += u", cache write %1"_s.arg(r.cacheWrite->toString());
    return out;
}
} // namespace

Result<QList<Rate>> RateImport::parseJson(const QByteArray &json)
{
    const auto root = nlohmann::json::parse(json.constData(), json.constData() + json.size(), nullptr, false);
    if (root.is_discarded())
        return fail(ErrorCode::InvalidArgument, u"The rates file is not valid JSON."_s);
    const nlohmann::json *list = &root;
    if (root.is_object() && root.contains("rates"))
        list = &root["rates"];
    if (!list->is_array())
        return fail(ErrorCode::InvalidArgument, u"The rates file must hold a JSON array of rates, or {\"rates\": [...]}."_s);
    QList<Rate> rates;
    int index = 0;
    for (const auto &item : *list) {
        const QString where = u"rate %1"_s.arg(++index);
        if (!item.is_object())
            return bad(where, u"each rate must be a JSON object"_s);
        Rate rate;
        rate.provider = jsonText(item, "provider");
        rate.model = jsonText(item, "model");
        rate.variant = jsonText(item, "variant");
        if (Status done = finish(rate, jsonText(item, "type"), where); !done)
            return fail(done.error());
        auto input = jsonAmount(item, { "input", "inputRate" }, where);
        auto output = jsonAmount(item, { "output", "outputRate" }, where);
        auto read = jsonAmount(item, { "cacheRead", "cache_read" }, where);
        auto write = jsonAmount(item, { "cacheWrite", "cache_write" }, where);
        for (const auto *amount : { &input, &output, &read, &write })
            if (!*amount)
                return fail(amount->error());
        rate.input = input->value_or(Credits());
        rate.output = output->value_or(Credits());
        rate.cacheRead = *read;
        rate.cacheWrite = *write;
        if (Status sane = checkNotNegative(rate, where); !sane)
            return fail(sane.error());
        rates.append(rate);
    }
    return rates;
}

Result<QList<Rate>> RateImport::parseCsv(const QByteArray &csv)
{
    const QStringList lines = QString::fromUtf8(csv).split(u'\n');
    QStringList header;
    QList<Rate> rates;
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString line = lines[n].trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        QStringList cells = line.split(u',');
        for (QString &cell : cells) {
            cell = cell.trimmed();
            if (cell.size() >= 2 && cell.startsWith(u'"') && cell.endsWith(u'"'))
                cell = cell.mid(1, cell.size() - 2);
        }
        if (header.isEmpty()) {
            header = cells;
            if (!header.contains(u"model"_s))
                return fail(ErrorCode::InvalidArgument,
                            u"The CSV rates file needs a header line naming its columns, with at least model, "
                            "input and output (also provider, type, cache_read, cache_write, variant)."_s);
            continue;
        }
        const QString where = u"line %1"_s.arg(n + 1);
        if (cells.size() != header.size())
            return bad(where, u"it has %1 cells but the header names %2"_s.arg(cells.size()).arg(header.size()));
        auto cell = [&](const QString &name) { return cells.value(header.indexOf(name)); };
        Rate rate;
        rate.provider = cell(u"provider"_s);
        rate.model = cell(u"model"_s);
        rate.variant = cell(u"variant"_s);
        if (Status done = finish(rate, cell(u"type"_s), where); !done)
            return fail(done.error());
        for (const auto &[name, target] : { std::pair { u"input"_s, &rate.input }, std::pair { u"output"_s, &rate.output } }) {
            const QString text = cell(name);
            if (text.isEmpty())
                continue;
            auto amount = Credits::parse(text);
            if (!amount)
                return bad(where, amount.error().message);
            *target = *amount;
        }
        for (const auto &[name, target] : { std::pair { u"cache_read"_s, &rate.cacheRead },
                                            std::pair { u"cache_write"_s, &rate.cacheWrite } }) {
            const QString text = cell(name);
            if (text.isEmpty())
                continue;
            auto amount = Credits::parse(text);
            if (!amount)
                return bad(where, amount.error().message);
            *target = *amount;
        }
        if (Status sane = checkNotNegative(rate, where); !sane)
            return fail(sane.error());
        rates.append(rate);
    }
    if (header.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"The CSV rates file is empty."_s);
    return rates;
}

Result<QList<Rate>> RateImport::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::NotFound, u"Cannot read the rates file %1: %2."_s.arg(path, file.errorString()));
    const QByteArray data = file.readAll();
    if (path.endsWith(u".csv"_s, Qt::CaseInsensitive))
        return parseCsv(data);
    if (path.endsWith(u".json"_s, Qt::CaseInsensitive))
        return parseJson(data);
    return fail(ErrorCode::InvalidArgument, u"The rates file must end in .json or .csv: %1."_s.arg(path));
}

Result<QList<RateChange>> RateImport::diff(const RateBook &book, const QList<Rate> &rates)
{
    QList<RateChange> changes;
    QSet<QString> seen;
    for (const Rate &rate : rates) {
        const QString key = rate.key();
        if (seen.contains(key))
            return fail(ErrorCode::InvalidArgument, u"The rates file names %1 twice."_s.arg(key));
        seen.insert(key);
        auto current = book.find(rate.provider, rate.model, rate.type, rate.variant);
        if (!current)
            return fail(current.error());
        RateChange change;
        change.after = rate;
        // find() falls back to the variant-less rate; only an exact variant counts as "the same rate".
        if (*current && (*current)->variant == rate.variant) {
            change.before = **current;
            change.kind = (*current)->samePrices(rate) ? RateChange::Kind::Unchanged : RateChange::Kind::Changed;
        }
        changes.append(change);
    }
    return changes;
}

QString RateImport::format(const QList<RateChange> &changes)
{
    QString out;
    int added = 0, changed = 0, unchanged = 0;
    for (const RateChange &c : changes) {
        switch (c.kind) {
        case RateChange::Kind::Added:
            ++added;
            out += u"+ %1: %2\n"_s.arg(c.after.key(), describe(c.after));
            break;
        case RateChange::Kind::Changed:
            ++changed;
            out += u"~ %1: %2 -> %3\n"_s.arg(c.after.key(), describe(*c.before), describe(c.after));
            break;
        case RateChange::Kind::Unchanged:
            ++unchanged;
            break;
        }
    }
    out += u"%1 new, %2 changed, %3 unchanged (credits per 1M tokens; per image for images)"_s.arg(added).arg(changed).arg(
        unchanged);
    return out;
}

Status RateImport::apply(RateBook &book, const QList<Rate> &rates)
{
    auto transaction = Storage::Transaction::begin(book.database());
    if (!transaction)
        return fail(transaction.error());
    for (const Rate &rate : rates)
        if (auto stored = book.setIn(transaction->connection(), rate, u"import"_s); !stored)
            return fail(stored.error());
    return transaction->commit();
}

} // namespace AiHub::Billing
