// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "ui/hubcontext.h"

#include <QImage>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QGridLayout;
class QLabel;
class QNetworkAccessManager;
class QNetworkReply;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QThreadPool;

namespace AiHub::Ui {

class MessageBanner;
class PlaygroundKey;

// The playground's image tab: a prompt, an image model, size and count. Each image is asked for as a call of its
// own through the hub's POST /api/v2/image, so each appears as soon as it arrives, with the credits the hub
// recorded for it; "Save" writes it to disk as PNG. Decoding and encoding run off the GUI thread.
class ImageView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageView)

public:
    struct Generated {
        QImage image;
        QString model;
        QString callId;
        QString credits; // empty until read from the call's usage record
        double latencyMs = 0;
    };

    ImageView(QNetworkAccessManager *network, PlaygroundKey *key, QWidget *parent = nullptr);
    ~ImageView() override;

    void setContext(const HubContext &context);
    void setModels(const QStringList &models);
    bool isBusy() const { return m_obtainingKey || !m_replies.isEmpty() || m_pendingDecodes > 0; }
    QList<Generated> images() const { return m_images; }

public Q_SLOTS:
    void generate();
    void cancel();
    // Encodes image `index` as PNG to `path` on a worker thread; imageSaved() tells how it went.
    void saveImage(int index, const QString &path);

Q_SIGNALS:
    void imageArrived(int index);
    void creditsKnown(int index);
    void generationFinished();
    void imageSaved(const QString &path, const QString &error);

private:
    void onReply(QNetworkReply *reply, qint64 sentAtMs, double startedMs, const QString &model);
    void addImage(Generated generated, const QImage &thumbnail);
    void clearGallery();
    void readCredits(int index, qint64 notBeforeMs, int attempt);
    void updateCaption(int index);
    void chooseSaveFile(int index);
    void updateButtons();
    void finishIfDone();

    HubContext m_context;
    QNetworkAccessManager *m_network = nullptr;
    PlaygroundKey *m_key = nullptr;
    QThreadPool *m_pool = nullptr;
    QList<QPointer<QNetworkReply>> m_replies;
    QList<Generated> m_images;
    QList<QLabel *> m_captions;
    int m_pendingDecodes = 0;
    bool m_obtainingKey = false;
    quint64 m_generation = 0;

    QPlainTextEdit *m_prompt = nullptr;
    QComboBox *m_model = nullptr;
    QComboBox *m_size = nullptr;
    QSpinBox *m_count = nullptr;
    QPushButton *m_generateButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_status = nullptr;
    MessageBanner *m_banner = nullptr;
    QWidget *m_gallery = nullptr;
    QLabel *m_hint = nullptr; // shown while the gallery is empty
    QGridLayout *m_grid = nullptr;
};

} // namespace AiHub::Ui
