// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/pages/ratespage.h"

#include "core/billing/billingsettings.h"
#include "core/billing/ratebook.h"
#include "core/billing/rateimport.h"
#include "core/storage/database.h"
#include "ui/widgets/derivecostdialog.h"
#include "ui/widgets/messagebanner.h"
#include "ui/widgets/pagestyle.h"
#include "ui/widgets/rateimportdialog.h"

#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSet>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace AiHub::Ui {

using Billing::Credits;
using Billing::Rate;
using Billing::RateType;

namespace {
constexpr RateType kTypes[] = { RateType::Chat, RateType::Image, RateType::Embedding };
constexpr int kRateRole = Qt::UserRole;      // on the provider cell: the current rate's id (0: unpriced)
constexpr int kVariantRole = Qt::UserRole + 1; // on the provider cell: the rate's variant

int indexOf(RateType type)
{
    return type == RateType::Chat ? 0 : type == RateType::Image ? 1 : 2;
}

// Credits for a typical call, so a rate's size is easy to judge.
QString exampleCredits(const Rate &rate)
{
    Billing::Quantities used;
    if (rate.type == RateType::Image)
        used.images = 1;
    else
        used.inputTokens = 1000;
    if (rate.type == RateType::Chat)
        used.outputTokens = 1000;
    const auto cost = rate.cost(used);
    return cost ? cost->toString() : QString();
}

QColor unpricedColour()
{
    return QColor(0xfe, 0xf3, 0xc7);
}
} // namespace

