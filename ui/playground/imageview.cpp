// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "ui/playground/imageview.h"

#include "core/hub/conversationcharge.h"
#include "ui/playground/playgrounderror.h"
#include "ui/playgroundkey.h"
#include "ui/widgets/messagebanner.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardPaths>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

namespace AiHub::Ui {

namespace {
constexpr int kThumbnail = 240;
constexpr int kColumns = 3;
constexpr int kCreditAttempts = 25; // the usage writer commits in batches: ask again every 200 ms for 5 s

struct Decoded {
    QList<QImage> images;
    QList<QImage> thumbnails;
    QString error;
};

// Runs on a worker thread: base64 and PNG/JPEG decoding of a large image take tens of milliseconds.
Decoded decode(const QByteArray &body)
{
    Decoded out;
    const QJsonArray images = QJsonDocument::fromJson(body).object().value(QStringLiteral("images")).toArray();
    for (const QJsonValue &v : images) {
        const QJsonObject item = v.toObject();
        const QByteArray data = QByteArray::fromBase64(item.value(QStringLiteral("data")).toString().toLatin1());
        QImage image = QImage::fromData(data);
        if (image.isNull()) {
            out.error = ImageView::tr("The hub answered with an image this app cannot read (%1). Try another model.")
                            .arg(item.value(QStringLiteral("mimeType")).toString());
            continue;
        }
        out.thumbnails.append(image.scaled(kThumbnail, kThumbnail, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        out.images.append(std::move(image));
    }
    if (out.images.isEmpty() && out.error.isEmpty())
        out.error = ImageView::tr("The hub answered without an image. Try again or pick another model.");
    return out;
}
} // namespace

ImageView::ImageView(QNetworkAccessManager *network, PlaygroundKey *key, QWidget *parent)
    : QWidget(parent)
    , m_network(network)
    , m_key(key)
    , m_pool(new QThreadPool(this))
{
    m_pool->setMaxThreadCount(1);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(0, 8, 0, 0);
    auto *form = new QFormLayout;
    m_prompt = new QPlainTextEdit(this);
    m_prompt->setObjectName(QStringLiteral("imagePrompt"));
    m_prompt->setPlaceholderText(tr("Describe the image, e.g. \"A lighthouse at dusk, watercolour\""));
    m_prompt->setMaximumHeight(80);
    form->addRow(tr("Prompt"), m_prompt);
    auto *row = new QHBoxLayout;
    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("imageModelCombo"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setMinimumContentsLength(22);
    m_model->setToolTip(tr("Image models from the providers' catalogue; another can be typed"));
    m_size = new QComboBox(this);
    m_size->setObjectName(QStringLiteral("imageSizeCombo"));
    m_size->addItems({ QStringLiteral("256x256"), QStringLiteral("512x512"), QStringLiteral("1024x1024"),
                       QStringLiteral("1792x1024"), QStringLiteral("1024x1792") });
    m_size->setCurrentText(QStringLiteral("1024x1024"));
    m_count = new QSpinBox(this);
    m_count->setObjectName(QStringLiteral("imageCountSpin"));
    m_count->setRange(1, 4);
    m_count->setToolTip(tr("How many images: each is a call of its own, shown as soon as it arrives"));
    m_generateButton = new QPushButton(tr("Generate"), this);
    m_generateButton->setObjectName(QStringLiteral("generateButton"));
    m_generateButton->setDefault(true);
    m_generateButton->setToolTip(tr("Generate the images (%1)")
                                     .arg(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));
    m_cancelButton = new QPushButton(tr("Stop"), this);
    m_cancelButton->setObjectName(QStringLiteral("imageStopButton"));
    m_cancelButton->setToolTip(tr("Stop waiting for the images (%1)")
                                   .arg(QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText)));
    row->addWidget(m_model, 1);
    row->addSpacing(12);
    row->addWidget(new QLabel(tr("Size"), this));
    row->addWidget(m_size);
    row->addWidget(new QLabel(tr("Count"), this));
    row->addWidget(m_count);
    form->addRow(tr("Model"), row);
    root->addLayout(form);
    auto *actions = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("imageStatus"));
    actions->addWidget(m_status, 1);
    actions->addWidget(m_cancelButton);
    actions->addWidget(m_generateButton);
    root->addLayout(actions);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("imageBanner"));
    root->addWidget(m_banner);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::StyledPanel);
    m_gallery = new QWidget(scroll);
    m_gallery->setObjectName(QStringLiteral("imageGallery"));
    auto *galleryLayout = new QVBoxLayout(m_gallery);
    m_hint = new QLabel(tr("Generated images appear here as they arrive."), m_gallery);
    m_hint->setObjectName(QStringLiteral("imageHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setEnabled(false); // drawn in the dimmed text colour
    galleryLayout->addWidget(m_hint, 1);
    m_grid = new QGridLayout;
    m_grid->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_grid->setSpacing(12);
    galleryLayout->addLayout(m_grid);
    scroll->setWidget(m_gallery);
    root->addWidget(scroll, 1);

    connect(m_generateButton, &QPushButton::clicked, this, &ImageView::generate);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImageView::cancel);
    connect(m_prompt, &QPlainTextEdit::textChanged, this, &ImageView::updateButtons);
    connect(m_model, &QComboBox::currentTextChanged, this, &ImageView::updateButtons);
    updateButtons();
}

ImageView::~ImageView()
{
    cancel();
    m_pool->waitForDone(); // workers hold only copies, but post back to this object
}

void ImageView::setContext(const HubContext &context)
{
    m_context = context;
    updateButtons();
}

void ImageView::setModels(const QStringList &models)
{
    const QString current = m_model->currentText();
    m_model->clear();
    m_model->addItems(models);
    if (!current.isEmpty())
        m_model->setCurrentText(current);
    updateButtons();
}

void ImageView::generate()
{
    const QString prompt = m_prompt->toPlainText().trimmed();
    const QString model = m_model->currentText().trimmed();
    if (prompt.isEmpty() || isBusy() || !m_context.isReady())
        return;
    if (model.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("Choose an image model first. If the list is empty, add a provider that offers "
                                 "images (e.g. OpenAI) on the Providers page."));
        return;
    }
    m_banner->clearMessage();
    const int count = m_count->value();
    const quint64 generation = ++m_generation;
    m_status->setText(count == 1 ? tr("Generating 1 image…") : tr("Generating %1 images…").arg(count));
    m_generateButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_pendingDecodes = 0;
    QJsonObject input { { QStringLiteral("prompt"), prompt },
                        { QStringLiteral("n"), 1 },
                        { QStringLiteral("size"), m_size->currentText() },
                        { QStringLiteral("outputFileType"), QStringLiteral("file") },
                        { QStringLiteral("modelOptions"), QJsonObject { { QStringLiteral("model"), model } } } };
    const QByteArray body = QJsonDocument(QJsonObject { { QStringLiteral("input"), input } }).toJson(QJsonDocument::Compact);
    clearGallery();
    m_obtainingKey = true; // busy while the key is obtained
    m_key->obtain([this, body, count, model, generation](Result<QString> token) {
        m_obtainingKey = false;
        if (generation != m_generation)
            return; // cancelled meanwhile
        if (!token) {
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("The playground has no access key: %1").arg(token.error().message));
            return finishIfDone();
        }
        QNetworkRequest request(QUrl(m_context.serverUrl).resolved(QUrl(QStringLiteral("/api/v2/image"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + token->toUtf8());
        // created_at of the usage record is when the hub received the call; a second of slack for clocks.
        const qint64 sentAtMs = QDateTime::currentMSecsSinceEpoch() - 1000;
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        for (int i = 0; i < count; ++i) {
            QNetworkReply *reply = m_network->post(request, body);
            m_replies.append(reply);
            connect(reply, &QNetworkReply::finished, this, [this, reply, sentAtMs, clock, model] {
                onReply(reply, sentAtMs, double(clock->nsecsElapsed()) / 1e6, model);
            });
        }
    });
}

void ImageView::cancel()
{
    ++m_generation;
    const auto replies = m_replies;
    const bool wasBusy = isBusy();
    m_replies.clear();
    m_obtainingKey = false;
    for (const QPointer<QNetworkReply> &reply : replies) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
    if (wasBusy) {
        m_status->setText(tr("Stopped."));
        finishIfDone();
    }
}

void ImageView::onReply(QNetworkReply *reply, qint64 sentAtMs, double latencyMs, const QString &model)
{
    reply->deleteLater();
    m_replies.removeAll(reply);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 || reply->error() != QNetworkReply::NoError) {
        m_banner->showMessage(MessageBanner::Kind::Error, PlaygroundError::explainReply(QUrl(m_context.serverUrl), reply));
        return finishIfDone();
    }
    const QByteArray body = reply->readAll();
    const QString callId = QJsonDocument::fromJson(body).object().value(QStringLiteral("usage")).toObject()
                               .value(QStringLiteral("modelCallId")).toString();
    ++m_pendingDecodes;
    QPointer<ImageView> self(this);
    const quint64 generation = m_generation;
    m_pool->start([self, body, sentAtMs, latencyMs, model, callId, generation] {
        Decoded decoded = decode(body);
        QMetaObject::invokeMethod(self.data(), [self, decoded, sentAtMs, latencyMs, model, callId, generation] {
            if (!self)
                return;
            --self->m_pendingDecodes;
            if (generation == self->m_generation) {
                if (!decoded.error.isEmpty())
                    self->m_banner->showMessage(MessageBanner::Kind::Error, decoded.error);
                for (qsizetype i = 0; i < decoded.images.size(); ++i) {
                    self->addImage(Generated { decoded.images[i], model, callId, {}, latencyMs },
                                   decoded.thumbnails[i]);
                    self->readCredits(int(self->m_images.size() - 1), sentAtMs, 0);
                }
            }
            self->finishIfDone();
        });
    });
}

void ImageView::clearGallery()
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_images.clear();
    m_captions.clear();
    m_hint->show();
}

