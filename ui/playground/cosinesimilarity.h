// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"

#include <QList>

#include <optional>

namespace AiHub::Ui {

// Cosine similarity of embedding vectors, for the playground's embeddings tab.
class CosineSimilarity final {
public:
    // dot(a, b) / (|a| |b|), in [-1, 1]. Empty when a vector is all zeros (no direction) or the lengths differ.
    static std::optional<double> of(const QList<float> &a, const QList<float> &b);
    // The symmetric n x n matrix for n vectors (1 on the diagonal). Fails, saying which, when the vectors do not
    // all have the same dimension; a zero vector's row and column are empty.
    [[nodiscard]] static Result<QList<QList<std::optional<double>>>> matrix(const QList<QList<float>> &vectors);
};

} // namespace AiHub::Ui
