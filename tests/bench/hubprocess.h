// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "tests/bench/childprocess.h"

#include <QUrl>

namespace AiHub::Bench {

// The hub under test: a fresh data folder with OpenAI-kind providers pointing at the mocks and one access
// key (all through `aigne-hubd`'s own admin commands), then `aigne-hubd serve` pinned to one CPU.
// Secrets go to the encrypted file store, so no keychain is needed.
class HubProcess final {
public:
    struct Provider {
        QString name; // the model prefix: "<name>/<model>"
        QUrl baseUrl;
    };
    struct Settings {
        QString program;
        QString folder; // data, logs; created if missing
        QList<Provider> providers;
        int cpu = -1;
        int threads = 1;
    };

    [[nodiscard]] Status start(const Settings &settings);
    void stop() { m_process.terminate(); }
    bool isRunning() { return m_process.isRunning(); }
    quint16 port() const { return m_port; }
    pid_t pid() const { return m_process.pid(); }
    QByteArray accessKey() const { return m_accessKey; }
    QString logPath() const { return m_logPath; }

private:
    ChildProcess::Spec command(const QStringList &arguments) const;

    Settings m_settings;
    ChildProcess m_process;
    quint16 m_port = 0;
    QByteArray m_accessKey;
    QString m_logPath;
};

} // namespace AiHub::Bench
