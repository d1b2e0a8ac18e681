// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "tests/bench/nginxproxy.h"

#include "tests/bench/systeminfo.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <ctime>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace AiHub::Bench {

namespace {

bool canConnect(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

} // namespace

QByteArray NginxProxy::config(const QString &folder, quint16 listenPort, quint16 upstreamPort, bool runsAsRoot)
{
    const QByteArray dir = QDir(folder).absolutePath().toUtf8();
    QByteArray c;
    c += "# Written by aihub-bench: nginx as a plain reverse proxy in front of the mock upstream.\n";
    if (runsAsRoot)
        c += "user root;\n"; // our temporary folder is private; the worker must be able to use it
    c += "worker_processes 1;\n"
         "daemon off;\n"
         "master_process on;\n"
         "pid " + dir + "/nginx.pid;\n"
         "error_log " + dir + "/error.log warn;\n"
         "worker_rlimit_nofile 65536;\n"
         "events { worker_connections 16384; multi_accept on; }\n"
         "http {\n"
         "    access_log off;\n"
         "    client_body_temp_path " + dir + "/client_body;\n"
         "    proxy_temp_path " + dir + "/proxy;\n"
         "    fastcgi_temp_path " + dir + "/fastcgi;\n"
         "    uwsgi_temp_path " + dir + "/uwsgi;\n"
         "    scgi_temp_path " + dir + "/scgi;\n"
         "    keepalive_requests 1000000;\n"
         "    upstream mock {\n"
         "        server 127.0.0.1:" + QByteArray::number(upstreamPort) + ";\n"
         "        keepalive 128;\n"
         "        keepalive_requests 1000000;\n"
         "    }\n"
         "    server {\n"
         "        listen 127.0.0.1:" + QByteArray::number(listenPort) + " backlog=4096;\n"
         "        location / {\n"
         "            proxy_pass http://mock;\n"
         "            proxy_http_version 1.1;\n"
         "            proxy_set_header Connection \"\";\n"
         "        }\n"
         "    }\n"
         "}\n";
    return c;
}

Result<quint16> NginxProxy::freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return fail(ErrorCode::Internal, QStringLiteral("Cannot open a socket to find a free port."));
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    const bool ok = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0;
    ::close(fd);
    if (!ok)
        return fail(ErrorCode::Internal, QStringLiteral("Cannot find a free port on 127.0.0.1."));
    return quint16(ntohs(address.sin_port));
}

Status NginxProxy::start(const Settings &settings)
{
    if (!QFile::exists(settings.program))
        return fail(ErrorCode::NotFound, QStringLiteral("nginx is not at %1 (install nginx-light, or pass --nginx).")
                                             .arg(settings.program));
    if (!QDir().mkpath(settings.folder))
        return fail(ErrorCode::StorageReadOnly, QStringLiteral("Cannot create %1.").arg(settings.folder));
    auto port = freePort();
    if (!port)
        return fail(port.error());
    const QString confPath = settings.folder + QStringLiteral("/nginx.conf");
    QFile conf(confPath);
    if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || conf.write(config(settings.folder, *port, settings.upstreamPort, ::geteuid() == 0)) < 0)
        return fail(ErrorCode::StorageReadOnly, QStringLiteral("Cannot write %1.").arg(confPath));
    conf.close();

    ChildProcess::Spec spec;
    spec.program = settings.program;
    const QString errorLog = settings.folder + QStringLiteral("/error.log");
    spec.arguments = { QStringLiteral("-p"), settings.folder + u'/', QStringLiteral("-c"), confPath,
                       QStringLiteral("-e"), errorLog };
    spec.cpu = settings.cpu;
    spec.stdoutPath = settings.folder + QStringLiteral("/stdout.log");
    spec.stderrPath = settings.folder + QStringLiteral("/stderr.log");
    if (auto started = m_process.start(spec); !started)
        return started;
    const qint64 deadline = SystemInfo::nowNs() + 10'000'000'000LL;
    while (!canConnect(*port)) {
        if (!m_process.isRunning())
            return fail(ErrorCode::Internal, QStringLiteral("nginx stopped at start-up:\n%1%2")
                                                 .arg(ChildProcess::tail(spec.stderrPath), ChildProcess::tail(errorLog)));
        if (SystemInfo::nowNs() > deadline)
            return fail(ErrorCode::Internal,
                        QStringLiteral("nginx did not listen on port %1 within 10 s:\n%2").arg(*port).arg(
                            ChildProcess::tail(errorLog)));
        timespec ts { 0, 10'000'000 };
        ::nanosleep(&ts, nullptr);
    }
    m_port = *port;
    return {};
}

} // namespace AiHub::Bench
