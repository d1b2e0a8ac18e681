// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/cli/billingcommands.h"

#include "core/billing/billingsettings.h"
#include "core/billing/ledger.h"
#include "core/billing/ratebook.h"
#include "core/billing/rateimport.h"
#include "core/storage/database.h"
#include "core/storage/exitcodes.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace AiHub::Cli {

using namespace Billing;

namespace {
int usageError() { return int(Storage::ExitCode::Usage); }

QString when(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s); }

QString optionalText(const std::optional<Credits> &c) { return c ? c->toString() : u"-"_s; }
} // namespace

BillingCommands::BillingCommands(std::shared_ptr<Storage::Database> database, const CliOutput &output, QObject *parent)
    : QObject(parent), m_database(std::move(database)), m_output(output)
{
}

int BillingCommands::failed(const Error &error)
{
    m_output.error(error.message);
    return int(Storage::exitCodeFor(error.code));
}

int BillingCommands::run(const CliInvocation &inv)
{
    const QString command = inv.words.value(0);
    if (command == u"billing")
        return billing(inv);
    if (command == u"rates")
        return rates(inv);
    return credits(inv);
}

int BillingCommands::billing(const CliInvocation &inv)
{
    const QString sub = inv.words.value(1);
    if (sub == u"on" || sub == u"off") {
        if (Status set = BillingSettings::set(*m_database, u"enabled"_s, sub); !set)
            return failed(set.error());
        m_output.message(sub == u"on" ? tr("Credit billing is on: calls need credits; a running hub applies it within "
                                           "a second.")
                                      : tr("Credit billing is off: usage is still recorded, no credits are checked."));
        return 0;
    }
    if (sub == u"set") {
        if (inv.words.size() != 4) {
            m_output.error(tr("Use `aigne-hubd billing set NAME VALUE`; the names are: %1.")
                               .arg(BillingSettings::names().join(u", "_s)));
            return usageError();
        }
        if (Status set = BillingSettings::set(*m_database, inv.words[2], inv.words[3]); !set)
            return failed(set.error());
        m_output.message(tr("Billing setting %1 is now %2.").arg(inv.words[2], inv.words[3]));
        return 0;
    }
    if (sub == u"show" || sub.isEmpty()) {
        auto settings = BillingSettings::load(*m_database);
        if (!settings)
            return failed(settings.error());
        m_output.line(settings->describe().trimmed());
        return 0;
    }
    m_output.error(tr("Unknown billing command \"%1\". Use `billing on`, `billing off`, `billing show` or "
                      "`billing set NAME VALUE`.")
                       .arg(sub));
    return usageError();
}

int BillingCommands::rates(const CliInvocation &inv)
{
    RateBook book(m_database);
    const QString sub = inv.words.value(1);
    if (sub == u"set") {
        const QString target = inv.words.value(2);
        const qsizetype slash = target.indexOf(u'/');
        if (slash <= 0 || slash == target.size() - 1) {
            m_output.error(tr("Name the model as PROVIDER/MODEL: `aigne-hubd rates set openai/gpt-4o --input 2.5 "
                              "--output 10`."));
            return usageError();
        }
        Rate rate;
        rate.provider = target.left(slash);
        rate.model = target.mid(slash + 1);
        const auto type = parseRateType(inv.option(u"type"_s, u"chat"_s));
        if (!type) {
            m_output.error(tr("--type must be chat, embedding or image."));
            return usageError();
        }
        rate.type = *type;
        rate.variant = inv.option(u"variant"_s);
        if (!inv.has(u"input"_s) && !inv.has(u"output"_s)) {
            m_output.error(tr("Give the rate with --input and/or --output (credits per 1M tokens; per image for "
                              "images)."));
            return usageError();
        }
        auto settings = BillingSettings::load(*m_database);
        if (!settings)
            return failed(settings.error());
        const bool fromCost = inv.has(u"from-cost"_s);
        // --from-cost: the values are the provider's unit cost in money; the rate is derived with the margin.
        auto amount = [&](const QString &name) -> Result<std::optional<Credits>> {
            if (!inv.has(name))
                return std::optional<Credits>();
            auto value = Credits::parse(inv.option(name));
            if (!value)
                return fail(value.error());
            if (!fromCost)
                return std::optional<Credits>(*value);
            auto derived = settings->deriveRate(*value);
            if (!derived)
                return fail(derived.error());
            return std::optional<Credits>(*derived);
        };
        auto input = amount(u"input"_s);
        auto output = amount(u"output"_s);
        auto read = amount(u"cache-read"_s);
        auto write = amount(u"cache-write"_s);
        for (const auto *a : { &input, &output, &read, &write })
            if (!*a)
                return failed(a->error());
        rate.input = input->value_or(Credits());
        rate.output = output->value_or(Credits());
        rate.cacheRead = *read;
        rate.cacheWrite = *write;
        auto stored = book.set(rate, fromCost ? u"derived"_s : u"manual"_s);
        if (!stored)
            return failed(stored.error());
        m_output.message(tr("%1 now costs %2 credits per 1M input tokens and %3 credits %4 (rate #%5).")
                             .arg(stored->key(), stored->input.toString(), stored->output.toString(),
                                  stored->type == RateType::Image ? tr("per image") : tr("per 1M output tokens"))
                             .arg(stored->id));
        return 0;
    }
    if (sub == u"list" || sub == u"history") {
        Result<QList<Rate>> rates = QList<Rate>();
        if (sub == u"list") {
            rates = book.current();
        } else {
            const QString target = inv.words.value(2);
            const qsizetype slash = target.indexOf(u'/');
            const auto type = parseRateType(inv.option(u"type"_s, u"chat"_s));
            if (slash <= 0 || !type) {
                m_output.error(tr("Use `aigne-hubd rates history PROVIDER/MODEL [--type chat|embedding|image]`."));
                return usageError();
            }
            rates = book.history(target.left(slash), target.mid(slash + 1), *type);
        }
        if (!rates)
            return failed(rates.error());
        if (rates->isEmpty()) {
            m_output.message(tr("No rates yet. Set one with `aigne-hubd rates set PROVIDER/MODEL --input X --output Y`."));
            return 0;
        }
        m_output.line(u"%1  %2  %3  %4  %5  %6  %7  %8"_s.arg(tr("ID"), -5)
                          .arg(tr("MODEL"), -36)
                          .arg(tr("TYPE"), -9)
                          .arg(tr("INPUT/1M"), -12)
                          .arg(tr("OUTPUT"), -12)
                          .arg(tr("CACHE R"), -10)
                          .arg(tr("CACHE W"), -10)
                          .arg(tr("SINCE")));
        for (const Rate &r : *rates)
            m_output.line(u"%1  %2  %3  %4  %5  %6  %7  %8"_s.arg(r.id, -5)
                              .arg(r.provider + u'/' + r.model + (r.variant.isEmpty() ? QString() : u" [" + r.variant + u']'), -36)
                              .arg(rateTypeName(r.type), -9)
                              .arg(r.input.toString(), -12)
                              .arg(r.output.toString(), -12)
                              .arg(optionalText(r.cacheRead), -10)
                              .arg(optionalText(r.cacheWrite), -10)
                              .arg(when(r.createdAtMs)));
        return 0;
    }
    if (sub == u"import") {
        const QString path = inv.words.value(2);
        if (path.isEmpty()) {
            m_output.error(tr("Use `aigne-hubd rates import FILE.json|FILE.csv [--apply]`."));
            return usageError();
        }
        auto rates = RateImport::readFile(path);
        if (!rates)
            return failed(rates.error());
        auto changes = RateImport::diff(book, *rates);
        if (!changes)
            return failed(changes.error());
        m_output.line(RateImport::format(*changes));
        if (!inv.has(u"apply"_s)) {
            m_output.message(tr("Nothing changed yet. Run the same command with --apply to apply these rates."));
            return 0;
        }
        if (Status applied = RateImport::apply(book, *rates); !applied)
            return failed(applied.error());
        m_output.message(tr("Applied %1 rates.").arg(rates->size()));
        return 0;
    }
    m_output.error(tr("Unknown rates command \"%1\". Use `rates set`, `rates list`, `rates history` or `rates import`.")
                       .arg(sub));
    return usageError();
}

