// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// Renders the window and each page to PNG files under <build>/screenshots/ so the look can be reviewed.
#include "core/billing/billingsettings.h"
#include "core/billing/ledger.h"
#include "core/billing/ratebook.h"
#include "core/hub/conversationstore.h"
#include "core/usage/usagerecord.h"
#include "tests/support/testhub.h"
#include "ui/hubpages.h"
#include "ui/languageloader.h"
#include "ui/mainwindow.h"
#include "ui/theme.h"
#include "ui/widgets/rateimportdialog.h"
#include "ui/pages/accesskeyspage.h"
#include "ui/pages/playgroundpage.h"
#include "ui/pages/ratespage.h"
#include "ui/pages/usagepage.h"

#include <QDateTime>
#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AiHub::Ui;

namespace {

const QString kUrl = QStringLiteral("http://127.0.0.1:8878");
const QString kDataDir = QStringLiteral("/home/ada/.local/share/aigne/aigne-hub");
const QString kSecrets = QStringLiteral("Secrets are kept in the OS keychain (Secret Service).");

QString screenshotDir()
{
    return QStringLiteral(AIHUB_BINARY_DIR "/screenshots");
}

// Saves a grab of widget and checks it is a real picture, not an empty or single-colour image.
void saveGrab(QWidget *widget, const QString &name)
{
    // Let pending layout requests (e.g. after a label's text changed) settle first.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    const QPixmap pixmap = widget->grab();
    QVERIFY(!pixmap.isNull());
    QCOMPARE(pixmap.size(), widget->size());
    const QString path = screenshotDir() + u'/' + name + QStringLiteral(".png");
    QVERIFY2(pixmap.save(path), qPrintable(path));

    const QImage image(path);
    QCOMPARE(image.size(), widget->size());
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 8, qPrintable(QStringLiteral("%1 looks blank").arg(path)));
}

AiHub::Billing::Rate rate(const char *provider, const char *model, AiHub::Billing::RateType type, const char *input,
                          const char *output)
{
    AiHub::Billing::Rate r;
    r.provider = QString::fromLatin1(provider);
    r.model = QString::fromLatin1(model);
    r.type = type;
    r.input = *AiHub::Billing::Credits::parse(QString::fromLatin1(input));
    r.output = *AiHub::Billing::Credits::parse(QString::fromLatin1(output));
    return r;
}

void showWindow(MainWindow &window)
{
    window.resize(960, 680);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
}

} // namespace

