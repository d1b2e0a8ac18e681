// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace AiHub::Bench {

// The benchmark's figures: a plain-text table with a PASS/FAIL column, and the same as JSON.
class ResultTable final {
public:
    enum class Verdict { None, Pass, Fail, NotMeasured };
    struct Row {
        QString key;      // JSON name, e.g. "hub.added_latency_p50_ms"
        QString label;    // e.g. "hub added latency c=1, p50"
        double value = 0; // the median; NaN when not measured
        QString unit;     // "ms", "req/s", "%", "MB", ""
        int decimals = 3;
        QList<double> runs; // one per repetition (same unit)
        QString target;   // e.g. "<= 0.050 ms"; empty: none
        Verdict verdict = Verdict::None;
        QString note;     // printed under the table, e.g. by how much a target is missed
    };

    void addSection(const QString &title);
    void add(const Row &row);
    // Appends a line printed under the table.
    void addNote(const QString &note);

    QString render() const;
    QJsonObject toJson() const;
    int failures() const;   // targets measured and missed
    int targets() const;    // targets measured
    int unmeasured() const; // targets whose measurement was not made

    static QString format(double value, int decimals);
    static QString verdictText(Verdict verdict);

private:
    struct Entry {
        bool section = false;
        QString title;
        Row row;
    };
    QList<Entry> m_entries;
    QStringList m_notes;
};

} // namespace AiHub::Bench