RatesPage::RatesPage(QWidget *parent)
    : QWidget(parent)
    , m_network(new QNetworkAccessManager(this))
{
    QVBoxLayout *root = PageStyle::column(this, tr("Model Rates"),
                                          tr("What each model costs in credits, per 1M tokens (images: per image). "
                                             "Double-click a rate to change it; the next call uses it."));

    // The base price: what one credit costs, and the margin rates derived from a provider's cost get.
    auto *priceRow = new QHBoxLayout;
    priceRow->addWidget(new QLabel(tr("Credit price"), this));
    m_currency = new QLabel(this);
    m_currency->setObjectName(QStringLiteral("currencyLabel"));
    priceRow->addWidget(m_currency);
    m_creditPrice = new QLineEdit(this);
    m_creditPrice->setObjectName(QStringLiteral("creditPriceField"));
    m_creditPrice->setMaximumWidth(110);
    m_creditPrice->setToolTip(tr("What one credit costs, in money"));
    priceRow->addWidget(m_creditPrice);
    priceRow->addSpacing(12);
    priceRow->addWidget(new QLabel(tr("Margin %"), this));
    m_margin = new QLineEdit(this);
    m_margin->setObjectName(QStringLiteral("marginField"));
    m_margin->setMaximumWidth(80);
    m_margin->setToolTip(tr("Target profit on top of the provider's cost when a rate is derived from it"));
    priceRow->addWidget(m_margin);
    m_savePrice = new QPushButton(tr("Save Price"), this);
    m_savePrice->setObjectName(QStringLiteral("savePriceButton"));
    connect(m_savePrice, &QPushButton::clicked, this, &RatesPage::saveBillingPrice);
    priceRow->addWidget(m_savePrice);
    priceRow->addStretch(1);
    root->addLayout(priceRow);

    m_unpricedNote = new QLabel(this);
    m_unpricedNote->setObjectName(QStringLiteral("unpricedNote"));
    m_unpricedNote->setWordWrap(true);
    m_unpricedNote->setStyleSheet(QStringLiteral("QLabel { background: #fef3c7; color: #78350f; border: 1px solid "
                                                 "#f9d67a; border-radius: 6px; padding: 6px 8px; }"));
    m_unpricedNote->hide();
    root->addWidget(m_unpricedNote);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("rateTabs"));
    const QString titles[] = { tr("Chat"), tr("Images"), tr("Embeddings") };
    for (RateType type : kTypes) {
        auto *table = new QTableWidget(0, ColumnCount, m_tabs);
        table->setObjectName(QStringLiteral("%1RatesTable").arg(Billing::rateTypeName(type)));
        QStringList headers { tr("Provider"), tr("Model") };
        if (type == RateType::Chat)
            headers << tr("Input / 1M") << tr("Output / 1M") << tr("1K in + 1K out");
        else if (type == RateType::Image)
            headers << tr("Prompt / 1M") << tr("Per image") << tr("One image");
        else
            headers << tr("Input / 1M") << QString() << tr("1K tokens");
        headers << tr("Status");
        table->setHorizontalHeaderLabels(headers);
        table->setColumnHidden(OutputColumn, type == RateType::Embedding);
        table->verticalHeader()->hide();
        table->setAlternatingRowColors(true);
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setSelectionMode(QAbstractItemView::SingleSelection);
        table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                               | QAbstractItemView::AnyKeyPressed);
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        table->horizontalHeader()->setSectionResizeMode(ModelColumn, QHeaderView::Stretch);
        table->setMinimumHeight(220);
        connect(table, &QTableWidget::itemChanged, this, [this, type](QTableWidgetItem *item) { cellEdited(type, item); });
        connect(table, &QTableWidget::itemSelectionChanged, this, &RatesPage::updateButtons);
        m_tables[indexOf(type)] = table;
        m_tabs->addTab(table, titles[indexOf(type)]);
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, &RatesPage::updateButtons);
    root->addWidget(m_tabs, 1);

    auto *buttons = new QHBoxLayout;
    m_refresh = new QPushButton(tr("Refresh Models"), this);
    m_refresh->setObjectName(QStringLiteral("refreshModelsButton"));
    m_refresh->setToolTip(tr("Ask the providers again which models they offer"));
    connect(m_refresh, &QPushButton::clicked, this, &RatesPage::refreshModels);
    m_derive = new QPushButton(tr("Derive from Cost…"), this);
    m_derive->setObjectName(QStringLiteral("deriveButton"));
    m_derive->setToolTip(tr("Set the selected model's rate from what the provider charges, plus the margin"));
    connect(m_derive, &QPushButton::clicked, this, &RatesPage::deriveSelected);
    m_history = new QPushButton(tr("History…"), this);
    m_history->setObjectName(QStringLiteral("historyButton"));
    m_history->setToolTip(tr("Every rate the selected model has had; each charge names the one it used"));
    connect(m_history, &QPushButton::clicked, this, &RatesPage::showSelectedHistory);
    m_import = new QPushButton(tr("Import…"), this);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setToolTip(tr("Read rates from a JSON or CSV price list; the changes are shown before they apply"));
    connect(m_import, &QPushButton::clicked, this, &RatesPage::chooseImportFile);
    buttons->addWidget(m_refresh);
    buttons->addStretch(1);
    buttons->addWidget(m_history);
    buttons->addWidget(m_derive);
    buttons->addWidget(m_import);
    root->addLayout(buttons);

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("messageBanner"));
    root->addWidget(m_banner);
    setContext({});
}

void RatesPage::setContext(const HubContext &context)
{
    m_context = context;
    m_offered.clear();
    reload();
    refreshModels();
}

QTableWidget *RatesPage::table(RateType type) const
{
    return m_tables[indexOf(type)];
}

RateType RatesPage::currentType() const
{
    return kTypes[std::max(0, m_tabs->currentIndex())];
}

int RatesPage::rowOf(RateType type, const QString &provider, const QString &model) const
{
    QTableWidget *t = table(type);
    for (int row = 0; row < t->rowCount(); ++row) {
        if (t->item(row, ProviderColumn)->text() == provider && t->item(row, ModelColumn)->text() == model)
            return row;
    }
    return -1;
}

bool RatesPage::isUnpriced(RateType type, int row) const
{
    QTableWidgetItem *item = table(type)->item(row, ProviderColumn);
    return item && item->data(kRateRole).toLongLong() == 0;
}

