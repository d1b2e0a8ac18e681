// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "ui/serverstatus.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace AiHub::Ui {

// The embedded server at a glance: its address, its state, where its data lives and how to call it.
class ServerPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPage)

public:
    explicit ServerPage(QWidget *parent = nullptr);

    void setStatus(const ServerStatus &status);
    void setDataDirectory(const QString &path);
    void setSecretStoreDescription(const QString &description);

    // The curl example for a server at url; a placeholder address when url is empty.
    static QString connectSnippet(const QString &url);

Q_SIGNALS:
    void addressCopied(const QString &url);

private:
    void copyAddress();
    void copySnippet();

    ServerStatus m_status;
    QLabel *m_stateDot = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_failureLabel = nullptr;
    QLineEdit *m_addressField = nullptr;
    QPushButton *m_copyAddressButton = nullptr;
    QString m_dataDirectory;
    QLabel *m_dataDirLabel = nullptr;
    QPushButton *m_openDataDirButton = nullptr;
    QLabel *m_secretStoreLabel = nullptr;
    QPlainTextEdit *m_snippetView = nullptr;
    QPushButton *m_copySnippetButton = nullptr;
};

} // namespace AiHub::Ui