class TestScreenshots : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(QDir().mkpath(screenshotDir())); }

    void window_running()
    {
        MainWindow window;
        showWindow(window);
        window.setDataDirectory(kDataDir);
        window.setSecretStoreDescription(kSecrets);
        window.setServerRunning(kUrl);
        saveGrab(&window, QStringLiteral("mainwindow-running"));
    }

    void window_starting()
    {
        MainWindow window;
        showWindow(window);
        window.setDataDirectory(kDataDir);
        saveGrab(&window, QStringLiteral("mainwindow-starting"));
    }

    void window_failed()
    {
        MainWindow window;
        showWindow(window);
        window.setDataDirectory(kDataDir);
        window.setSecretStoreDescription(kSecrets);
        window.setServerFailed(QStringLiteral("The hub cannot listen on 127.0.0.1:8878: The bound address is already "
                                              "in use. Choose another address or port with --listen."));
        saveGrab(&window, QStringLiteral("mainwindow-failed"));
    }

    void window_small()
    {
        MainWindow window;
        window.resize(window.minimumSize());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setDataDirectory(kDataDir);
        window.setSecretStoreDescription(kSecrets);
        window.setServerRunning(kUrl);
        saveGrab(&window, QStringLiteral("mainwindow-minimum-size"));
    }

    void window_chinese()
    {
        LanguageLoader loader;
        QVERIFY(loader.install(QStringLiteral("zh_CN")));
        MainWindow window;
        showWindow(window);
        window.setDataDirectory(kDataDir);
        window.setSecretStoreDescription(kSecrets);
        window.setServerRunning(kUrl);
        saveGrab(&window, QStringLiteral("mainwindow-running-zh_CN"));
    }

    void window_dark()
    {
        Theme::apply(Theme::Mode::Dark);
        MainWindow window;
        showWindow(window);
        window.setDataDirectory(kDataDir);
        window.setSecretStoreDescription(kSecrets);
        window.setServerRunning(kUrl);
        saveGrab(&window, QStringLiteral("mainwindow-running-dark"));
        Theme::apply(Theme::Mode::System);
    }

    void rateImportDialog()
    {
        using AiHub::Billing::RateChange;
        using AiHub::Billing::RateType;
        QList<RateChange> changes;
        RateChange added;
        added.after = rate("openai", "o3", RateType::Chat, "2000", "8000");
        changes.append(added);
        RateChange changed;
        changed.kind = RateChange::Kind::Changed;
        changed.before = rate("openai", "gpt-4o", RateType::Chat, "2500", "10000");
        changed.after = rate("openai", "gpt-4o", RateType::Chat, "2500", "12000");
        changes.append(changed);
        RateChange same;
        same.kind = RateChange::Kind::Unchanged;
        same.before = same.after = rate("openai", "gpt-4o-mini", RateType::Chat, "150", "600");
        changes.append(same);
        RateImportDialog dialog(QStringLiteral("/home/ada/prices.csv"), changes,
                                { rate("anthropic", "claude-sonnet-4", RateType::Chat, "3000", "15000") });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        saveGrab(&dialog, QStringLiteral("dialog-rate-import"));
    }

    void everyPage()
    {
        // A hub with some content, so the pages show what they look like in use.
        AiHub::Testing::TestHub hub;
        hub.addProvider(AiHub::Providers::ProviderKind::OpenAI, QStringLiteral("openai"),
                        QUrl(QStringLiteral("https://api.openai.com/v1")), QStringLiteral("sk-proj-abcdefghijklmnop1234"));
        hub.addProvider(AiHub::Providers::ProviderKind::Anthropic, QStringLiteral("anthropic"),
                        QUrl(QStringLiteral("https://api.anthropic.com")), QStringLiteral("sk-ant-api03-abcdefghijkl9876"));
        hub.createKey(QStringLiteral("laptop"));
        hub.createKey(QStringLiteral("ci-pipeline"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 240; ++i) {
            AiHub::Usage::UsageRecord r;
            r.requestId = QStringLiteral("req-%1").arg(i);
            r.createdAtMs = now - qint64(i) * 6 * 60 * 1000;
            r.keyName = i % 3 ? QStringLiteral("laptop") : QStringLiteral("ci-pipeline");
            r.provider = i % 4 ? QStringLiteral("openai") : QStringLiteral("anthropic");
            r.model = i % 4 ? QStringLiteral("gpt-4o-mini") : QStringLiteral("claude-sonnet-4");
            r.httpStatus = i % 29 ? 200 : 502;
            r.durationMs = 300 + (i * 37) % 900;
            r.inputTokens = 100 + (i * 13) % 400;
            r.outputTokens = 200 + (i * 7) % 600;
            hub.usage().record(r);
        }
        QVERIFY(hub.usage().flush());
        using AiHub::Billing::RateType;
        AiHub::Billing::RateBook rates(hub.database());
        for (const auto &r : { rate("openai", "gpt-4o", RateType::Chat, "2500", "10000"),
                               rate("openai", "gpt-4o-mini", RateType::Chat, "150", "600"),
                               rate("anthropic", "claude-sonnet-4", RateType::Chat, "3000", "15000"),
                               rate("openai", "dall-e-3", RateType::Image, "0", "40"),
                               rate("openai", "text-embedding-3-small", RateType::Embedding, "20", "0") })
            QVERIFY(rates.set(r));
        QVERIFY(AiHub::Billing::BillingSettings::set(*hub.database(), QStringLiteral("credit-price"),
                                                     QStringLiteral("0.001")));
        AiHub::Billing::Ledger ledger(hub.database());
        QVERIFY(ledger.post(QStringLiteral("laptop"), AiHub::Billing::EntryKind::Grant,
                            AiHub::Billing::Credits::fromWhole(5000), QStringLiteral("new user"),
                            AiHub::Billing::Ledger::NewUserReference));
        QVERIFY(ledger.post(QStringLiteral("laptop"), AiHub::Billing::EntryKind::Topup,
                            AiHub::Billing::Credits::fromWhole(20000), QStringLiteral("monthly allowance")));
        QVERIFY(ledger.post(QStringLiteral("laptop"), AiHub::Billing::EntryKind::Charge,
                            -*AiHub::Billing::Credits::parse(u"12.85"), QStringLiteral("chat openai/gpt-4o (usage)"),
                            QStringLiteral("req-1")));
        AiHub::Hub::ConversationStore conversations(hub.database());
        const qint64 chat = *conversations.create(QStringLiteral("Sorting in C++"), QStringLiteral("openai/gpt-4o-mini"), {});
        AiHub::Hub::ConversationMessage question;
        question.role = QStringLiteral("user");
        question.content = QStringLiteral("How do I sort a vector in C++?");
        (void)conversations.addMessage(chat, question);
        AiHub::Hub::ConversationMessage answer;
        answer.role = QStringLiteral("assistant");
        answer.model = QStringLiteral("openai/gpt-4o-mini");
        answer.content = QStringLiteral("Use `std::ranges::sort`:\n\n```cpp\nstd::vector<int> v {3, 1, 2};\n"
                                        "std::ranges::sort(v);\n```\n\nIt sorts **in place** in O(n log n).");
        answer.inputTokens = 14;
        answer.outputTokens = 42;
        answer.latencyMs = 840;
        (void)conversations.addMessage(chat, answer);

        QTemporaryDir settingsDir;
        QSettings settings(settingsDir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window;
        HubPages pages(&window, &settings);
        AiHub::Ui::HubContext context;
        context.database = hub.database();
        context.secrets = hub.secrets();
        context.keys = &hub.keys();
        context.secretStoreDescription = kSecrets;
        QSignalSpy usageLoaded(pages.usage(), &UsagePage::statsLoaded);
        pages.setContext(context);
        QVERIFY(usageLoaded.wait(10000));
        pages.playground()->openConversation(chat);
        pages.rates()->setOfferedModels({ { QStringLiteral("openai"), QStringLiteral("gpt-4o"), RateType::Chat },
                                          { QStringLiteral("openai"), QStringLiteral("o3"), RateType::Chat },
                                          { QStringLiteral("anthropic"), QStringLiteral("claude-opus-4"),
                                            RateType::Chat } });
        pages.accessKeys()->selectKey(QStringLiteral("laptop"));
        showWindow(window);
        window.setDataDirectory(kDataDir);
        window.setSecretStoreDescription(kSecrets);
        window.setServerRunning(kUrl);
        QVERIFY(window.pageCount() >= 1);
        for (int i = 0; i < window.pageCount(); ++i) {
            window.showPage(i);
            QWidget *page = window.page(i);
            QVERIFY(page);
            QVERIFY2(!page->objectName().isEmpty(), "every page needs an objectName for its screenshot");
            saveGrab(page, QStringLiteral("page-%1").arg(page->objectName()));
            // The page as it fits the window at the default size (a page wider than the window scrolls).
            saveGrab(&window, QStringLiteral("window-%1").arg(page->objectName()));
        }
        // The dark theme on the pages with their own colours (highlights, notes, history).
        Theme::apply(Theme::Mode::Dark);
        for (QWidget *page : { static_cast<QWidget *>(pages.rates()), static_cast<QWidget *>(pages.accessKeys()) }) {
            for (int i = 0; i < window.pageCount(); ++i) {
                if (window.page(i) == page)
                    window.showPage(i);
            }
            saveGrab(page, QStringLiteral("page-%1-dark").arg(page->objectName()));
        }
        Theme::apply(Theme::Mode::System);
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
