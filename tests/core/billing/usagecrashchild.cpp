// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
// Helper process for tst_usagecrash: records usage as fast as it can, 16 calls in flight, and prints "ACK n" for
// each call only once its record is committed (what a response does with group commit). The test kills it with
// SIGKILL and checks that every acknowledged record is in the database.
#include "core/storage/database.h"
#include "core/usage/usagecommitnotifier.h"
#include "core/usage/usagerecorder.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#include <map>

using namespace AiHub;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    auto db = Storage::Database::open(QString::fromLocal8Bit(argv[1]));
    if (!db)
        return 3;
    Usage::UsageRecorder recorder(*db);
    recorder.start();
    std::map<qint64, qint64> waiting; // sequence -> call number
    qint64 next = 0;
    auto startCall = [&] {
        Usage::UsageRecord r;
        r.requestId = QStringLiteral("req-%1").arg(next);
        r.provider = QStringLiteral("mock");
        r.model = QStringLiteral("m");
        r.httpStatus = 200;
        const qint64 sequence = recorder.recordAndTrack(std::move(r));
        waiting.emplace(sequence, next++);
    };
    QObject::connect(recorder.commitNotifier(), &Usage::UsageCommitNotifier::progressed, &app,
                     [&](qint64 written, bool) {
                         while (!waiting.empty() && waiting.begin()->first < written) {
                             std::printf("ACK %lld\n", static_cast<long long>(waiting.begin()->second));
                             waiting.erase(waiting.begin());
                             startCall();
                         }
                         std::fflush(stdout);
                     });
    QTimer::singleShot(0, &app, [&] {
        for (int i = 0; i < 16; ++i)
            startCall();
    });
    return app.exec();
}
