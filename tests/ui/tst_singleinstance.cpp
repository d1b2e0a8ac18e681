// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/singleinstance.h"

#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

using namespace AiHub::Ui;

namespace {
QString uniqueName()
{
    return QStringLiteral("aihub-test-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

// What a crashed instance leaves behind: a socket file nobody listens on.
bool leaveStaleSocket(const QString &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    const QByteArray bytes = QFile::encodeName(path);
    std::memcpy(address.sun_path, bytes.constData(), std::min<size_t>(bytes.size(), sizeof(address.sun_path) - 1));
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0;
    ::close(fd); // closed without unlinking: connections are refused
    return bound;
}
} // namespace

class TestSingleInstance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void secondInstance_isToldAlreadyRunning_andFirstIsAskedToActivate()
    {
        const QString name = uniqueName();
        SingleInstance first(name);
        QSignalSpy firstPrimary(&first, &SingleInstance::primary);
        QSignalSpy activate(&first, &SingleInstance::activateRequested);
        first.start();
        QVERIFY(firstPrimary.wait(5000));
        QVERIFY(first.isPrimary());

        SingleInstance second(name);
        QSignalSpy secondPrimary(&second, &SingleInstance::primary);
        QSignalSpy running(&second, &SingleInstance::alreadyRunning);
        second.start();
        QVERIFY(running.wait(5000));
        QVERIFY(activate.wait(5000) || activate.size() == 1);
        QCOMPARE(activate.size(), 1);
        QVERIFY(secondPrimary.isEmpty());
        QVERIFY(!second.isPrimary());
        QVERIFY(first.isPrimary());

        // A third start is treated the same way: the first stays in charge.
        SingleInstance third(name);
        QSignalSpy thirdRunning(&third, &SingleInstance::alreadyRunning);
        third.start();
        QVERIFY(thirdRunning.wait(5000));
        QTRY_COMPARE(activate.size(), 2);
    }

    void staleSocketFromACrash_isTakenOver()
    {
        const QString name = uniqueName();
        const QString path = QDir::temp().filePath(name);
        QVERIFY(leaveStaleSocket(path));
        QVERIFY(QFile::exists(path));

        SingleInstance instance(name);
        QSignalSpy primary(&instance, &SingleInstance::primary);
        QSignalSpy running(&instance, &SingleInstance::alreadyRunning);
        instance.start();
        QVERIFY(primary.wait(5000));
        QVERIFY(instance.isPrimary());
        QVERIFY(running.isEmpty());

        SingleInstance later(name);
        QSignalSpy laterRunning(&later, &SingleInstance::alreadyRunning);
        later.start();
        QVERIFY(laterRunning.wait(5000));
    }

    void firstInstanceGone_nextStartIsPrimary()
    {
        const QString name = uniqueName();
        {
            SingleInstance first(name);
            QSignalSpy primary(&first, &SingleInstance::primary);
            first.start();
            QVERIFY(primary.wait(5000));
        }
        SingleInstance next(name);
        QSignalSpy primary(&next, &SingleInstance::primary);
        next.start();
        QVERIFY(primary.wait(5000));
    }

    void serverName_dependsOnTheDataFolder()
    {
        const QString a = SingleInstance::serverName(QStringLiteral("/tmp/hub-a"));
        QCOMPARE(SingleInstance::serverName(QStringLiteral("/tmp/hub-a")), a);
        QVERIFY(a != SingleInstance::serverName(QStringLiteral("/tmp/hub-b")));
        QVERIFY(a.startsWith(QStringLiteral("aigne-hub-")));
        QVERIFY(a.size() < 100); // fits a Unix socket path
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