void ImageView::addImage(Generated generated, const QImage &thumbnail)
{
    const int index = int(m_images.size());
    m_images.append(std::move(generated));
    auto *card = new QWidget(m_gallery);
    card->setObjectName(QStringLiteral("imageCard%1").arg(index));
    card->setFixedWidth(kThumbnail);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *picture = new QLabel(card);
    picture->setObjectName(QStringLiteral("picture"));
    picture->setFixedSize(kThumbnail, kThumbnail);
    picture->setAlignment(Qt::AlignCenter);
    picture->setFrameShape(QFrame::StyledPanel);
    picture->setPixmap(QPixmap::fromImage(thumbnail));
    auto *caption = new QLabel(card);
    caption->setObjectName(QStringLiteral("caption"));
    caption->setWordWrap(true);
    caption->setMaximumWidth(kThumbnail);
    auto *save = new QPushButton(tr("Save…"), card);
    save->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    save->setObjectName(QStringLiteral("saveImageButton"));
    save->setToolTip(tr("Save this image to disk as PNG"));
    connect(save, &QPushButton::clicked, this, [this, index] { chooseSaveFile(index); });
    layout->addWidget(picture);
    auto *below = new QHBoxLayout;
    below->addWidget(caption, 1);
    below->addWidget(save, 0, Qt::AlignTop);
    layout->addLayout(below);
    m_grid->addWidget(card, index / kColumns, index % kColumns);
    m_hint->hide();
    m_captions.append(caption);
    updateCaption(index);
    Q_EMIT imageArrived(index);
}

