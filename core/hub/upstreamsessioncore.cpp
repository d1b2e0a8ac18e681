// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The AIGNE Hub desktop authors
#include "core/hub/upstreamsessioncore.h"

#include "core/hub/upstreamsessionsupport.h"

namespace AiHub::Hub {

UpstreamSessionCore::UpstreamSessionCore(Net::UpstreamClient &client, Usage::UsageRecorder *recorder,
                                         std::shared_ptr<const Providers::ProviderSnapshot> snapshot,
                                         Providers::ModelTarget target, CallerInfo caller)
    : m_client(client)
    , m_recorder(recorder)
    , m_snapshot(std::move(snapshot))
    , m_target(std::move(target))
    , m_caller(std::move(caller))
{
    UpstreamSessionSupport::stampArrival(m_caller);
}

} // namespace AiHub::Hub