void RatesPage::reload()
{
    const bool ready = m_context.database != nullptr;
    m_creditPrice->setEnabled(ready);
    m_margin->setEnabled(ready);
    m_savePrice->setEnabled(ready);
    m_import->setEnabled(ready);
    m_refresh->setEnabled(ready && !m_context.serverUrl.isEmpty());
    QList<Rate> rates;
    if (ready) {
        if (auto settings = Billing::BillingSettings::load(*m_context.database)) {
            m_creditPrice->setText(settings->creditPrice.toString());
            m_margin->setText(settings->marginPercent.toString());
            m_currency->setText(settings->currencyPrefix);
        }
        auto current = Billing::RateBook(m_context.database).current();
        if (!current)
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("The rates cannot be read: %1").arg(current.error().message));
        else
            rates = *current;
    }
    for (RateType type : kTypes)
        fillTable(type, rates);
    int unpriced = 0;
    for (RateType type : kTypes) {
        for (int row = 0; row < table(type)->rowCount(); ++row)
            unpriced += isUnpriced(type, row) ? 1 : 0;
    }
    m_unpricedNote->setText(unpriced == 0 ? QString()
                                          : tr("Offered by your providers but without a rate: %1 (highlighted). "
                                               "With billing on they are refused or served free, as the billing "
                                               "settings say; enter their rates to charge for them.")
                                                .arg(unpriced));
    m_unpricedNote->setVisible(unpriced > 0);
    updateButtons();
}

QString RatesPage::unpricedNote() const
{
    return m_unpricedNote->text();
}

void RatesPage::fillTable(RateType type, const QList<Rate> &rates)
{
    QTableWidget *t = table(type);
    const int keepRow = t->currentRow();
    m_filling = true;
    t->setSortingEnabled(false);
    t->setRowCount(0);
    QSet<QString> priced;
    auto addRow = [&](const QString &provider, const QString &model, const Rate *rate) {
        const int row = t->rowCount();
        t->insertRow(row);
        auto *providerItem = new QTableWidgetItem(provider);
        providerItem->setData(kRateRole, rate ? rate->id : 0);
        providerItem->setData(kVariantRole, rate ? rate->variant : QString());
        auto *modelItem = new QTableWidgetItem(rate && !rate->variant.isEmpty() ? model + u" [" + rate->variant + u']'
                                                                                : model);
        for (QTableWidgetItem *fixed : { providerItem, modelItem })
            fixed->setFlags(fixed->flags() & ~Qt::ItemIsEditable);
        t->setItem(row, ProviderColumn, providerItem);
        t->setItem(row, ModelColumn, modelItem);
        t->setItem(row, InputColumn, new QTableWidgetItem(rate ? rate->input.toString() : QString()));
        t->setItem(row, OutputColumn, new QTableWidgetItem(rate ? rate->output.toString() : QString()));
        auto *credits = new QTableWidgetItem(rate ? exampleCredits(*rate) : QString());
        auto *status = new QTableWidgetItem(rate ? tr("Priced") : tr("Unpriced"));
        for (QTableWidgetItem *fixed : { credits, status })
            fixed->setFlags(fixed->flags() & ~Qt::ItemIsEditable);
        t->setItem(row, CreditsColumn, credits);
        t->setItem(row, StatusColumn, status);
        for (int c : { InputColumn, OutputColumn, CreditsColumn })
            t->item(row, c)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (!rate) {
            // Offered by a provider but without a price: billing refuses it (or serves it free) until it gets one.
            status->setToolTip(tr("A provider offers this model but it has no rate. Enter its rates to charge for it."));
            for (int c = 0; c < ColumnCount; ++c) {
                t->item(row, c)->setBackground(unpricedColour());
                t->item(row, c)->setForeground(QColor(0x78, 0x35, 0x0f));
            }
        }
    };
    for (const Rate &rate : rates) {
        if (rate.type != type)
            continue;
        priced.insert(rate.provider + u'/' + rate.model);
        addRow(rate.provider, rate.model, &rate);
    }
    for (const OfferedModel &offered : std::as_const(m_offered)) {
        if (offered.type == type && !priced.contains(offered.provider + u'/' + offered.model)) {
            priced.insert(offered.provider + u'/' + offered.model);
            addRow(offered.provider, offered.model, nullptr);
        }
    }
    if (keepRow >= 0 && keepRow < t->rowCount())
        t->selectRow(keepRow);
    m_filling = false;
}

