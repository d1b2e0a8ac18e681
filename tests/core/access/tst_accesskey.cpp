// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/access/accesskey.h"

#include <QTest>

using namespace AiHub::Access;
using namespace Qt::StringLiterals;

class TestAccessKey final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roleNames_roundTrip()
    {
        for (Role role : { Role::Admin, Role::User })
            QCOMPARE(parseRole(roleName(role)), role);
        QCOMPARE(roleName(Role::Admin), u"admin"_s);
        QCOMPARE(roleName(Role::User), u"user"_s);
    }
    void parseRole_unknownOrWrongCase_isEmpty()
    {
        QVERIFY(!parseRole(u"Admin").has_value());
        QVERIFY(!parseRole(u"root").has_value());
        QVERIFY(!parseRole(u"").has_value());
    }
    void isRevoked_followsRevokedAt()
    {
        AccessKeyInfo info;
        QVERIFY(!info.isRevoked());
        info.revokedAtMs = 1;
        QVERIFY(info.isRevoked());
    }
};

QTEST_GUILESS_MAIN(TestAccessKey)
#include "tst_accesskey.moc"
