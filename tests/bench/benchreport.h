// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "tests/bench/benchfigures.h"
#include "tests/bench/benchoptions.h"
#include "tests/bench/resulttable.h"

#include <QJsonObject>

namespace AiHub::Bench {

// Turns the raw figures into the table (medians, targets, by how much a target is missed) and the JSON file.
class BenchReport final {
public:
    // The targets.
    static constexpr double maxAddedP50Ms = 0.05;
    static constexpr double minShareOfNginxPercent = 50;
    static constexpr double maxPeakRssMb = 40;

    static void fill(ResultTable &table, const BenchFigures &figures, const BenchOptions &options, bool haveNginx);
    [[nodiscard]] static Status writeJson(const BenchOptions &options, const ResultTable &table,
                                          const QJsonObject &machine, const QStringList &errors);
};

} // namespace AiHub::Bench
