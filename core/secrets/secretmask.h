// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QString>

namespace AiHub::Secrets {

// How a credential may be shown (UI, logs, API answers): enough to recognise it, never enough to use it.
class SecretMask final {
public:
    // 12 characters or more: the first 4 and the last 4 with "…" between ("sk-p…x9Qz").
    // Shorter: "…" plus at most the last 2 (8–11 characters: 2, 4–7: 1, fewer: none). Empty stays empty.
    // Counts Unicode code points, so a character is never cut in half.
    static QString mask(const QString &secret);
};

} // namespace AiHub::Secrets
