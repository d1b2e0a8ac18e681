// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/billing/rateimport.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace AiHub::Ui {

// The difference a price list makes, before it is applied: added, changed, unchanged rates, and the current rates
// the file does not mention (kept as they are). Accepting the dialog means "apply".
class RateImportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateImportDialog)

public:
    RateImportDialog(const QString &fileName, const QList<Billing::RateChange> &changes,
                     const QList<Billing::Rate> &notInFile, QWidget *parent = nullptr);

    int addedCount() const { return m_added; }
    int changedCount() const { return m_changed; }
    int unchangedCount() const { return m_unchanged; }
    int notInFileCount() const { return m_notInFile; }
    QString summary() const;

private:
    int m_added = 0;
    int m_changed = 0;
    int m_unchanged = 0;
    int m_notInFile = 0;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace AiHub::Ui
