// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QString>

#include <cstdio>

namespace AiHub::Cli {

// Where commands print: results to standard output, messages and errors to standard error.
class CliOutput final {
public:
    explicit CliOutput(FILE *out = stdout, FILE *err = stderr);

    void line(const QString &text) const;    // a result line, on stdout
    void message(const QString &text) const; // information for the person, on stderr
    void error(const QString &text) const;   // "error: ..." on stderr

private:
    FILE *m_out;
    FILE *m_err;
};

} // namespace AiHub::Cli
