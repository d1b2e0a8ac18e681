// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/playground/cosinesimilarity.h"

#include <algorithm>
#include <cmath>

namespace AiHub::Ui {

std::optional<double> CosineSimilarity::of(const QList<float> &a, const QList<float> &b)
{
    if (a.size() != b.size() || a.isEmpty())
        return std::nullopt;
    // Accumulate in double: float sums over 3,072 dimensions lose digits the table shows.
    double dot = 0, na = 0, nb = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * double(b[i]);
        na += double(a[i]) * double(a[i]);
        nb += double(b[i]) * double(b[i]);
    }
    if (na <= 0 || nb <= 0 || !std::isfinite(dot) || !std::isfinite(na) || !std::isfinite(nb))
        return std::nullopt;
    return std::clamp(dot / (std::sqrt(na) * std::sqrt(nb)), -1.0, 1.0);
}

Result<QList<QList<std::optional<double>>>> CosineSimilarity::matrix(const QList<QList<float>> &vectors)
{
    for (qsizetype i = 1; i < vectors.size(); ++i) {
        if (vectors[i].size() != vectors[0].size())
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("Vector %1 has %2 dimensions but vector 1 has %3; they cannot be compared.")
                            .arg(i + 1)
                            .arg(vectors[i].size())
                            .arg(vectors[0].size()));
    }
    QList<QList<std::optional<double>>> out(vectors.size(), QList<std::optional<double>>(vectors.size()));
    for (qsizetype i = 0; i < vectors.size(); ++i) {
        for (qsizetype j = i; j < vectors.size(); ++j) {
            const auto value = of(vectors[i], vectors[j]);
            out[i][j] = value;
            out[j][i] = value;
        }
    }
    return out;
}

} // namespace AiHub::Ui
