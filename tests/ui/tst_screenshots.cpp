// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// Renders the window and each page to PNG files under <build>/screenshots/ so the look can be reviewed.
#include "ui/languageloader.h"
#include "ui/mainwindow.h"

#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QSet>
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

    void everyPage()
    {
        MainWindow window;
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
        }
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
