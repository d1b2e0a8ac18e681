// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#pragma once

#include "core/common/result.h"
#include "ui/hubcontext.h"

#include <QObject>

#include <functional>

namespace AiHub::Ui {

// The desktop's own access key for the playground, so its calls are authenticated, billed and recorded like any
// client's. Created on first use; its token lives in the secret store (the database keeps only its hash).
class PlaygroundKey final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaygroundKey)

public:
    static QString keyName();    // "desktop-playground"
    static QString secretName(); // where the token is kept in the secret store

    explicit PlaygroundKey(QObject *parent = nullptr);

    void setContext(const HubContext &context);
    // The token, creating the key (and replacing a key whose token was lost) when needed. Runs `done` later.
    void obtain(std::function<void(Result<QString>)> done);

private:
    void createFresh(std::function<void(Result<QString>)> done);

    HubContext m_context;
    QString m_token;
};

} // namespace AiHub::Ui
