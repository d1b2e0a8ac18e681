// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// The Providers page against the real core: secrets land in the secret store, never in the database file.
#include "core/providers/credentialsecret.h"
#include "core/providers/providerstore.h"
#include "tests/mockupstream/mockupstream.h"
#include "tests/support/testhub.h"
#include "ui/pages/providerdialog.h"
#include "ui/pages/providerspage.h"
#include "ui/widgets/messagebanner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace AiHub;
using namespace AiHub::Ui;

namespace {

const QString kSecret = QStringLiteral("sk-proj-UNIQUEsecretVALUE-0123456789abcdef");

HubContext contextFor(Testing::TestHub &hub)
{
    HubContext context;
    context.database = hub.database();
    context.secrets = hub.secrets();
    context.keys = &hub.keys();
    context.secretStoreDescription = hub.secrets()->description();
    return context;
}

// Everything SQLite wrote for the database: the file and its write-ahead log.
QByteArray databaseBytes(const QString &dir)
{
    QByteArray all;
    const auto files = QDir(dir).entryInfoList({ QStringLiteral("hub.db*") }, QDir::Files);
    for (const QFileInfo &info : files) {
        QFile file(info.filePath());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

QString readSecret(Testing::TestHub &hub, const QString &name)
{
    QString value;
    bool done = false;
    QObject context;
    hub.secrets()->read(name, &context, [&](Result<QByteArray> bytes) {
        if (bytes)
            value = Providers::CredentialSecret::fromBytes(*bytes).value_or(Providers::CredentialSecret {}).primary();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 5000))
        return QStringLiteral("<timeout>");
    return value;
}

void fillAndSave(ProviderDialog *dialog, const QString &kind, const QString &name, const QString &baseUrl,
                 const QString &apiKey)
{
    auto *kindCombo = dialog->findChild<QComboBox *>(QStringLiteral("kindCombo"));
    kindCombo->setCurrentIndex(kindCombo->findData(kind));
    dialog->findChild<QLineEdit *>(QStringLiteral("nameField"))->setText(name);
    dialog->findChild<QLineEdit *>(QStringLiteral("baseUrlField"))->setText(baseUrl);
    dialog->findChild<QLineEdit *>(QStringLiteral("apiKeyField"))->setText(apiKey);
    dialog->findChild<QDialogButtonBox *>(QStringLiteral("dialogButtons"))->button(QDialogButtonBox::Save)->click();
}

QString cell(QTableWidget *table, int row, int column)
{
    return table->item(row, column) ? table->item(row, column)->text() : QString();
}

} // namespace

class TestProvidersPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void withoutHub_buttonsWaitForTheHub()
    {
        ProvidersPage page;
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("addButton"))->isEnabled());
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("secretStoreLabel"))->text().contains(QStringLiteral("Waiting")));
    }

    void addProvider_keepsTheSecretInTheStoreAndNotInTheDatabase()
    {
        Testing::TestHub hub;
        ProvidersPage page;
        page.setContext(contextFor(hub));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("secretStoreLabel"))->text().contains(hub.secrets()->description()));

        page.findChild<QPushButton *>(QStringLiteral("addButton"))->click();
        QVERIFY(page.dialog());
        fillAndSave(page.dialog(), QStringLiteral("openai"), QStringLiteral("work-openai"),
                    QStringLiteral("https://api.example.test/v1"), kSecret);
        QTRY_VERIFY(!page.dialog());

        auto *table = page.findChild<QTableWidget *>(QStringLiteral("providerTable"));
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(cell(table, 0, 0), QStringLiteral("work-openai"));
        QCOMPARE(cell(table, 0, 2), QStringLiteral("https://api.example.test/v1"));
        QCOMPARE(cell(table, 0, 3), QStringLiteral("sk-p…cdef")); // masked
        QVERIFY(!cell(table, 0, 3).contains(kSecret));

        // The secret is in the secret store under the name the database points at...
        auto config = Providers::ProviderStore(hub.database()).find(QStringLiteral("work-openai"));
        QVERIFY(config);
        QCOMPARE(config->credentials.size(), 1);
        const QString ref = config->credentials.constFirst().secretRef;
        QVERIFY(hub.secrets()->contains(ref));
        QCOMPARE(readSecret(hub, ref), kSecret);
        // ...and nowhere in the database file.
        const QByteArray db = databaseBytes(hub.dataDir());
        QVERIFY(!db.isEmpty());
        QVERIFY(db.contains("work-openai"));
        QVERIFY(!db.contains(kSecret.toUtf8()));
    }

    void addProvider_withoutApiKey_saysWhatIsMissingAndSavesNothing()
    {
        Testing::TestHub hub;
        ProvidersPage page;
        page.setContext(contextFor(hub));
        page.addProvider();
        fillAndSave(page.dialog(), QStringLiteral("anthropic"), QStringLiteral("claude"), QString(), QString());
        QVERIFY(page.dialog());
        auto *error = page.dialog()->findChild<QLabel *>(QStringLiteral("errorLabel"));
        QVERIFY(error->isVisibleTo(page.dialog()));
        QVERIFY(error->text().contains(QStringLiteral("API key")));
        QVERIFY(hub.secrets()->names().isEmpty());
        QCOMPARE(Providers::ProviderStore(hub.database()).list()->size(), 0);
    }

    void addProvider_badNameOrDuplicate_keepsTheDialogOpenWithTheHubsMessage()
    {
        Testing::TestHub hub;
        hub.addProvider(Providers::ProviderKind::OpenAI, QStringLiteral("openai"), QUrl(QStringLiteral("http://127.0.0.1:9")));
        ProvidersPage page;
        page.setContext(contextFor(hub));
        const int secretsBefore = int(hub.secrets()->names().size());
        page.addProvider();
        fillAndSave(page.dialog(), QStringLiteral("openai"), QStringLiteral("openai"), QString(), kSecret);
        auto *error = page.dialog()->findChild<QLabel *>(QStringLiteral("errorLabel"));
        QTRY_VERIFY(error->text().contains(QStringLiteral("already exists")));
        fillAndSave(page.dialog(), QStringLiteral("openai"), QStringLiteral("Bad Name"), QString(), kSecret);
        QTRY_VERIFY(error->text().contains(QStringLiteral("not a valid provider name")));
        fillAndSave(page.dialog(), QStringLiteral("openai"), QStringLiteral("other"), QStringLiteral("ftp://x"), kSecret);
        QTRY_VERIFY(error->text().contains(QStringLiteral("http://")));
        QCOMPARE(int(hub.secrets()->names().size()), secretsBefore);
    }

    void addProvider_secretStoreUnavailable_showsTheReasonAndWritesNoRow()
    {
        Testing::TestHub hub;
        hub.secrets()->setUnavailable(true, QStringLiteral("The keyring is locked; unlock it and try again."));
        ProvidersPage page;
        page.setContext(contextFor(hub));
        page.addProvider();
        fillAndSave(page.dialog(), QStringLiteral("openai"), QStringLiteral("openai"), QString(), kSecret);
        auto *error = page.dialog()->findChild<QLabel *>(QStringLiteral("errorLabel"));
        QTRY_VERIFY(error->text().contains(QStringLiteral("keyring is locked")));
        QCOMPARE(Providers::ProviderStore(hub.database()).list()->size(), 0);
    }

    void bedrock_asksForAccessKeyPairAndRegion()
    {
        Testing::TestHub hub;
        ProvidersPage page;
        page.setContext(contextFor(hub));
        page.addProvider();
        ProviderDialog *dialog = page.dialog();
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("kindCombo"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("bedrock")));
        auto field = [dialog](const char *name) { return dialog->findChild<QLineEdit *>(QString::fromLatin1(name)); };
        QVERIFY(field("accessKeyIdField")->isVisibleTo(dialog));
        QVERIFY(field("secretAccessKeyField")->isVisibleTo(dialog));
        QVERIFY(field("sessionTokenField")->isVisibleTo(dialog));
        QVERIFY(field("regionField")->isVisibleTo(dialog));
        QVERIFY(!field("apiKeyField")->isVisibleTo(dialog));

        auto *save = dialog->findChild<QDialogButtonBox *>(QStringLiteral("dialogButtons"))->button(QDialogButtonBox::Save);
        save->click();
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("errorLabel"))->text().contains(QStringLiteral("region")));

        field("regionField")->setText(QStringLiteral("eu-central-1"));
        field("accessKeyIdField")->setText(QStringLiteral("AKIAEXAMPLEKEYID0001"));
        field("secretAccessKeyField")->setText(QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        field("sessionTokenField")->setText(QStringLiteral("FwoGZXIvYXdzEXAMPLETOKEN"));
        save->click();
        QTRY_VERIFY(!page.dialog());

        auto config = Providers::ProviderStore(hub.database()).find(QStringLiteral("bedrock"));
        QVERIFY(config);
        QCOMPARE(config->region, QStringLiteral("eu-central-1"));
        QCOMPARE(config->credentials.constFirst().accessKeyId, QStringLiteral("AKIAEXAMPLEKEYID0001"));
        const QByteArray db = databaseBytes(hub.dataDir());
        QVERIFY(!db.contains("wJalrXUtnFEMI"));
        QVERIFY(!db.contains("FwoGZXIvYXdzEXAMPLETOKEN"));
        auto *table = page.findChild<QTableWidget *>(QStringLiteral("providerTable"));
        QVERIFY(cell(table, 0, 3).startsWith(QStringLiteral("AKIAEXAMPLEKEYID0001 wJal…")));
    }

    void edit_changesSettingsAndReplacesTheSecret()
    {
        Testing::TestHub hub;
        ProvidersPage page;
        page.setContext(contextFor(hub));
        page.addProvider();
        fillAndSave(page.dialog(), QStringLiteral("openai"), QStringLiteral("openai"), QString(), kSecret);
        QTRY_VERIFY(!page.dialog());
        const QString oldRef = Providers::ProviderStore(hub.database()).find(QStringLiteral("openai"))->credentials.constFirst().secretRef;

        page.selectProvider(QStringLiteral("openai"));
        page.findChild<QPushButton *>(QStringLiteral("editButton"))->click();
        QVERIFY(page.dialog() && page.dialog()->isEditing());
        page.dialog()->findChild<QLineEdit *>(QStringLiteral("baseUrlField"))->setText(QStringLiteral("http://10.0.0.2:8080/v1"));
        page.dialog()->findChild<QCheckBox *>(QStringLiteral("enabledCheck"))->setChecked(false);
        page.dialog()->findChild<QLineEdit *>(QStringLiteral("apiKeyField"))->setText(QStringLiteral("sk-new-SECOND-key-99887766"));
        page.dialog()->findChild<QDialogButtonBox *>(QStringLiteral("dialogButtons"))->button(QDialogButtonBox::Save)->click();
        QTRY_VERIFY(!page.dialog());

        auto config = Providers::ProviderStore(hub.database()).find(QStringLiteral("openai"));
        QCOMPARE(config->baseUrl, QStringLiteral("http://10.0.0.2:8080/v1"));
        QVERIFY(!config->enabled);
        QCOMPARE(config->credentials.size(), 1);
        const QString newRef = config->credentials.constFirst().secretRef;
        QVERIFY(newRef != oldRef);
        QTRY_VERIFY(!hub.secrets()->contains(oldRef)); // the replaced secret is deleted
        QCOMPARE(readSecret(hub, newRef), QStringLiteral("sk-new-SECOND-key-99887766"));
        auto *table = page.findChild<QTableWidget *>(QStringLiteral("providerTable"));
        QCOMPARE(cell(table, 0, 4), QStringLiteral("No"));
    }

    void remove_deletesRowsAndSecretsAfterConfirmation()
    {
        Testing::TestHub hub;
        ProvidersPage page;
        page.show();
        page.setContext(contextFor(hub));
        page.addProvider();
        fillAndSave(page.dialog(), QStringLiteral("openai"), QStringLiteral("openai"), QString(), kSecret);
        QTRY_VERIFY(!page.dialog());
        QCOMPARE(hub.secrets()->names().size(), 1);

        page.selectProvider(QStringLiteral("openai"));
        page.findChild<QPushButton *>(QStringLiteral("removeButton"))->click();
        auto *box = page.findChild<QMessageBox *>(QStringLiteral("removeConfirmation"));
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
        QTRY_COMPARE(page.findChild<QTableWidget *>(QStringLiteral("providerTable"))->rowCount(), 0);
        QTRY_VERIFY(hub.secrets()->names().isEmpty());
        QCOMPARE(Providers::ProviderStore(hub.database()).list()->size(), 0);
    }

    void testConnection_reportsSuccessAndProviderErrors()
    {
        Testing::TestHub hub;
        Testing::MockUpstream upstream;
        QVERIFY(upstream.listen());
        ProvidersPage page;
        page.setContext(contextFor(hub));
        page.addProvider();
        fillAndSave(page.dialog(), QStringLiteral("openai"), QStringLiteral("mock"), upstream.baseUrl().toString(), kSecret);
        QTRY_VERIFY(!page.dialog());
        page.selectProvider(QStringLiteral("mock"));

        QSignalSpy finished(&page, &ProvidersPage::testFinished);
        page.findChild<QPushButton *>(QStringLiteral("testButton"))->click();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(upstream.lastRequest().header("authorization").contains(kSecret.toUtf8()));
        auto *banner = page.findChild<MessageBanner *>(QStringLiteral("messageBanner"));
        QCOMPARE(banner->kind(), MessageBanner::Kind::Success);

        upstream.setOpenAiDefaultsEnabled(false);
        upstream.addRoute("GET", upstream.apiPrefix() + "/models",
                          Testing::MockResponse::json(401, R"({"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}})"));
        page.testProvider();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(1).at(0).toBool(), false);
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY(banner->text().contains(QStringLiteral("Check the base URL")));
    }
};

QTEST_MAIN(TestProvidersPage)
#include "tst_providerspage.moc"
