// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/conversationcharge.h"

#include "core/billing/credits.h"
#include "core/storage/database.h"

#include <QSqlQuery>
#include <QVariant>

namespace AiHub::Hub {

Result<QString> ConversationCharge::forCall(const Storage::Database &database, const QString &requestId,
                                            qint64 notBeforeMs)
{
    if (requestId.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the hub did not name the call"));
    QSqlQuery q(database.connection());
    q.prepare(QStringLiteral("SELECT credits FROM usage_records WHERE created_at >= ? AND request_id = ? "
                             "ORDER BY id DESC LIMIT 1"));
    q.addBindValue(notBeforeMs);
    q.addBindValue(requestId);
    if (!q.exec())
        return fail(database.error(q.lastError(), QStringLiteral("cannot read the call's usage record")));
    if (!q.next())
        return fail(ErrorCode::NotFound, QStringLiteral("the call's usage record is not written yet"));
    return Billing::Credits::fromNanos(q.isNull(0) ? 0 : q.value(0).toLongLong()).toString();
}

} // namespace AiHub::Hub
