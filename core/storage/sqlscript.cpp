// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/storage/sqlscript.h"

using namespace Qt::StringLiterals;

namespace AiHub::Storage {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// Accumulates one statement and remembers the words that matter for CREATE TRIGGER bodies.
struct StatementState {
    QString text;
    QStringList leadingWords; // the first few words, upper-cased, to recognise CREATE [TEMP] TRIGGER
    bool hasCode = false;     // anything besides whitespace and comments
    int blockDepth = 0;       // BEGIN/CASE ... END nesting inside a trigger body

    bool isTrigger() const
    {
        if (leadingWords.size() < 2 || leadingWords.at(0) != u"CREATE"_s)
            return false;
        return leadingWords.at(1) == u"TRIGGER"_s
            || (leadingWords.size() >= 3 && leadingWords.at(2) == u"TRIGGER"_s
                && (leadingWords.at(1) == u"TEMP"_s || leadingWords.at(1) == u"TEMPORARY"_s));
    }

    void addWord(const QString &word)
    {
        const QString upper = word.toUpper();
        if (leadingWords.size() < 3)
            leadingWords.append(upper);
        if (!isTrigger())
            return;
        if (upper == u"BEGIN"_s || upper == u"CASE"_s)
            ++blockDepth;
        else if (upper == u"END"_s && blockDepth > 0)
            --blockDepth;
    }
};

} // namespace

QStringList SqlScript::split(const QString &script)
{
    QStringList statements;
    StatementState current;
    const qsizetype n = script.size();
    qsizetype i = 0;

    const auto finish = [&] {
        if (current.hasCode)
            statements.append(current.text.trimmed());
        current = StatementState {};
    };

    while (i < n) {
        const QChar c = script.at(i);
        if (c == u'-' && i + 1 < n && script.at(i + 1) == u'-') {
            const qsizetype end = script.indexOf(u'\n', i);
            const qsizetype stop = end < 0 ? n : end;
            current.text += QStringView(script).mid(i, stop - i);
            i = stop;
        } else if (c == u'/' && i + 1 < n && script.at(i + 1) == u'*') {
            const qsizetype end = script.indexOf(u"*/"_s, i + 2);
            const qsizetype stop = end < 0 ? n : end + 2;
            current.text += QStringView(script).mid(i, stop - i);
            i = stop;
        } else if (c == u'\'' || c == u'"' || c == u'`') {
            // A doubled quote inside is an escaped quote; it simply reopens the literal on the next pass.
            qsizetype end = script.indexOf(c, i + 1);
            const qsizetype stop = end < 0 ? n : end + 1;
            current.text += QStringView(script).mid(i, stop - i);
            current.hasCode = true;
            i = stop;
        } else if (c == u';') {
            if (current.isTrigger() && current.blockDepth > 0) {
                current.text += c;
                ++i;
            } else {
                finish();
                ++i;
            }
        } else if (isWordChar(c)) {
            qsizetype end = i;
            while (end < n && isWordChar(script.at(end)))
                ++end;
            const QString word = script.mid(i, end - i);
            current.addWord(word);
            current.text += word;
            current.hasCode = true;
            i = end;
        } else {
            if (!c.isSpace())
                current.hasCode = true;
            current.text += c;
            ++i;
        }
    }
    finish();
    return statements;
}

} // namespace AiHub::Storage