void RatesPage::cellEdited(RateType type, QTableWidgetItem *item)
{
    if (m_filling || !m_context.database || (item->column() != InputColumn && item->column() != OutputColumn))
        return;
    QTableWidget *t = table(type);
    const int row = item->row();
    QTableWidgetItem *providerItem = t->item(row, ProviderColumn);
    const QString provider = providerItem->text();
    const QString variant = providerItem->data(kVariantRole).toString();
    QString model = t->item(row, ModelColumn)->text();
    if (!variant.isEmpty())
        model.chop(variant.size() + 3);

    // Both prices must be valid numbers of at least zero before anything is written.
    auto parse = [&](int column, Credits *into) -> bool {
        if (t->isColumnHidden(column)) {
            *into = Credits();
            return true;
        }
        const QString text = t->item(row, column)->text().trimmed();
        if (text.isEmpty())
            return false;
        auto value = Credits::parse(text);
        if (!value) {
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("\"%1\" is not a rate: enter a number of credits like 2.5 (at most 9 decimals). "
                                     "Nothing was changed.")
                                      .arg(text));
            return false;
        }
        if (value->isNegative()) {
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("A rate cannot be negative (%1). Enter 0 or more; nothing was changed.").arg(text));
            return false;
        }
        *into = *value;
        return true;
    };
    Credits input;
    Credits output;
    const QString text = item->text().trimmed();
    const bool edited = parse(item->column(), item->column() == InputColumn ? &input : &output);
    if (!edited) {
        if (text.isEmpty())
            m_banner->showMessage(MessageBanner::Kind::Error, tr("Enter a rate of 0 or more; nothing was changed."));
        reload(); // back to what is stored
        return;
    }
    const int other = item->column() == InputColumn ? OutputColumn : InputColumn;
    if (!parse(other, other == InputColumn ? &input : &output)) {
        const bool otherEmpty = t->item(row, other)->text().trimmed().isEmpty();
        if (otherEmpty && type == RateType::Image && other == InputColumn) {
            input = Credits(); // most image models price only the image; a prompt rate can be added later
        } else if (otherEmpty) {
            // An unpriced model being priced: wait for its other rate rather than silently charging zero for it.
            m_banner->showMessage(MessageBanner::Kind::Info,
                                  tr("Now enter the %1 rate of %2/%3; it is saved when both are set.")
                                      .arg(other == InputColumn ? tr("input") : tr("output"), provider, model));
            return;
        } else {
            reload();
            return;
        }
    }

    Rate rate;
    const qint64 currentId = providerItem->data(kRateRole).toLongLong();
    Billing::RateBook book(m_context.database);
    if (currentId > 0) {
        if (auto current = book.byId(currentId))
            rate = *current;
    }
    rate.id = 0;
    rate.provider = provider;
    rate.model = model;
    rate.type = type;
    rate.variant = variant;
    rate.input = input;
    rate.output = output;
    auto stored = book.set(rate);
    if (!stored) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("The rate of %1/%2 was not saved: %3").arg(provider, model, stored.error().message));
        reload();
        return;
    }
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("%1 now costs %2 credits per 1M input tokens and %3 %4; the next call is charged so.")
                              .arg(stored->key(), stored->input.toString(), stored->output.toString(),
                                   type == RateType::Image ? tr("per image") : tr("per 1M output tokens")));
    reload();
    Q_EMIT ratesChanged();
}

