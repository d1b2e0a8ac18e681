// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/bench/hubprocess.h"

#include <QDir>
#include <QFile>

namespace AiHub::Bench {

namespace {

constexpr int adminTimeoutMs = 30000;

} // namespace

ChildProcess::Spec HubProcess::command(const QStringList &arguments) const
{
    const QByteArray folder = m_settings.folder.toUtf8();
    ChildProcess::Spec spec;
    spec.program = m_settings.program;
    spec.arguments = QStringList { QStringLiteral("--data-dir"), m_settings.folder + QStringLiteral("/data") }
        + arguments;
    // The file store needs no keychain; the XDG folders keep the run out of the user's own settings.
    spec.environment = { { "AIHUB_SECRET_STORE", "file" },
                         { "AIHUB_SECRET_PASSPHRASE", "bench" },
                         { "XDG_CONFIG_HOME", folder + "/xdg-config" },
                         { "XDG_DATA_HOME", folder + "/xdg-data" },
                         { "XDG_CACHE_HOME", folder + "/xdg-cache" },
                         { "LANG", "C.UTF-8" } };
    spec.stderrPath = m_settings.folder + QStringLiteral("/admin.log");
    return spec;
}

Status HubProcess::start(const Settings &settings)
{
    m_settings = settings;
    if (!QFile::exists(settings.program))
        return fail(ErrorCode::NotFound,
                    QStringLiteral("aigne-hubd is not at %1: build it (cmake --build <dir> --target aigne-hubd) or "
                                   "pass --hub PATH.")
                        .arg(settings.program));
    if (!QDir().mkpath(settings.folder + QStringLiteral("/data")))
        return fail(ErrorCode::StorageReadOnly, QStringLiteral("Cannot create %1.").arg(settings.folder));

    for (const Provider &provider : settings.providers) {
        ChildProcess::Spec spec = command({ QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("openai"),
                                            QStringLiteral("--name"), provider.name, QStringLiteral("--base-url"),
                                            provider.baseUrl.toString() });
        spec.stdinData = "sk-bench-not-a-real-key\n";
        if (auto added = ChildProcess::run(spec, adminTimeoutMs); !added)
            return fail(ErrorCode::Internal, QStringLiteral("Cannot add the provider \"%1\" to the hub: %2")
                                                 .arg(provider.name, added.error().message));
    }
    auto created = ChildProcess::run(command({ QStringLiteral("key"), QStringLiteral("create"),
                                               QStringLiteral("--name"), QStringLiteral("bench") }),
                                     adminTimeoutMs);
    if (!created)
        return fail(ErrorCode::Internal,
                    QStringLiteral("Cannot create an access key: %1").arg(created.error().message));
    // The secret is the one line on stdout (explanations go to stderr).
    const QList<QByteArray> lines = created->trimmed().split('\n');
    m_accessKey = lines.isEmpty() ? QByteArray() : lines.constLast().trimmed();
    if (m_accessKey.isEmpty() || m_accessKey.contains(' '))
        return fail(ErrorCode::Internal,
                    QStringLiteral("`key create` printed no access key: \"%1\"").arg(QString::fromUtf8(*created)));

    ChildProcess::Spec serve = command({ QStringLiteral("serve"), QStringLiteral("--listen"),
                                         QStringLiteral("127.0.0.1:0"), QStringLiteral("--threads"),
                                         QString::number(settings.threads) });
    serve.cpu = settings.cpu;
    m_logPath = settings.folder + QStringLiteral("/serve.log");
    serve.stdoutPath = m_logPath;
    serve.stderrPath = m_logPath;
    if (auto started = m_process.start(serve); !started)
        return started;
    static const QRegularExpression listening(QStringLiteral("listening on http://[^\\s:/]+:(\\d+)"));
    auto match = m_process.waitForOutput(m_logPath, listening, 30000);
    if (!match)
        return fail(ErrorCode::Internal, QStringLiteral("The hub did not start: %1").arg(match.error().message));
    m_port = quint16(match->captured(1).toUInt());
    return {};
}

} // namespace AiHub::Bench
