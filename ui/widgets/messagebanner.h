// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include <QLabel>

namespace AiHub::Ui {

// A coloured, selectable line of feedback under a page's controls: what happened, or what went wrong and what to
// do. Plain text only, because messages quote user input and provider answers.
class MessageBanner final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)

public:
    enum class Kind { Info, Success, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    void clearMessage();
    Kind kind() const { return m_kind; }

private:
    Kind m_kind = Kind::Info;
};

} // namespace AiHub::Ui
