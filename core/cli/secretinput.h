// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QString>
#include <QStringList>

#include <cstdio>

namespace AiHub::Cli {

// Reads secrets the safe way: never from the command line (it shows in `ps` and shell history). From standard
// input when it is not a terminal (`echo "$KEY" | aigne-hubd provider add openai`), else from a prompt that does
// not echo what is typed.
class SecretInput final {
public:
    explicit SecretInput(FILE *in = stdin, FILE *promptOut = stderr);

    bool isInteractive() const;
    // Interactive: asks each prompt in turn. Piped: one line per prompt, in order; missing lines are empty.
    QStringList read(const QStringList &prompts);

private:
    QString promptHidden(const QString &prompt);

    FILE *m_in;
    FILE *m_promptOut;
};

} // namespace AiHub::Cli