int BillingCommands::credits(const CliInvocation &inv)
{
    Ledger ledger(m_database);
    const QString sub = inv.words.value(1);
    const QString account = inv.words.value(2);
    if (account.isEmpty()) {
        m_output.error(tr("Name the account: `aigne-hubd credits %1 ACCOUNT ...`.").arg(sub.isEmpty() ? u"balance"_s : sub));
        return usageError();
    }
    if (sub == u"grant" || sub == u"adjust") {
        auto amount = Credits::parse(inv.words.value(3));
        if (!amount)
            return failed(amount.error());
        const bool grant = sub == u"grant";
        if (grant && amount->nanos() <= 0) {
            m_output.error(tr("A grant must be above zero; use `credits adjust ACCOUNT -AMOUNT --reason WHY` to take "
                              "credits away."));
            return usageError();
        }
        if (!grant && !inv.has(u"reason"_s)) {
            m_output.error(tr("Say why with --reason: adjustments are kept in the account's history."));
            return usageError();
        }
        auto entry = ledger.post(account, grant ? EntryKind::Topup : EntryKind::Adjustment, *amount,
                                 inv.option(u"reason"_s, tr("top-up from the command line")));
        if (!entry)
            return failed(entry.error());
        auto balance = ledger.balance(account);
        if (!balance)
            return failed(balance.error());
        m_output.message(tr("%1 %2 credits for %3; the balance is now %4.")
                             .arg(grant ? tr("Granted") : tr("Adjusted by"), amount->toString(), account,
                                  balance->balance.toString()));
        return 0;
    }
    if (sub == u"balance") {
        auto balance = ledger.balance(account);
        if (!balance)
            return failed(balance.error());
        m_output.line(tr("%1: balance %2, held by calls in progress %3, available %4")
                          .arg(account, balance->balance.toString(), balance->reserved.toString(),
                               balance->available().toString()));
        return 0;
    }
    if (sub == u"history") {
        bool ok = true;
        const int limit = inv.has(u"limit"_s) ? inv.option(u"limit"_s).toInt(&ok) : 50;
        if (!ok || limit <= 0) {
            m_output.error(tr("--limit must be a positive number."));
            return usageError();
        }
        auto entries = ledger.history(account, limit);
        if (!entries)
            return failed(entries.error());
        if (entries->isEmpty()) {
            m_output.message(tr("Account %1 has no entries yet.").arg(account));
            return 0;
        }
        for (const LedgerEntry &e : *entries)
            m_output.line(u"%1  %2  %3  %4  %5%6"_s.arg(e.id, -6)
                              .arg(when(e.createdAtMs))
                              .arg(entryKindName(e.kind), -10)
                              .arg(e.amount.toString(), 16)
                              .arg(e.reason)
                              .arg(e.reference.isEmpty() ? QString() : u" [" + e.reference + u']'));
        return 0;
    }
    m_output.error(tr("Unknown credits command \"%1\". Use `credits grant`, `credits adjust`, `credits balance` or "
                      "`credits history`.")
                       .arg(sub));
    return usageError();
}

} // namespace AiHub::Cli
