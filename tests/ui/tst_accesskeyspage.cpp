// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/billing/ledger.h"
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
#include <QSignalSpy>
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
        QVERIFY(table->item(0, AccessKeysPage::StateColumn)->text().startsWith(QStringLiteral("Revoked")));
    }

    void create_showsTheChosenRole()
    {
        Testing::TestHub hub;
        AccessKeysPage page;
        page.setContext(contextFor(hub));
        page.findChild<QLineEdit *>(QStringLiteral("keyNameField"))->setText(QStringLiteral("ci"));
        page.createKey(); // the role defaults to User
        auto *banner = page.findChild<MessageBanner *>(QStringLiteral("messageBanner"));
        QVERIFY2(banner->text().contains(QStringLiteral("User role")), qPrintable(banner->text()));
        QCOMPARE(hub.keys().verify(page.shownSecret().toUtf8())->role, Access::Role::User);
        auto *table = page.findChild<QTableWidget *>(QStringLiteral("keyTable"));
        QCOMPARE(table->item(0, AccessKeysPage::RoleColumn)->text(), QStringLiteral("User"));
    }

    void balance_isShownPerKey()
    {
        Testing::TestHub hub;
        hub.createKey(QStringLiteral("alice"));
        hub.createKey(QStringLiteral("bob"));
        Billing::Ledger ledger(hub.database());
        QVERIFY(ledger.post(QStringLiteral("alice"), Billing::EntryKind::Topup, *Billing::Credits::parse(u"12.5"),
                            QStringLiteral("test")));
        AccessKeysPage page;
        page.setContext(contextFor(hub));
        auto *table = page.findChild<QTableWidget *>(QStringLiteral("keyTable"));
        QCOMPARE(table->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            const QString name = table->item(row, AccessKeysPage::NameColumn)->text();
            QCOMPARE(table->item(row, AccessKeysPage::BalanceColumn)->text(),
                     name == QStringLiteral("alice") ? QStringLiteral("12.5") : QStringLiteral("0"));
        }
    }

    void grantCredits_addsToTheAccount_andShowsInTheHistory()
    {
        Testing::TestHub hub;
        hub.createKey(QStringLiteral("alice"));
        AccessKeysPage page;
        page.show();
        page.setContext(contextFor(hub));
        auto *grant = page.findChild<QPushButton *>(QStringLiteral("grantButton"));
        QVERIFY(!grant->isEnabled()); // no key selected
        page.selectKey(QStringLiteral("alice"));
        QCOMPARE(page.selectedAccount(), QStringLiteral("alice"));
        auto *amount = page.findChild<QLineEdit *>(QStringLiteral("grantAmountField"));
        QTest::keyClicks(amount, QStringLiteral("25"));
        page.findChild<QLineEdit *>(QStringLiteral("grantNoteField"))->setText(QStringLiteral("welcome"));
        QVERIFY(grant->isEnabled());
        QSignalSpy granted(&page, &AccessKeysPage::creditsGranted);
        grant->click();
        QCOMPARE(granted.size(), 1);

        auto balance = Billing::Ledger(hub.database()).balance(QStringLiteral("alice"));
        QVERIFY(balance);
        QCOMPARE(balance->balance.toString(), QStringLiteral("25"));
        auto *table = page.findChild<QTableWidget *>(QStringLiteral("keyTable"));
        QCOMPARE(table->item(0, AccessKeysPage::BalanceColumn)->text(), QStringLiteral("25"));
        QCOMPARE(page.selectedKey(), QStringLiteral("alice")); // still selected after the reload

        auto *history = page.findChild<QTableWidget *>(QStringLiteral("historyTable"));
        QCOMPARE(history->rowCount(), 1);
        QCOMPARE(history->item(0, AccessKeysPage::AmountColumn)->text(), QStringLiteral("25"));
        QCOMPARE(history->item(0, AccessKeysPage::KindColumn)->text(), QStringLiteral("Top-up"));
        QCOMPARE(history->item(0, AccessKeysPage::ReasonColumn)->text(), QStringLiteral("welcome"));
        QVERIFY(amount->text().isEmpty());
    }

    void grantCredits_badAmount_isRefusedAndNothingIsWritten()
    {
        Testing::TestHub hub;
        hub.createKey(QStringLiteral("alice"));
        AccessKeysPage page;
        page.setContext(contextFor(hub));
        page.selectKey(QStringLiteral("alice"));
        auto *amount = page.findChild<QLineEdit *>(QStringLiteral("grantAmountField"));
        auto *banner = page.findChild<MessageBanner *>(QStringLiteral("messageBanner"));
        for (const QString &bad : { QStringLiteral("-5"), QStringLiteral("0"), QStringLiteral("ten"),
                                    QStringLiteral("1.0000000001") }) {
            amount->setText(bad);
            page.grantCredits();
            QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
            QVERIFY2(banner->text().contains(QStringLiteral("Nothing was granted")), qPrintable(banner->text()));
            QCOMPARE(amount->text(), bad); // kept for correcting
        }
        QVERIFY(Billing::Ledger(hub.database()).history(QStringLiteral("alice"))->isEmpty());
    }

    void history_followsTheSelectedKey()
    {
        Testing::TestHub hub;
        hub.createKey(QStringLiteral("alice"));
        hub.createKey(QStringLiteral("bob"));
        Billing::Ledger ledger(hub.database());
        QVERIFY(ledger.post(QStringLiteral("alice"), Billing::EntryKind::Topup, Billing::Credits::fromWhole(5), QStringLiteral("a1")));
        QVERIFY(ledger.post(QStringLiteral("alice"), Billing::EntryKind::Charge, Billing::Credits::fromWhole(-2), QStringLiteral("chat"), QStringLiteral("req-1")));
        QVERIFY(ledger.post(QStringLiteral("bob"), Billing::EntryKind::Topup, Billing::Credits::fromWhole(7), QStringLiteral("b1")));
        AccessKeysPage page;
        page.setContext(contextFor(hub));
        auto *history = page.findChild<QTableWidget *>(QStringLiteral("historyTable"));
        QCOMPARE(history->rowCount(), 0);
        page.selectKey(QStringLiteral("alice"));
        QCOMPARE(history->rowCount(), 2);
        QCOMPARE(history->item(0, AccessKeysPage::AmountColumn)->text(), QStringLiteral("-2")); // newest first
        QCOMPARE(history->item(0, AccessKeysPage::ReasonColumn)->text(), QStringLiteral("chat [req-1]"));
        page.selectKey(QStringLiteral("bob"));
        QCOMPARE(history->rowCount(), 1);
        QCOMPARE(history->item(0, AccessKeysPage::AmountColumn)->text(), QStringLiteral("7"));
    }
};

QTEST_MAIN(TestAccessKeysPage)
#include "tst_accesskeyspage.moc"
