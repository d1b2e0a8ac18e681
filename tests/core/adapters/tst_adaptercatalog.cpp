// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/adapters/adaptercatalog.h"
#include "core/providers/iprovideradapter.h"

#include <QTest>

using namespace AiHub::Providers;

class TestAdapterCatalog final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void openAiCompatibleKinds_shareOneAdapter()
    {
        const IProviderAdapter *openAi = AdapterCatalog::forKind(ProviderKind::OpenAI);
        QVERIFY(openAi);
        for (ProviderKind k : ProviderKinds::all()) {
            if (ProviderKinds::isOpenAiCompatible(k))
                QCOMPARE(AdapterCatalog::forKind(k), openAi);
        }
    }
    void everyKind_hasAnAdapter()
    {
        for (ProviderKind k : ProviderKinds::all())
            QVERIFY2(AdapterCatalog::forKind(k) != nullptr, qPrintable(ProviderKinds::name(k)));
    }
};

QTEST_GUILESS_MAIN(TestAdapterCatalog)
#include "tst_adaptercatalog.moc"