void RatesPage::refreshModels()
{
    if (m_context.serverUrl.isEmpty())
        return;
    // The hub's public model list: every model the configured providers offer, with its type.
    const QNetworkRequest request(QUrl(m_context.serverUrl).resolved(QUrl(QStringLiteral("/api/ai/models"))));
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("The providers' model list is not available (%1), so unpriced models are not "
                                     "shown. Check the Providers page, then press Refresh Models.")
                                      .arg(reply->errorString()));
            return;
        }
        QList<OfferedModel> offeredModels;
        for (const QJsonValue &value : QJsonDocument::fromJson(reply->readAll()).array()) {
            const QJsonObject model = value.toObject();
            OfferedModel offered;
            offered.provider = model.value(QStringLiteral("provider")).toString();
            offered.model = model.value(QStringLiteral("model")).toString();
            const QString type = model.value(QStringLiteral("type")).toString();
            offered.type = type == QStringLiteral("image_generation") ? RateType::Image
                : type == QStringLiteral("embedding")                  ? RateType::Embedding
                                                                        : RateType::Chat;
            if (!offered.provider.isEmpty() && !offered.model.isEmpty())
                offeredModels.append(offered);
        }
        setOfferedModels(offeredModels);
        Q_EMIT modelsLoaded();
    });
}

void RatesPage::setOfferedModels(const QList<OfferedModel> &models)
{
    m_offered = models;
    reload();
}

void RatesPage::saveBillingPrice()
{
    if (!m_context.database)
        return;
    const QString price = m_creditPrice->text().trimmed();
    const QString margin = m_margin->text().trimmed();
    auto parsedPrice = Credits::parse(price);
    if (!parsedPrice || parsedPrice->nanos() <= 0) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("The credit price must be a number above 0, like 0.001 (money per credit). "
                                 "Nothing was saved."));
        return;
    }
    auto parsedMargin = Credits::parse(margin);
    if (!parsedMargin || parsedMargin->isNegative()) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("The margin must be a percentage of 0 or more, like 20. Nothing was saved."));
        return;
    }
    for (const auto &[name, value] : { std::pair { QStringLiteral("credit-price"), price },
                                       std::pair { QStringLiteral("margin"), margin } }) {
        if (Status set = Billing::BillingSettings::set(*m_context.database, name, value); !set) {
            m_banner->showMessage(MessageBanner::Kind::Error, tr("Not saved: %1").arg(set.error().message));
            return;
        }
    }
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("One credit now costs %1; derived rates add a %2 % margin.").arg(price, margin));
}

void RatesPage::chooseImportFile()
{
    auto *dialog = new QFileDialog(this, tr("Import Rates"), QString(), tr("Price lists (*.json *.csv)"));
    dialog->setObjectName(QStringLiteral("importFileDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &RatesPage::importFile);
    dialog->open();
}

void RatesPage::importFile(const QString &path)
{
    if (!m_context.database)
        return;
    auto rates = Billing::RateImport::readFile(path);
    if (!rates) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("%1 was not imported: %2").arg(path, rates.error().message));
        return;
    }
    // A price list is applied whole or not at all: one bad rate refuses the file.
    for (const Rate &rate : std::as_const(*rates)) {
        const bool negative = rate.input.isNegative() || rate.output.isNegative()
            || (rate.cacheRead && rate.cacheRead->isNegative()) || (rate.cacheWrite && rate.cacheWrite->isNegative());
        if (negative) {
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("%1 was not imported: %2 has a negative rate. Correct the file and import it "
                                     "again; nothing was changed.")
                                      .arg(path, rate.key()));
            return;
        }
    }
    Billing::RateBook book(m_context.database);
    auto changes = Billing::RateImport::diff(book, *rates);
    auto current = book.current();
    if (!changes || !current) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("The rates cannot be compared: %1")
                                  .arg(!changes ? changes.error().message : current.error().message));
        return;
    }
    QSet<QString> inFile;
    for (const Rate &rate : std::as_const(*rates))
        inFile.insert(rate.key() + u'|' + Billing::rateTypeName(rate.type));
    QList<Rate> notInFile;
    for (const Rate &rate : std::as_const(*current)) {
        if (!inFile.contains(rate.key() + u'|' + Billing::rateTypeName(rate.type)))
            notInFile.append(rate);
    }
    auto *dialog = new RateImportDialog(path, *changes, notInFile, this);
    dialog->setObjectName(QStringLiteral("rateImportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, list = *rates] {
        if (!m_context.database)
            return;
        Billing::RateBook target(m_context.database);
        if (Status applied = Billing::RateImport::apply(target, list); !applied) {
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("No rate was imported: %1").arg(applied.error().message));
            return;
        }
        m_banner->showMessage(MessageBanner::Kind::Success, tr("Imported %1 rates.").arg(list.size()));
        reload();
        Q_EMIT ratesChanged();
    });
    dialog->open();
}

