// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/cli/clioutput.h"

#include <QCoreApplication>

namespace AiHub::Cli {

CliOutput::CliOutput(FILE *out, FILE *err)
    : m_out(out)
    , m_err(err)
{
}

void CliOutput::line(const QString &text) const
{
    std::fputs((text + u'\n').toLocal8Bit().constData(), m_out);
    std::fflush(m_out);
}

void CliOutput::message(const QString &text) const
{
    std::fputs((text + u'\n').toLocal8Bit().constData(), m_err);
    std::fflush(m_err);
}

void CliOutput::error(const QString &text) const
{
    message(QCoreApplication::translate("AiHub::Cli", "error: %1").arg(text));
}

} // namespace AiHub::Cli
