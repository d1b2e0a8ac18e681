// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/access/accesskeystore.h"
#include "core/crypto/digest.h"
#include "core/storage/database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace AiHub;
using namespace AiHub::Access;
using namespace Qt::StringLiterals;

namespace {

const QString HowTo = u"aigne-hubd key create --name NAME"_s;

QByteArray secretOf(const QString &token)
{
    return token.mid(17).toLatin1();
}

QVariant scalar(const Storage::Database &db, const QString &sql, const QVariant &bind = {})
{
    QSqlQuery query(db.connection());
    query.prepare(sql);
    if (bind.isValid())
        query.addBindValue(bind);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0);
}

} // namespace

class TestAccessKeyStore final : public QObject {
    Q_OBJECT

private:
    void expectUnauthenticated(const Result<AccessKeyInfo> &result, const QByteArray &token)
    {
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::Unauthenticated);
        QVERIFY2(result.error().message.contains(HowTo), qPrintable(result.error().message));
        if (token.trimmed().size() > 8) { // the message may explain that keys start with "ahk_"
            const QString text = QString::fromLatin1(token.trimmed());
            QVERIFY2(!result.error().message.contains(text), "the message echoes the token");
        }
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<Storage::Database> m_db;
    std::unique_ptr<AccessKeyStore> m_store;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        Storage::DatabaseOptions options;
        options.busyTimeoutMs = 100;
        auto db = Storage::Database::open(m_dir->filePath(u"hub.db"_s), options);
        QVERIFY(db.has_value());
        m_db = *db;
        auto store = AccessKeyStore::open(m_db);
        QVERIFY(store.has_value());
        m_store = std::move(*store);
    }
    void cleanup()
    {
        m_store.reset();
        m_db.reset();
        m_dir.reset();
    }

    void create_returnsTokenInTheDocumentedFormat()
    {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        auto created = m_store->create(u"alice"_s, Role::Admin);
        QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().message));
        static const QRegularExpression format(u"^ahk_([0-9A-Za-z]{12})_[0-9A-Za-z_-]{43}$"_s);
        const QRegularExpressionMatch match = format.match(created->token);
        QVERIFY2(match.hasMatch(), qPrintable(created->token));
        QCOMPARE(created->token.size(), AccessKeyStore::TokenLength);
        QCOMPARE(QByteArray::fromBase64(secretOf(created->token), QByteArray::Base64UrlEncoding).size(), 32);
        QCOMPARE(created->info.keyId, match.captured(1));
        QCOMPARE(created->info.name, u"alice"_s);
        QCOMPARE(created->info.role, Role::Admin);
        QCOMPARE(created->info.account, u"alice"_s); // defaults to the name
        QVERIFY(created->info.id > 0);
        QVERIFY(created->info.createdAtMs >= before);
        QVERIFY(!created->info.isRevoked());

        auto other = m_store->create(u"bob"_s, Role::User, u"team-a"_s);
        QVERIFY(other.has_value());
        QCOMPARE(other->info.account, u"team-a"_s);
        QVERIFY(other->info.keyId != created->info.keyId);
        QVERIFY(secretOf(other->token) != secretOf(created->token));
    }

    void create_storesOnlyTheHashOfTheSecret()
    {
        auto created = m_store->create(u"alice"_s, Role::User);
        QVERIFY(created.has_value());
        const QByteArray secret = secretOf(created->token);
        QCOMPARE(scalar(*m_db, u"SELECT secret_hash FROM access_keys WHERE key_id = ?"_s, created->info.keyId)
                     .toByteArray(),
                 Crypto::Digest::sha256(secret));

        const QString path = m_db->filePath();
        const auto scan = [&] {
            for (const QString &file : { path, QString(path + u"-wal"_s) }) {
                QFile f(file);
                if (!f.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray bytes = f.readAll();
                QVERIFY2(!bytes.contains(secret), qPrintable(file));
                QVERIFY2(!bytes.contains(created->token.toLatin1()), qPrintable(file));
                QVERIFY2(!bytes.contains(QByteArray::fromBase64(secret, QByteArray::Base64UrlEncoding)),
                         qPrintable(file));
            }
        };
        scan();
        QVERIFY(QFile(path + u"-wal"_s).size() > 0 || QFile(path).size() > 0);
        m_store.reset();
        m_db.reset(); // checkpoints the WAL into the main file
        scan();
    }

    void verify_validToken_returnsTheKey()
    {
        auto created = m_store->create(u"alice"_s, Role::Admin, u"acme"_s);
        QVERIFY(created.has_value());
        const QByteArray token = created->token.toLatin1();
        const QList<QByteArray> forms { token, QByteArray("Bearer " + token),
                                        QByteArray("  bearer   " + token + "\r\n") };
        for (const QByteArray &form : forms) {
            auto info = m_store->verify(form);
            QVERIFY2(info.has_value(), form.constData());
            QCOMPARE(info->id, created->info.id);
            QCOMPARE(info->name, u"alice"_s);
            QCOMPARE(info->account, u"acme"_s);
            QCOMPARE(info->role, Role::Admin);
        }
    }

    void verify_wrongSecretOrUnknownKey_isUnauthenticated()
    {
        auto created = m_store->create(u"alice"_s, Role::User);
        QVERIFY(created.has_value());
        QByteArray wrongSecret = created->token.toLatin1();
        wrongSecret[30] = wrongSecret[30] == 'A' ? 'B' : 'A';
        expectUnauthenticated(m_store->verify(wrongSecret), wrongSecret);

        QByteArray unknownId = created->token.toLatin1();
        unknownId[6] = unknownId[6] == 'A' ? 'B' : 'A';
        expectUnauthenticated(m_store->verify(unknownId), unknownId);
        // The same answer for both, so public key ids cannot be probed for.
        QCOMPARE(m_store->verify(wrongSecret).error().message, m_store->verify(unknownId).error().message);
        QVERIFY(!m_store->verify(wrongSecret).error().message.contains(QString::fromLatin1(secretOf(created->token))));
    }

    void verify_badFormat_isUnauthenticated_data()
    {
        QTest::addColumn<QByteArray>("token");
        const QByteArray good = "ahk_ABCDEFGHJK12_" + QByteArray(43, 'x');
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("only Bearer") << QByteArray("Bearer ");
        QTest::newRow("provider key") << QByteArray("sk-proj-abcdefghijklmnopqrstuvwxyz0123456789");
        QTest::newRow("prefix only") << QByteArray("ahk_");
        QTest::newRow("secret too short") << good.left(good.size() - 1);
        QTest::newRow("secret too long") << good + "x";
        QTest::newRow("upper-case prefix") << "AHK_" + good.mid(4);
        QTest::newRow("no separator") << QByteArray(good).replace(16, 1, "x");
        QTest::newRow("bad key id char") << QByteArray(good).replace(5, 1, "-");
        QTest::newRow("padding in secret") << QByteArray(good).replace(59, 1, "=");
        QTest::newRow("plus in secret") << QByteArray(good).replace(20, 1, "+");
        QTest::newRow("non-ascii") << QByteArray(good).replace(20, 1, "\xc3");
        QTest::newRow("well formed but unknown") << good;
    }
    void verify_badFormat_isUnauthenticated()
    {
        QFETCH(QByteArray, token);
        expectUnauthenticated(m_store->verify(token), token);
    }

    void revoke_thenVerify_isUnauthenticatedAndSaysRevoked()
    {
        auto created = m_store->create(u"alice"_s, Role::User);
        QVERIFY(created.has_value());
        QVERIFY(m_store->verify(created->token.toLatin1()).has_value());
        QVERIFY(m_store->revoke(u"alice"_s).has_value());
        const auto result = m_store->verify(created->token.toLatin1());
        expectUnauthenticated(result, created->token.toLatin1());
        QVERIFY(result.error().message.contains(u"revoked"_s));
    }

    void revoke_unknownName_isNotFound()
    {
        const Status revoked = m_store->revoke(u"nobody"_s);
        QVERIFY(!revoked.has_value());
        QCOMPARE(revoked.error().code, ErrorCode::NotFound);
        QCOMPARE(m_store->revoke(u"bad name"_s).error().code, ErrorCode::InvalidArgument);
    }

    void create_duplicateActiveName_isRejectedUntilRevoked()
    {
        QVERIFY(m_store->create(u"alice"_s, Role::User).has_value());
        auto duplicate = m_store->create(u"alice"_s, Role::Admin);
        QVERIFY(!duplicate.has_value());
        QCOMPARE(duplicate.error().code, ErrorCode::AlreadyExists);
        QVERIFY(duplicate.error().message.contains(u"alice"_s));
        QVERIFY(duplicate.error().message.contains(u"key revoke"_s));

        QVERIFY(m_store->revoke(u"alice"_s).has_value());
        auto again = m_store->create(u"alice"_s, Role::Admin);
        QVERIFY(again.has_value());
        QCOMPARE(m_store->list(true)->size(), 2);
        QCOMPARE(m_store->list(false)->size(), 1);
        QCOMPARE(m_store->list(false)->first().role, Role::Admin);
    }

    void list_showsActiveKeysOrRevokedToo()
    {
        QVERIFY(m_store->create(u"a"_s, Role::Admin).has_value());
        QVERIFY(m_store->create(u"b"_s, Role::User, u"team"_s).has_value());
        QVERIFY(m_store->create(u"c"_s, Role::User).has_value());
        QVERIFY(m_store->revoke(u"b"_s).has_value());

        auto active = m_store->list(false);
        QVERIFY(active.has_value());
        QCOMPARE(active->size(), 2);
        QCOMPARE(active->at(0).name, u"a"_s);
        QCOMPARE(active->at(1).name, u"c"_s);

        auto all = m_store->list(true);
        QVERIFY(all.has_value());
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(1).name, u"b"_s);
        QCOMPARE(all->at(1).account, u"team"_s);
        QVERIFY(all->at(1).isRevoked());
        QVERIFY(!all->at(0).isRevoked());
    }

    void validateName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << u"alice"_s << true;
        QTest::newRow("all allowed characters") << u"Ab-9_x.y@z"_s << true;
        QTest::newRow("64 characters") << QString(64, u'a') << true;
        QTest::newRow("single character") << u"a"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("65 characters") << QString(65, u'a') << false;
        QTest::newRow("space") << u"alice smith"_s << false;
        QTest::newRow("slash") << u"a/b"_s << false;
        QTest::newRow("non-ascii letter") << u"jürgen"_s << false;
        QTest::newRow("quote") << u"a'b"_s << false;
        QTest::newRow("newline") << u"a\nb"_s << false;
    }
    void validateName()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(AccessKeyStore::validateName(name).has_value(), valid);
        auto created = m_store->create(name, Role::User);
        QCOMPARE(created.has_value(), valid);
        if (!valid) {
            QCOMPARE(created.error().code, ErrorCode::InvalidArgument);
            QVERIFY(created.error().message.contains(u"letters, digits"_s));
        }
    }

    void create_invalidAccount_isRejected()
    {
        auto created = m_store->create(u"alice"_s, Role::User, u"bad account"_s);
        QVERIFY(!created.has_value());
        QCOMPARE(created.error().code, ErrorCode::InvalidArgument);
        QVERIFY(created.error().message.contains(u"account"_s));
        QVERIFY(m_store->list(true)->isEmpty());
    }

    void createAndRevoke_bumpTheConfigGeneration()
    {
        const qint64 start = m_db->configGeneration().value();
        QVERIFY(m_store->create(u"alice"_s, Role::User).has_value());
        QCOMPARE(m_db->configGeneration().value(), start + 1);
        QVERIFY(m_store->revoke(u"alice"_s).has_value());
        QCOMPARE(m_db->configGeneration().value(), start + 2);
        QVERIFY(!m_store->create(u"bad name"_s, Role::User).has_value());
        QCOMPARE(m_db->configGeneration().value(), start + 2);
    }

    void reloadIfChanged_picksUpKeysMadeByAnotherProcess()
    {
        // The CLI: its own Database and store on the same file.
        auto cliDb = Storage::Database::open(m_db->filePath());
        QVERIFY(cliDb.has_value());
        auto cli = AccessKeyStore::open(*cliDb);
        QVERIFY(cli.has_value());
        auto created = (*cli)->create(u"from-cli"_s, Role::User);
        QVERIFY(created.has_value());

        QVERIFY(!m_store->verify(created->token.toLatin1()).has_value());
        QCOMPARE(m_store->reloadIfChanged().value(), true);
        QVERIFY(m_store->verify(created->token.toLatin1()).has_value());
        QCOMPARE(m_store->reloadIfChanged().value(), false);

        QVERIFY((*cli)->revoke(u"from-cli"_s).has_value());
        QVERIFY(m_store->verify(created->token.toLatin1()).has_value()); // until the server reloads
        QCOMPARE(m_store->reloadIfChanged().value(), true);
        QVERIFY(!m_store->verify(created->token.toLatin1()).has_value());
    }

    void verify_fromFourThreadsWhileReloading_isConsistent()
    {
        QList<QByteArray> tokens;
        for (int i = 0; i < 3; ++i)
            tokens.append(m_store->create(u"key-%1"_s.arg(i), Role::User)->token.toLatin1());
        QByteArray wrong = tokens.first();
        wrong[40] = wrong[40] == 'A' ? 'B' : 'A';

        std::atomic<int> wrongAnswers { 0 };
        std::atomic<int> verified { 0 };
        std::atomic<bool> done { false };
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back(QThread::create([&, t] {
                for (int i = 0; i < 3000; ++i) {
                    const QByteArray &token = tokens.at((i + t) % tokens.size());
                    if (!m_store->verify(token).has_value())
                        ++wrongAnswers;
                    if (m_store->verify(wrong).has_value())
                        ++wrongAnswers;
                    ++verified;
                }
            }));
            threads.back()->start();
        }
        int reloads = 0;
        int churn = 0;
        while (verified.load() < 4 * 3000 && reloads < 100000) {
            QVERIFY(m_store->reload().has_value());
            if (reloads % 10 == 0) { // keys come and go meanwhile
                const QString name = u"churn-%1"_s.arg(churn++);
                QVERIFY(m_store->create(name, Role::User).has_value());
                QVERIFY(m_store->revoke(name).has_value());
            }
            ++reloads;
        }
        for (auto &thread : threads)
            QVERIFY(thread->wait(30000));
        done = true;
        QCOMPARE(verified.load(), 4 * 3000);
        QCOMPARE(wrongAnswers.load(), 0);
        QVERIFY(reloads > 1);
    }

    void verify_doesNotTouchTheDatabase()
    {
        auto created = m_store->create(u"alice"_s, Role::User);
        QVERIFY(created.has_value());
        // Any database access from a new thread would open that thread's own connection.
        qsizetype connectionsBefore = -1;
        qsizetype connectionsAfter = -1;
        bool accepted = false;
        bool rejected = false;
        QByteArray wrong = created->token.toLatin1();
        wrong[30] = wrong[30] == 'A' ? 'B' : 'A';
        std::unique_ptr<QThread> worker(QThread::create([&] {
            connectionsBefore = QSqlDatabase::connectionNames().size();
            for (int i = 0; i < 100; ++i) {
                accepted = m_store->verify(created->token.toLatin1()).has_value();
                rejected = !m_store->verify(wrong).has_value();
            }
            connectionsAfter = QSqlDatabase::connectionNames().size();
        }));
        worker->start();
        QVERIFY(worker->wait(10000));
        QVERIFY(accepted);
        QVERIFY(rejected);
        QVERIFY(connectionsBefore >= 1);
        QCOMPARE(connectionsAfter, connectionsBefore);
    }

    void lastUsed_isKeptInMemoryThenFlushed()
    {
        auto created = m_store->create(u"alice"_s, Role::User);
        QVERIFY(created.has_value());
        const QString column = u"SELECT last_used_at FROM access_keys WHERE id = ?"_s;
        QVERIFY(scalar(*m_db, column, created->info.id).isNull());
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(m_store->verify(created->token.toLatin1()).has_value());

        QVERIFY(scalar(*m_db, column, created->info.id).isNull()); // verify wrote nothing
        QVERIFY(m_store->list(false)->first().lastUsedAtMs.value_or(0) >= before);
        QVERIFY(m_store->reload().has_value()); // a reload keeps the unflushed time
        QVERIFY(m_store->list(false)->first().lastUsedAtMs.value_or(0) >= before);

        QVERIFY(m_store->flushLastUsed().has_value());
        QVERIFY(scalar(*m_db, column, created->info.id).toLongLong() >= before);
    }

    void lastUsed_isFlushedByTheTimer()
    {
        auto created = m_store->create(u"alice"_s, Role::User);
        QVERIFY(created.has_value());
        m_store->setLastUsedFlushInterval(std::chrono::milliseconds(20));
        QVERIFY(m_store->verify(created->token.toLatin1()).has_value());
        QTRY_VERIFY(!scalar(*m_db, u"SELECT last_used_at FROM access_keys WHERE id = ?"_s, created->info.id).isNull());
    }

    void open_keepsKeysAcrossRestarts()
    {
        auto created = m_store->create(u"alice"_s, Role::User);
        QVERIFY(created.has_value());
        m_store.reset();
        auto reopened = AccessKeyStore::open(m_db);
        QVERIFY(reopened.has_value());
        QVERIFY((*reopened)->verify(created->token.toLatin1()).has_value());
    }
};

QTEST_GUILESS_MAIN(TestAccessKeyStore)
#include "tst_accesskeystore.moc"
