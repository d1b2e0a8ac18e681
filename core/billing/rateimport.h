// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/billing/rate.h"
#include "core/common/result.h"

#include <QByteArray>
#include <QList>

namespace AiHub::Billing {

class RateBook;

struct RateChange {
    enum class Kind { Added, Changed, Unchanged };
    Kind kind = Kind::Added;
    std::optional<Rate> before;
    Rate after;
};

// Bulk rates from a price list, shown as a diff before they are applied.
//   JSON: [{"provider":"openai","model":"gpt-4o","type":"chat","input":"2.5","output":"10",
//           "cacheRead":"1.25","cacheWrite":"3.125","variant":""}, ...] or {"rates":[...]}.
//     "model":"openai/gpt-4o" may stand for both. Decimals must be strings (JSON numbers are binary floats);
//     whole numbers may be numbers.
//   CSV: a header naming the columns provider,model,type,input,output,cache_read,cache_write,variant (any order;
//     provider may be left out when model is "provider/model"; type defaults to chat).
// Rates are credits per 1M tokens, per image for image output.
class RateImport final {
public:
    [[nodiscard]] static Result<QList<Rate>> parseJson(const QByteArray &json);
    [[nodiscard]] static Result<QList<Rate>> parseCsv(const QByteArray &csv);
    // By the file's extension (.json or .csv).
    [[nodiscard]] static Result<QList<Rate>> readFile(const QString &path);

    [[nodiscard]] static Result<QList<RateChange>> diff(const RateBook &book, const QList<Rate> &rates);
    // One line per added or changed rate ("+ ..." / "~ ... a -> b"), then a summary line.
    static QString format(const QList<RateChange> &changes);
    // All rates in one transaction: either every one is applied or none.
    [[nodiscard]] static Status apply(RateBook &book, const QList<Rate> &rates);
};

} // namespace AiHub::Billing
