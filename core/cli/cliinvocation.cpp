// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/cli/cliinvocation.h"

#include <QCoreApplication>

namespace AiHub::Cli {

namespace {
const QStringList kValueOptions = {
    QStringLiteral("data-dir"), QStringLiteral("secret-store"), QStringLiteral("listen"),
    QStringLiteral("threads"),  QStringLiteral("name"),         QStringLiteral("role"),
    QStringLiteral("account"),  QStringLiteral("base-url"),     QStringLiteral("region"),
    QStringLiteral("access-key-id"), QStringLiteral("label"),   QStringLiteral("weight"),
    QStringLiteral("type"),     QStringLiteral("input"),        QStringLiteral("output"),
    QStringLiteral("cache-read"), QStringLiteral("cache-write"), QStringLiteral("variant"),
    QStringLiteral("reason"),   QStringLiteral("limit"),
};
const QStringList kFlags = { QStringLiteral("all"), QStringLiteral("help"), QStringLiteral("version"),
                             QStringLiteral("apply"), QStringLiteral("from-cost") };
} // namespace

Result<CliInvocation> CliInvocation::parse(const QStringList &arguments)
{
    CliInvocation inv;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QStringLiteral("-h")) {
            inv.help = true;
            continue;
        }
        if (!arg.startsWith(QStringLiteral("--"))) {
            inv.words.append(arg);
            continue;
        }
        QString name = arg.mid(2);
        QString value;
        bool inlineValue = false;
        if (const qsizetype eq = name.indexOf(u'='); eq > 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            inlineValue = true;
        }
        if (kFlags.contains(name) && !inlineValue) {
            inv.options.insert(name, QString());
            continue;
        }
        if (!kValueOptions.contains(name))
            return fail(ErrorCode::InvalidArgument,
                        QCoreApplication::translate("AiHub::Cli", "Unknown option --%1. Run `aigne-hubd --help` to "
                                                                  "see the options.")
                            .arg(name));
        if (!inlineValue) {
            if (i + 1 >= arguments.size())
                return fail(ErrorCode::InvalidArgument,
                            QCoreApplication::translate("AiHub::Cli", "The option --%1 needs a value.").arg(name));
            value = arguments.at(++i);
        }
        inv.options.insert(name, value);
    }
    inv.help = inv.help || inv.has(QStringLiteral("help"));
    inv.version = inv.has(QStringLiteral("version"));
    return inv;
}

QString CliInvocation::usage()
{
    return QCoreApplication::translate(
        "AiHub::Cli",
        "Usage: aigne-hubd [--data-dir DIR] [--secret-store auto|keychain|file] COMMAND\n"
        "\n"
        "Commands:\n"
        "  serve [--listen ADDR:PORT] [--threads N]   run the hub's API server (default 127.0.0.1:8878)\n"
        "  key create --name NAME [--role admin|user] [--account ACCOUNT]\n"
        "                                             create an access key; its secret is printed once\n"
        "  key list [--all]                           list access keys (--all: with revoked ones)\n"
        "  key revoke NAME                            revoke an access key at once\n"
        "  provider add KIND [--name NAME] [--base-url URL] [--region R] [--access-key-id ID]\n"
        "               [--label LABEL] [--weight N]\n"
        "                                             add a provider; KIND is one of openai anthropic bedrock\n"
        "                                             deepseek google ollama openrouter xai. The secret is read\n"
        "                                             from standard input, or asked for without echo\n"
        "  provider list                              list providers and their credentials (masked)\n"
        "  provider remove NAME                       remove a provider and its secrets\n"
        "  provider test NAME [--label LABEL]         make a real minimal call with the credential\n"
        "  provider credential add NAME [--label LABEL] [--weight N] [--access-key-id ID]\n"
        "  provider credential list NAME\n"
        "  provider credential remove NAME LABEL\n"
        "  billing on|off                             credit billing on (calls need credits) or off (usage only)\n"
        "  billing show                               the billing settings\n"
        "  billing set NAME VALUE                     grant AMOUNT (new users, once) | unpriced refuse|free |\n"
        "                                             credit-price AMOUNT | currency-prefix TEXT |\n"
        "                                             credit-prefix TEXT | margin PERCENT | default-max-output N\n"
        "  rates set PROVIDER/MODEL [--type chat|embedding|image] [--input X] [--output Y]\n"
        "            [--cache-read X] [--cache-write X] [--variant SIZE/QUALITY] [--from-cost]\n"
        "                                             credits per 1M tokens (output: per image for images);\n"
        "                                             --from-cost: values are unit costs, rate = cost x\n"
        "                                             (1 + margin) / credit-price\n"
        "  rates list | rates history PROVIDER/MODEL [--type T]\n"
        "  rates import FILE.json|FILE.csv [--apply]  show the changes; --apply applies them\n"
        "  credits grant ACCOUNT AMOUNT [--reason R]  top up an account\n"
        "  credits adjust ACCOUNT AMOUNT --reason R   correct a balance (AMOUNT may be negative)\n"
        "  credits balance ACCOUNT | credits history ACCOUNT [--limit N]\n"
        "\n"
        "Secrets never go on the command line. Example:\n"
        "  printf '%s' \"$OPENAI_API_KEY\" | aigne-hubd provider add openai\n"
        "\n"
        "Environment: AIHUB_SECRET_STORE (auto|keychain|file), AIHUB_SECRET_PASSPHRASE,\n"
        "AIHUB_SECRET_KEY_FILE choose and unlock the encrypted-file secret store used where no\n"
        "OS keychain works.\n");
}

} // namespace AiHub::Cli
