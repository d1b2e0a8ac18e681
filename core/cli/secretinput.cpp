// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/cli/secretinput.h"

#include <QByteArray>

#include <termios.h>
#include <unistd.h>

namespace AiHub::Cli {

namespace {
QString readLine(FILE *in)
{
    QByteArray line;
    int c = 0;
    while ((c = std::fgetc(in)) != EOF && c != '\n')
        line.append(char(c));
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line).trimmed();
}
} // namespace

SecretInput::SecretInput(FILE *in, FILE *promptOut)
    : m_in(in)
    , m_promptOut(promptOut)
{
}

bool SecretInput::isInteractive() const { return isatty(fileno(m_in)) == 1; }

QStringList SecretInput::read(const QStringList &prompts)
{
    QStringList values;
    const bool interactive = isInteractive();
    for (const QString &prompt : prompts)
        values.append(interactive ? promptHidden(prompt) : readLine(m_in));
    return values;
}

QString SecretInput::promptHidden(const QString &prompt)
{
    std::fputs(prompt.toLocal8Bit().constData(), m_promptOut);
    std::fflush(m_promptOut);
    termios saved {};
    const int fd = fileno(m_in);
    const bool haveTerm = tcgetattr(fd, &saved) == 0;
    if (haveTerm) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    const QString value = readLine(m_in);
    if (haveTerm)
        tcsetattr(fd, TCSAFLUSH, &saved);
    std::fputs("\n", m_promptOut);
    return value;
}

} // namespace AiHub::Cli
