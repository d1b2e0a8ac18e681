// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/net/httpresponseparser.h"
#include "core/net/responseheaders.h"

#include <QTest>

using namespace AiHub;
using namespace AiHub::Net;

namespace {

// The headers of one response as the parser hands them over.
ResponseHeaders parsedHeaders(const QByteArray &response)
{
    HttpResponseParser parser;
    parser.reset();
    parser.feed(response);
    QByteArray body;
    for (;;) {
        const auto event = parser.next(&body);
        if (!event || *event == HttpResponseParser::Event::NeedMoreData)
            return {};
        if (*event == HttpResponseParser::Event::HeadersComplete)
            return parser.takeHeaders();
    }
}

const QByteArray kResponse = "HTTP/1.1 429 Too Many Requests\r\n"
                             "Content-Type: application/json\r\n"
                             "Retry-After:  7 \r\n"
                             "X-Empty:\r\n"
                             "set-cookie: a=1\r\n"
                             "Set-Cookie: b=2\r\n"
                             "Content-Length: 0\r\n\r\n";

} // namespace

class TestResponseHeaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void value_firstMatchIgnoringCase_nullWhenMissing_emptyWhenEmpty()
    {
        const ResponseHeaders h = parsedHeaders(kResponse);
        QCOMPARE(h.size(), 6);
        QCOMPARE(h.value("retry-after"), QByteArray("7"));
        QCOMPARE(h.value("RETRY-AFTER"), QByteArray("7"));
        QCOMPARE(h.value("Set-Cookie"), QByteArray("a=1"));
        QVERIFY(h.value("retry-afte").isNull());
        QVERIFY(h.value("x-missing").isNull());
        QVERIFY(!h.value("x-empty").isNull());
        QVERIFY(h.value("x-empty").isEmpty());
        QCOMPARE(h.values("SET-COOKIE"), (QList<QByteArray> { "a=1", "b=2" }));
        QVERIFY(h.values("x-missing").isEmpty());
    }

    void list_keepsOrderAndCase_andOutlivesTheHeaders()
    {
        ResponseHeaders::List list;
        {
            const ResponseHeaders h = parsedHeaders(kResponse);
            QCOMPARE(h.nameAt(1), QByteArrayView("Retry-After"));
            QCOMPARE(h.valueAt(1), QByteArrayView("7"));
            list = h.list();
        }
        QCOMPARE(list.size(), 6);
        QCOMPARE(list.at(0), (QPair<QByteArray, QByteArray>("Content-Type", "application/json")));
        QCOMPARE(list.at(3).first, QByteArray("set-cookie"));
        QCOMPARE(list.at(5), (QPair<QByteArray, QByteArray>("Content-Length", "0")));
        for (const auto &[name, value] : std::as_const(list)) {
            QCOMPARE(name.constData()[name.size()], '\0'); // usable as C strings, as every QByteArray is
            QCOMPARE(value.constData()[value.size()], '\0');
        }
    }

    void slices_shareOneBlock_withoutCopying()
    {
        const ResponseHeaders h = parsedHeaders(kResponse);
        const QByteArray type = h.value("content-type");
        const QByteArray retry = h.value("retry-after");
        // Both point into the same allocation the names sit in: no copy was made for either.
        const char *name = h.nameAt(0).data();
        QCOMPARE(type.constData(), h.valueAt(0).data());
        QCOMPARE(retry.constData(), h.valueAt(1).data());
        QVERIFY(name < type.constData() && type.constData() < retry.constData());
    }

    void defaultAndTaken_areEmpty()
    {
        const ResponseHeaders none;
        QVERIFY(none.isEmpty());
        QVERIFY(none.value("anything").isNull());
        QVERIFY(none.list().isEmpty());

        HttpResponseParser parser;
        parser.reset();
        parser.feed(kResponse);
        QByteArray body;
        QCOMPARE(*parser.next(&body), HttpResponseParser::Event::HeadersComplete);
        QCOMPARE(parser.header("retry-after"), QByteArray("7")); // readable in place until taken
        const ResponseHeaders taken = parser.takeHeaders();
        QCOMPARE(taken.value("retry-after"), QByteArray("7"));
        QVERIFY(parser.headers().isEmpty());
        QVERIFY(parser.header("retry-after").isNull());
        QVERIFY(parser.takeHeaders().isEmpty()); // once only
    }
};

QTEST_GUILESS_MAIN(TestResponseHeaders)
#include "tst_responseheaders.moc"
