// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/support/testhub.h"
#include "ui/pages/accesskeyspage.h"
#include "ui/widgets/messagebanner.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Ui;

namespace {
HubContext contextFor(Testing::TestHub &hub)
{
    HubContext context;
    context.database = hub.database();
    context.secrets = hub.secrets();
    context.keys = &hub.keys();
    return context;
}
} // namespace

class TestAccessKeysPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void create_showsTheSecretOnceAndItAuthenticates()
    {
        Testing::TestHub hub;
        AccessKeysPage page;
        page.setContext(contextFor(hub));
        auto *name = page.findChild<QLineEdit *>(QStringLiteral("keyNameField"));
        auto *role = page.findChild<QComboBox *>(QStringLiteral("roleCombo"));
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("createButton"))->isEnabled());
        QTest::keyClicks(name, QStringLiteral("laptop"));
        role->setCurrentIndex(role->findData(QStringLiteral("admin")));
        page.findChild<QPushButton *>(QStringLiteral("createButton"))->click();

        const QString token = page.shownSecret();
        QVERIFY(token.startsWith(QStringLiteral("ahk_")));
        auto verified = hub.keys().verify(token.toUtf8());
        QVERIFY(verified);
        QCOMPARE(verified->name, QStringLiteral("laptop"));
        QCOMPARE(verified->role, Access::Role::Admin);

        page.findChild<QPushButton *>(QStringLiteral("copySecretButton"))->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), token);

        auto *table = page.findChild<QTableWidget *>(QStringLiteral("keyTable"));
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("laptop"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Admin"));
        for (int c = 0; c < table->columnCount(); ++c)
            QVERIFY(!table->item(0, c)->text().contains(token.mid(17)));

        page.findChild<QPushButton *>(QStringLiteral("dismissSecretButton"))->click();
        QVERIFY(page.shownSecret().isEmpty()); // gone for good
    }

    void create_duplicateOrBadName_explainsWhy()
    {
        Testing::TestHub hub;
        hub.createKey(QStringLiteral("ci"));
        AccessKeysPage page;
        page.setContext(contextFor(hub));
        auto *name = page.findChild<QLineEdit *>(QStringLiteral("keyNameField"));
        auto *banner = page.findChild<MessageBanner *>(QStringLiteral("messageBanner"));
        name->setText(QStringLiteral("ci"));
        page.createKey();
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY(banner->text().startsWith(QStringLiteral("The key was not created")));
        QVERIFY(page.shownSecret().isEmpty());
        name->setText(QStringLiteral("has space"));
        page.createKey();
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QCOMPARE(hub.keys().list(true)->size(), 1);
    }

    void revoke_afterConfirmation_stopsTheKey()
    {
        Testing::TestHub hub;
        const QByteArray token = hub.createKey(QStringLiteral("old-app"));
        AccessKeysPage page;
        page.show();
        page.setContext(contextFor(hub));
        page.selectKey(QStringLiteral("old-app"));
        page.findChild<QPushButton *>(QStringLiteral("revokeButton"))->click();
        auto *box = page.findChild<QMessageBox *>(QStringLiteral("revokeConfirmation"));
        QVERIFY(box);
        box->button(QMessageBox::Cancel)->click();
        QVERIFY(hub.keys().verify(token));

        page.selectKey(QStringLiteral("old-app"));
        page.revokeKey();
        box = page.findChild<QMessageBox *>(QStringLiteral("revokeConfirmation"));
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
        QTRY_VERIFY(!hub.keys().verify(token));
        auto *table = page.findChild<QTableWidget *>(QStringLiteral("keyTable"));
        QCOMPARE(table->rowCount(), 0);
        page.findChild<QCheckBox *>(QStringLiteral("showRevokedCheck"))->setChecked(true);
        QCOMPARE(table->rowCount(), 1);
        QVERIFY(table->item(0, 5)->text().startsWith(QStringLiteral("Revoked")));
    }
};

QTEST_MAIN(TestAccessKeysPage)
#include "tst_accesskeyspage.moc"
