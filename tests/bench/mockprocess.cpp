// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/bench/mockprocess.h"

namespace AiHub::Bench {

Status MockProcess::start(const Settings &settings)
{
    ChildProcess::Spec spec;
    spec.program = settings.program;
    spec.arguments = { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--prefix"), QStringLiteral("/v1"),
                       QStringLiteral("--stream-chunks"), QString::number(settings.streamChunks),
                       QStringLiteral("--chunk-delay-ms"), QString::number(settings.chunkDelayMs) };
    spec.cpu = settings.cpu;
    spec.stdoutPath = settings.logPath;
    spec.stderrPath = settings.logPath + QStringLiteral(".err");
    if (auto started = m_process.start(spec); !started)
        return started;
    static const QRegularExpression portLine(QStringLiteral("^PORT (\\d+)$"), QRegularExpression::MultilineOption);
    auto match = m_process.waitForOutput(settings.logPath, portLine, 10000);
    if (!match)
        return fail(ErrorCode::Internal, QStringLiteral("The mock upstream did not start: %1\n%2")
                                             .arg(match.error().message, ChildProcess::tail(spec.stderrPath)));
    m_port = quint16(match->captured(1).toUInt());
    return {};
}

} // namespace AiHub::Bench