void ImageView::updateCaption(int index)
{
    const Generated &g = m_images.at(index);
    QStringList parts { tr("%1 × %2").arg(g.image.width()).arg(g.image.height()),
                        g.latencyMs < 1000 ? tr("%1 ms").arg(qRound(g.latencyMs))
                                           : tr("%1 s").arg(g.latencyMs / 1000.0, 0, 'f', 1) };
    if (!g.credits.isEmpty())
        parts.append(tr("%1 credits").arg(g.credits));
    m_captions.at(index)->setText(parts.join(QStringLiteral(" · ")));
    m_captions.at(index)->setToolTip(g.model);
}

void ImageView::readCredits(int index, qint64 notBeforeMs, int attempt)
{
    if (!m_context.database || index >= m_images.size() || m_images.at(index).callId.isEmpty())
        return;
    QPointer<ImageView> self(this);
    auto database = m_context.database;
    const QString callId = m_images.at(index).callId;
    m_pool->start([self, database, callId, notBeforeMs, index, attempt] {
        Result<QString> credits = Hub::ConversationCharge::forCall(*database, callId, notBeforeMs);
        QMetaObject::invokeMethod(self.data(), [self, credits, notBeforeMs, index, attempt, callId] {
            if (!self || index >= self->m_images.size() || self->m_images.at(index).callId != callId)
                return;
            if (credits) {
                self->m_images[index].credits = *credits;
                self->updateCaption(index);
                Q_EMIT self->creditsKnown(index);
            } else if (credits.error().code == ErrorCode::NotFound && attempt + 1 < kCreditAttempts) {
                QTimer::singleShot(200, self.data(),
                                   [self, index, notBeforeMs, attempt] { self->readCredits(index, notBeforeMs, attempt + 1); });
            }
        });
    });
}

void ImageView::chooseSaveFile(int index)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    auto *dialog = new QFileDialog(this, tr("Save Image"), QDir(folder).filePath(QStringLiteral("image-%1.png").arg(index + 1)),
                                   tr("PNG image (*.png)"));
    dialog->setObjectName(QStringLiteral("saveImageDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("png"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, index](const QString &path) { saveImage(index, path); });
    dialog->open();
}

void ImageView::saveImage(int index, const QString &path)
{
    if (index < 0 || index >= m_images.size()) {
        Q_EMIT imageSaved(path, tr("There is no such image."));
        return;
    }
    QPointer<ImageView> self(this);
    const QImage image = m_images.at(index).image;
    m_pool->start([self, image, path] {
        const bool ok = image.save(path, "PNG");
        QMetaObject::invokeMethod(self.data(), [self, ok, path] {
            if (!self)
                return;
            const QString error = ok ? QString() : tr("The image could not be saved to %1: choose a folder you can "
                                                      "write to.")
                                                       .arg(QDir::toNativeSeparators(path));
            if (ok)
                self->m_banner->showMessage(MessageBanner::Kind::Success,
                                            tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
            else
                self->m_banner->showMessage(MessageBanner::Kind::Error, error);
            Q_EMIT self->imageSaved(path, error);
        });
    });
}

void ImageView::finishIfDone()
{
    if (isBusy()) {
        updateButtons();
        return;
    }
    if (m_status->text() != tr("Stopped."))
        m_status->setText(m_images.isEmpty()       ? QString()
                          : m_images.size() == 1 ? tr("1 image")
                                                 : tr("%1 images").arg(m_images.size()));
    updateButtons();
    Q_EMIT generationFinished();
}

void ImageView::updateButtons()
{
    const bool busy = isBusy();
    m_generateButton->setEnabled(m_context.isReady() && !busy && !m_prompt->toPlainText().trimmed().isEmpty());
    m_cancelButton->setEnabled(busy);
}

} // namespace AiHub::Ui
