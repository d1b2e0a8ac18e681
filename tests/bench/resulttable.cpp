// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/bench/resulttable.h"

#include <QJsonArray>

#include <cmath>

namespace AiHub::Bench {

void ResultTable::addSection(const QString &title) { m_entries.append(Entry { true, title, {} }); }

void ResultTable::add(const Row &row) { m_entries.append(Entry { false, {}, row }); }

void ResultTable::addNote(const QString &note) { m_notes.append(note); }

QString ResultTable::format(double value, int decimals)
{
    if (std::isnan(value))
        return QStringLiteral("n/a");
    if (decimals > 0)
        return QString::number(value, 'f', decimals);
    // Thousands separators keep big numbers (requests/s) readable.
    QString digits = QString::number(std::llround(std::fabs(value)));
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, u',');
    return value < 0 ? u'-' + digits : digits;
}

QString ResultTable::verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return QStringLiteral("PASS");
    case Verdict::Fail:
        return QStringLiteral("FAIL");
    case Verdict::NotMeasured:
        return QStringLiteral("n/a");
    case Verdict::None:
        break;
    }
    return QString();
}

QString ResultTable::render() const
{
    // Rows of measurements that were not made (see --only) are left out, and so are their empty sections;
    // a row with a target stays, showing n/a.
    QList<Entry> shown;
    for (const Entry &e : m_entries) {
        if (!e.section && std::isnan(e.row.value) && e.row.runs.isEmpty() && e.row.target.isEmpty())
            continue;
        shown.append(e);
    }
    for (qsizetype i = shown.size() - 1; i >= 0; --i)
        if (shown.at(i).section && (i + 1 == shown.size() || shown.at(i + 1).section))
            shown.removeAt(i);

    QList<QStringList> cells;
    for (const Entry &e : std::as_const(shown)) {
        if (e.section)
            continue;
        const Row &r = e.row;
        QStringList runs;
        for (double v : r.runs)
            runs.append(format(v, r.decimals));
        const QString figure = format(r.value, r.decimals) + (r.unit.isEmpty() || std::isnan(r.value)
                                                                   ? QString()
                                                                   : u' ' + r.unit);
        cells.append({ r.label, figure, r.target, verdictText(r.verdict), runs.join(QStringLiteral(" / ")) });
    }
    const QStringList headers = { QStringLiteral("Measurement"), QStringLiteral("Median"), QStringLiteral("Target"),
                                  QStringLiteral("Result"), QStringLiteral("Runs") };
    QList<qsizetype> widths;
    for (qsizetype c = 0; c < headers.size(); ++c) {
        qsizetype w = headers.at(c).size();
        for (const QStringList &row : cells)
            w = qMax(w, row.at(c).size());
        widths.append(w);
    }
    auto line = [&](const QStringList &row) -> QString {
        QString text;
        for (qsizetype c = 0; c < row.size(); ++c) {
            // Figures read best right-aligned, words left-aligned.
            text += c == 1 ? row.at(c).rightJustified(widths.at(c)) : row.at(c).leftJustified(widths.at(c));
            if (c + 1 < row.size())
                text += QStringLiteral("  ");
        }
        while (text.endsWith(u' '))
            text.chop(1);
        return text + u'\n';
    };
    QString out = line(headers);
    QStringList rule;
    for (qsizetype w : widths)
        rule.append(QString(w, u'-'));
    out += line(rule);
    qsizetype rowIndex = 0;
    for (const Entry &e : std::as_const(shown)) {
        if (e.section) {
            out += e.title + u'\n';
            continue;
        }
        out += line(cells.at(rowIndex++));
    }
    if (targets() > 0)
        out += QStringLiteral("\nTargets met: %1 of %2%3\n")
                   .arg(targets() - failures())
                   .arg(targets())
                   .arg(unmeasured() ? QStringLiteral(" (%1 more not measured)").arg(unmeasured()) : QString());
    for (const Entry &e : std::as_const(shown))
        if (!e.section && !e.row.note.isEmpty())
            out += QStringLiteral("- %1: %2\n").arg(e.row.label.trimmed(), e.row.note);
    for (const QString &note : m_notes)
        out += QStringLiteral("- %1\n").arg(note);
    return out;
}

QJsonObject ResultTable::toJson() const
{
    QJsonArray rows;
    for (const Entry &e : m_entries) {
        if (e.section)
            continue;
        const Row &r = e.row;
        QJsonObject o;
        o.insert(QStringLiteral("key"), r.key);
        o.insert(QStringLiteral("label"), r.label);
        o.insert(QStringLiteral("value"), std::isnan(r.value) ? QJsonValue() : QJsonValue(r.value));
        o.insert(QStringLiteral("unit"), r.unit);
        QJsonArray runs;
        for (double v : r.runs)
            runs.append(std::isnan(v) ? QJsonValue() : QJsonValue(v));
        o.insert(QStringLiteral("runs"), runs);
        if (!r.target.isEmpty())
            o.insert(QStringLiteral("target"), r.target);
        if (r.verdict != Verdict::None)
            o.insert(QStringLiteral("pass"), r.verdict == Verdict::Pass  ? QJsonValue(true)
                                                 : r.verdict == Verdict::Fail ? QJsonValue(false)
                                                                              : QJsonValue());
        if (!r.note.isEmpty())
            o.insert(QStringLiteral("note"), r.note);
        rows.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("results"), rows);
    root.insert(QStringLiteral("notes"), QJsonArray::fromStringList(m_notes));
    root.insert(QStringLiteral("targets"), targets());
    root.insert(QStringLiteral("targets_missed"), failures());
    root.insert(QStringLiteral("targets_not_measured"), unmeasured());
    return root;
}

int ResultTable::failures() const
{
    int n = 0;
    for (const Entry &e : m_entries)
        n += !e.section && e.row.verdict == Verdict::Fail;
    return n;
}

int ResultTable::targets() const
{
    int n = 0;
    for (const Entry &e : m_entries)
        n += !e.section && (e.row.verdict == Verdict::Pass || e.row.verdict == Verdict::Fail);
    return n;
}

int ResultTable::unmeasured() const
{
    int n = 0;
    for (const Entry &e : m_entries)
        n += !e.section && e.row.verdict == Verdict::NotMeasured;
    return n;
}

} // namespace AiHub::Bench
