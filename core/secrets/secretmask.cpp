// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/secrets/secretmask.h"

#include <QList>

namespace AiHub::Secrets {

QString SecretMask::mask(const QString &secret)
{
    const QList<uint> points = secret.toUcs4();
    const qsizetype n = points.size();
    if (n == 0)
        return {};
    const QString ellipsis(QChar(0x2026));
    const auto text = [&points](qsizetype from, qsizetype count) {
        return QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData() + from), count);
    };
    if (n >= 12)
        return text(0, 4) + ellipsis + text(n - 4, 4);
    // Short secrets show a tail of at most a quarter of their length, so a guess never gets far.
    const qsizetype tail = n >= 8 ? 2 : (n >= 4 ? 1 : 0);
    return ellipsis + text(n - tail, tail);
}

} // namespace AiHub::Secrets
