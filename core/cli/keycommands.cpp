// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/cli/keycommands.h"

#include "core/access/accesskeystore.h"
#include "core/storage/exitcodes.h"

#include <QDateTime>

namespace AiHub::Cli {

namespace {
QString when(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-");
}
} // namespace

KeyCommands::KeyCommands(Access::AccessKeyStore &keys, const CliOutput &output, QObject *parent)
    : QObject(parent)
    , m_keys(keys)
    , m_output(output)
{
}

int KeyCommands::run(const CliInvocation &inv)
{
    const QString sub = inv.words.value(1);
    if (sub == QStringLiteral("create"))
        return create(inv);
    if (sub == QStringLiteral("list"))
        return list(inv);
    if (sub == QStringLiteral("revoke"))
        return revoke(inv);
    m_output.error(tr("Unknown key command \"%1\". Use `key create`, `key list` or `key revoke`.").arg(sub));
    return int(Storage::ExitCode::Usage);
}

int KeyCommands::create(const CliInvocation &inv)
{
    const QString name = inv.option(QStringLiteral("name"), inv.words.value(2));
    if (name.isEmpty()) {
        m_output.error(tr("Give the key a name: `aigne-hubd key create --name NAME`."));
        return int(Storage::ExitCode::Usage);
    }
    const QString roleText = inv.option(QStringLiteral("role"), QStringLiteral("user"));
    auto role = Access::parseRole(roleText);
    if (!role) {
        m_output.error(tr("The role must be \"admin\" or \"user\", not \"%1\".").arg(roleText));
        return int(Storage::ExitCode::Usage);
    }
    auto created = m_keys.create(name, *role, inv.option(QStringLiteral("account"), name));
    if (!created) {
        m_output.error(created.error().message);
        return int(Storage::exitCodeFor(created.error().code));
    }
    m_output.message(tr("Created access key \"%1\" (role %2, account %3). This is the only time its secret is "
                        "shown; keep it somewhere safe:")
                         .arg(created->info.name, Access::roleName(created->info.role), created->info.account));
    m_output.line(created->token);
    return 0;
}

int KeyCommands::list(const CliInvocation &inv)
{
    auto keys = m_keys.list(inv.has(QStringLiteral("all")));
    if (!keys) {
        m_output.error(keys.error().message);
        return int(Storage::exitCodeFor(keys.error().code));
    }
    if (keys->isEmpty()) {
        m_output.message(tr("No access keys yet. Create one with `aigne-hubd key create --name NAME`."));
        return 0;
    }
    m_output.line(QStringLiteral("%1  %2  %3  %4  %5  %6")
                      .arg(tr("NAME"), -20)
                      .arg(tr("ROLE"), -6)
                      .arg(tr("ACCOUNT"), -20)
                      .arg(tr("CREATED"), -16)
                      .arg(tr("LAST USED"), -16)
                      .arg(tr("STATE")));
    for (const Access::AccessKeyInfo &k : std::as_const(*keys)) {
        m_output.line(QStringLiteral("%1  %2  %3  %4  %5  %6")
                          .arg(k.name, -20)
                          .arg(Access::roleName(k.role), -6)
                          .arg(k.account, -20)
                          .arg(when(k.createdAtMs), -16)
                          .arg(when(k.lastUsedAtMs.value_or(0)), -16)
                          .arg(k.isRevoked() ? tr("revoked %1").arg(when(*k.revokedAtMs)) : tr("active")));
    }
    return 0;
}

int KeyCommands::revoke(const CliInvocation &inv)
{
    const QString name = inv.words.value(2, inv.option(QStringLiteral("name")));
    if (name.isEmpty()) {
        m_output.error(tr("Name the key to revoke: `aigne-hubd key revoke NAME`."));
        return int(Storage::ExitCode::Usage);
    }
    auto revoked = m_keys.revoke(name);
    if (!revoked) {
        m_output.error(revoked.error().message);
        return int(Storage::exitCodeFor(revoked.error().code));
    }
    m_output.message(tr("Revoked access key \"%1\". A running hub refuses it within a second.").arg(name));
    return 0;
}

} // namespace AiHub::Cli
