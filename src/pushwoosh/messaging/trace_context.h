// Forwarding a request's trace to the calls made while serving it: the
// headers that tracing systems and meshes (Envoy, Istio) correlate on.
#ifndef PUSHWOOSH_MESSAGING_TRACE_CONTEXT_H_
#define PUSHWOOSH_MESSAGING_TRACE_CONTEXT_H_

#include <grpcpp/server_context.h>
#include <grpcpp/support/string_ref.h>

#include <array>
#include <map>
#include <string_view>

#include "pushwoosh/messaging/options.h"

namespace pushwoosh::messaging {

// W3C Trace Context, B3 (single and multi-header), OpenTracing's Envoy
// header and x-request-id: what Istio asks applications to forward.
inline constexpr std::array<std::string_view, 10> kTraceHeaders = {
    "traceparent",       "tracestate",        "b3",           "x-b3-traceid",
    "x-b3-spanid",       "x-b3-parentspanid", "x-b3-sampled", "x-b3-flags",
    "x-ot-span-context", "x-request-id"};

// Copies the trace headers among `incoming` (e.g. a server context's
// client_metadata()) into `options`: x-request-id as `request_id`, unless
// already set, and the others as metadata. Returns `options`.
CallOptions& ForwardTraceHeaders(
    const std::multimap<grpc::string_ref, grpc::string_ref>& incoming,
    CallOptions& options);

// A call made while serving `parent`: its trace headers, and its deadline
// when it has one, so that the call gives up when the caller has.
CallOptions ForwardedFrom(const grpc::ServerContextBase& parent,
                          CallOptions options = {});

}  // namespace pushwoosh::messaging

#endif  // PUSHWOOSH_MESSAGING_TRACE_CONTEXT_H_
