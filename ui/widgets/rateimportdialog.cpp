// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/widgets/rateimportdialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace AiHub::Ui {

namespace {
QString prices(const Billing::Rate &rate)
{
    if (rate.type == Billing::RateType::Image)
        return RateImportDialog::tr("%1 per image").arg(rate.output.toString());
    if (rate.type == Billing::RateType::Embedding)
        return RateImportDialog::tr("%1 in").arg(rate.input.toString());
    return RateImportDialog::tr("%1 in / %2 out").arg(rate.input.toString(), rate.output.toString());
}
} // namespace

RateImportDialog::RateImportDialog(const QString &fileName, const QList<Billing::RateChange> &changes,
                                   const QList<Billing::Rate> &notInFile, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Import Rates"));
    resize(720, 460);
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("importDiffTable"));
    m_table->setHorizontalHeaderLabels({ tr("Change"), tr("Model"), tr("Now"), tr("From the file") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus); // a list to read, not to edit: no focus frame on a cell
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    auto addRow = [this](const QString &change, const QColor &colour, const QString &model, const QString &before,
                         const QString &after) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *kind = new QTableWidgetItem(change);
        kind->setForeground(colour);
        m_table->setItem(row, 0, kind);
        m_table->setItem(row, 1, new QTableWidgetItem(model));
        m_table->setItem(row, 2, new QTableWidgetItem(before));
        m_table->setItem(row, 3, new QTableWidgetItem(after));
    };
    for (const Billing::RateChange &change : changes) {
        const QString model = change.after.key() + u" · " + Billing::rateTypeName(change.after.type);
        switch (change.kind) {
        case Billing::RateChange::Kind::Added:
            ++m_added;
            addRow(tr("Added"), QColor(0x15, 0x80, 0x3d), model, tr("unpriced"), prices(change.after));
            break;
        case Billing::RateChange::Kind::Changed:
            ++m_changed;
            addRow(tr("Changed"), QColor(0xb4, 0x53, 0x09), model, change.before ? prices(*change.before) : QString(),
                   prices(change.after));
            break;
        case Billing::RateChange::Kind::Unchanged:
            ++m_unchanged;
            break;
        }
    }
    for (const Billing::Rate &rate : notInFile) {
        ++m_notInFile;
        addRow(tr("Not in the file (kept)"), palette().color(QPalette::PlaceholderText),
               rate.key() + u" · " + Billing::rateTypeName(rate.type), prices(rate), prices(rate));
    }
    layout->addWidget(m_table, 1);
    m_summary->setText(tr("%1: %2").arg(QFileInfo(fileName).fileName(), summary()));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *apply = buttons->addButton(tr("Apply"), QDialogButtonBox::AcceptRole);
    apply->setObjectName(QStringLiteral("applyImportButton"));
    apply->setEnabled(m_added + m_changed > 0);
    apply->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString RateImportDialog::summary() const
{
    if (m_added + m_changed == 0)
        return tr("every rate in the file is already in use; nothing to apply.");
    return tr("%1 added, %2 changed, %3 unchanged; %4 current rates are not in the file and stay as they are.")
        .arg(m_added)
        .arg(m_changed)
        .arg(m_unchanged)
        .arg(m_notInFile);
}

} // namespace AiHub::Ui
