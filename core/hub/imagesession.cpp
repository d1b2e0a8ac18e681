// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/imagesession.h"

#include "core/billing/tokenestimate.h"
#include "core/common/errorstatus.h"
#include "core/hub/upstreamsessionsupport.h"
#include "core/net/upstreamcall.h"
#include "core/net/upstreamclient.h"
#include "core/providers/iprovideradapter.h"
#include "core/usage/usagerecorder.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcImageSession, "aihub.hub.images")

namespace AiHub::Hub {

using namespace UpstreamSessionSupport;

namespace {
constexpr qsizetype kMaxBody = 128 * 1024 * 1024;
} // namespace

ImageSession::ImageSession(Net::UpstreamClient &client, Usage::UsageRecorder *recorder,
                           std::shared_ptr<const Providers::ProviderSnapshot> snapshot, Providers::ModelTarget target,
                           Providers::ImageRequest request, CallerInfo caller, QObject *parent)
    : QObject(parent)
    , UpstreamSessionCore(client, recorder, std::move(snapshot), std::move(target), std::move(caller))
    , m_request(std::move(request))
{
}

ImageSession::~ImageSession()
{
    if (!m_done)
        cancel();
}

void ImageSession::start()
{
    const Providers::LiveProvider &provider = *m_target.provider;
    if (!provider.adapter) {
        fail(Error::make(ErrorCode::InvalidArgument,
                         QStringLiteral("Image generation with %1 providers is not available in this version of "
                                        "the hub.")
                             .arg(Providers::ProviderKinds::displayName(provider.config.kind))));
        return;
    }
    m_request.model = m_target.upstreamModel;
    auto request = provider.adapter->imageRequest(provider, provider.pickCredential(), m_request);
    if (!request) {
        fail(fromProvider(request.error(), provider));
        return;
    }
    // billing: reserve here (n images at the model's per-image rate; InsufficientCredit → 402).
    if (m_meter) {
        m_inputBytes = m_request.prompt.toUtf8().size();
        Billing::MeterRequest meterRequest = UpstreamSessionSupport::meterRequest(m_caller, m_target,
                                                                                  Billing::RateType::Image);
        // Rates may be priced by size and quality ("1024x1024/hd"); the variant-less rate covers the rest.
        meterRequest.variant = m_request.quality.isEmpty() ? m_request.size
            : m_request.size.isEmpty()                     ? m_request.quality
                                                           : m_request.size + u'/' + m_request.quality;
        meterRequest.maximum.inputTokens = Billing::TokenEstimate::upperBound(m_inputBytes, 1);
        meterRequest.maximum.images = qMax(1, m_request.n);
        auto hold = m_meter->reserve(meterRequest);
        if (!hold) {
            m_refusal = refusalReason(hold.error());
            fail(hold.error());
            return;
        }
        m_hold = *hold;
    }
    send(std::move(*request));
}

void ImageSession::send(Net::UpstreamRequest request)
{
    if (m_timeouts)
        request.timeouts = *m_timeouts;
    m_body.clear();
    m_bodyTooLarge = false;
    m_upstream = m_client.send(std::move(request));
    connect(m_upstream, &Net::UpstreamCall::bodyData, this, [this](const QByteArray &data) {
        if (m_body.size() + data.size() > kMaxBody) {
            m_bodyTooLarge = true;
            m_body.clear();
        } else if (!m_bodyTooLarge) {
            m_body.append(data);
        }
    });
    connect(m_upstream, &Net::UpstreamCall::finished, this, [this] {
        if (m_fetchIndex < 0)
            onGenerated();
        else
            onFetched(!m_bodyTooLarge && m_upstream->status() >= 200 && m_upstream->status() < 300);
    });
    connect(m_upstream, &Net::UpstreamCall::failed, this, [this](const Error &error) {
        if (m_fetchIndex >= 0) {
            qCWarning(lcImageSession) << "fetching a generated image failed:" << error.message;
            onFetched(false);
            return;
        }
        fail(fromProvider(error, *m_target.provider));
    });
}

void ImageSession::cancel()
{
    if (m_done)
        return;
    abortCall(m_upstream, this);
    m_done = true;
    const Error error = clientClosedError();
    record(httpStatusFor(ErrorCode::Cancelled), &error);
}

void ImageSession::onGenerated()
{
    if (m_done)
        return;
    const Providers::LiveProvider &provider = *m_target.provider;
    const int status = m_upstream->status();
    if (m_bodyTooLarge) {
        fail(Error::make(ErrorCode::UpstreamProtocol,
                         QStringLiteral("%1 sent an image answer larger than 128 MiB; ask for fewer images.")
                             .arg(provider.config.name)));
        return;
    }
    if (status < 200 || status >= 300) {
        fail(provider.adapter->mapError(provider, status, m_body, retryAfterSeconds(m_upstream)));
        return;
    }
    auto result = provider.adapter->parseImages(provider, m_body);
    if (!result) {
        fail(fromProvider(result.error(), provider));
        return;
    }
    m_result = std::move(*result);
    if (m_result.model.isEmpty())
        m_result.model = m_target.upstreamModel;
    releaseCall(m_upstream, this);
    fetchNext();
}

void ImageSession::fetchNext()
{
    for (++m_fetchIndex; m_fetchIndex < m_result.images.size(); ++m_fetchIndex) {
        const Providers::GeneratedImage &image = m_result.images[m_fetchIndex];
        if (!image.data.isEmpty() || image.url.isEmpty())
            continue;
        const QUrl url(image.url);
        if (url.scheme() != QStringLiteral("http") && url.scheme() != QStringLiteral("https"))
            continue;
        Net::UpstreamRequest request;
        request.method = "GET";
        request.url = url;
        send(std::move(request));
        return;
    }
    finishOk();
}

void ImageSession::onFetched(bool ok)
{
    if (m_done)
        return;
    Providers::GeneratedImage &image = m_result.images[m_fetchIndex];
    if (ok && !m_body.isEmpty()) {
        image.data = m_body;
        const QByteArray type = m_upstream->header("content-type");
        if (type.startsWith("image/"))
            image.mimeType = QString::fromLatin1(type.split(';').constFirst().trimmed());
    } else {
        qCWarning(lcImageSession) << "could not fetch a generated image; handing out the provider's URL";
    }
    releaseCall(m_upstream, this);
    fetchNext();
}

void ImageSession::finishOk()
{
    m_done = true;
    // billing: settle here (images produced, or tokens where the provider reported them).
    record(200, nullptr);
    Q_EMIT completed(m_result);
}

void ImageSession::fail(Error error)
{
    if (m_done)
        return;
    abortCall(m_upstream, this);
    m_done = true;
    // billing: record() settles the hold (nothing charged for an undelivered answer).
    record(httpStatusFor(error.code), &error);
    Q_EMIT failed(error);
}

void ImageSession::record(int status, const Error *error)
{
    // billing: settle here. Only delivered images are charged (and prompt tokens where the provider reported them).
    Billing::Settlement settlement;
    settlement.reason = m_refusal;
    if (m_meter && m_hold) {
        Billing::Quantities used;
        Billing::Reason reason = Billing::Reason::FailedBeforeOutput;
        if (!error) {
            reason = Billing::Reason::Usage;
            used.images = m_result.images.size();
            used.inputTokens = m_result.usage.inputTokens.value_or(0);
        } else if (error->code == ErrorCode::Cancelled) {
            reason = Billing::Reason::Cancelled;
        }
        settlement = m_meter->settle(*m_hold, used, reason, m_caller.requestId);
        m_charged = settlement.credits;
    }
    if (!m_recorder)
        return;
    Usage::UsageRecord r = usageRecord(m_caller, m_target, Usage::CallType::Image, status, error, settlement);
    r.inputTokens = m_result.usage.inputTokens;
    r.outputTokens = m_result.usage.outputTokens;
    r.usageSource = m_result.usage.reported() ? Usage::UsageSource::Provider : Usage::UsageSource::None;
    m_recorder->record(std::move(r));
}

} // namespace AiHub::Hub