void RatesPage::deriveSelected()
{
    const RateType type = currentType();
    QTableWidget *t = table(type);
    const int row = t->currentRow();
    if (!m_context.database || row < 0)
        return;
    auto settings = Billing::BillingSettings::load(*m_context.database);
    if (!settings) {
        m_banner->showMessage(MessageBanner::Kind::Error, settings.error().message);
        return;
    }
    const QString provider = t->item(row, ProviderColumn)->text();
    const QString model = t->item(row, ModelColumn)->text();
    auto *dialog = new DeriveCostDialog(provider + u'/' + model, type, *settings, this);
    dialog->setObjectName(QStringLiteral("deriveCostDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, type, provider, model] {
        const int at = rowOf(type, provider, model);
        if (at < 0 || !dialog->input() || !dialog->output())
            return;
        QTableWidget *t = table(type);
        // Through the same path as typing the numbers: validated and written once both are in.
        m_filling = true;
        t->item(at, InputColumn)->setText(dialog->input()->toString());
        t->item(at, OutputColumn)->setText(dialog->output()->toString());
        m_filling = false;
        cellEdited(type, t->item(at, OutputColumn));
    });
    dialog->open();
}

void RatesPage::showSelectedHistory()
{
    const RateType type = currentType();
    QTableWidget *t = table(type);
    const int row = t->currentRow();
    if (!m_context.database || row < 0 || isUnpriced(type, row))
        return;
    QString model = t->item(row, ModelColumn)->text();
    const QString variant = t->item(row, ProviderColumn)->data(kVariantRole).toString();
    if (!variant.isEmpty())
        model.chop(variant.size() + 3);
    const QString provider = t->item(row, ProviderColumn)->text();
    auto history = Billing::RateBook(m_context.database).history(provider, model, type);
    if (!history) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("The rate history cannot be read: %1").arg(history.error().message));
        return;
    }
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("rateHistoryDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rate History of %1/%2").arg(provider, model));
    dialog->resize(560, 320);
    auto *layout = new QVBoxLayout(dialog);
    auto *list = new QTableWidget(0, 4, dialog);
    list->setObjectName(QStringLiteral("rateHistoryTable"));
    list->setHorizontalHeaderLabels({ tr("Rate"), tr("Since"), t->horizontalHeaderItem(InputColumn)->text(),
                                      t->horizontalHeaderItem(OutputColumn)->text() });
    list->setColumnHidden(3, type == RateType::Embedding);
    list->verticalHeader()->hide();
    list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    for (const Rate &rate : std::as_const(*history)) {
        if (rate.variant != variant)
            continue;
        const int at = list->rowCount();
        list->insertRow(at);
        list->setItem(at, 0, new QTableWidgetItem(QStringLiteral("#%1").arg(rate.id)));
        list->setItem(at, 1, new QTableWidgetItem(QLocale().toString(QDateTime::fromMSecsSinceEpoch(rate.createdAtMs),
                                                                     QLocale::ShortFormat)));
        list->setItem(at, 2, new QTableWidgetItem(rate.input.toString()));
        list->setItem(at, 3, new QTableWidgetItem(rate.output.toString()));
    }
    layout->addWidget(list, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->open();
}

void RatesPage::updateButtons()
{
    const RateType type = currentType();
    QTableWidget *t = table(type);
    m_derive->setEnabled(m_context.database && t->currentRow() >= 0);
    m_history->setEnabled(m_context.database && t->currentRow() >= 0 && !isUnpriced(type, t->currentRow()));
}

} // namespace AiHub::Ui
