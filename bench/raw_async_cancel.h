// One Cancel through the raw generated stub's callback API, the baseline of
// the asynchronous benchmarks.
#ifndef PUSHWOOSH_BENCH_RAW_ASYNC_CANCEL_H_
#define PUSHWOOSH_BENCH_RAW_ASYNC_CANCEL_H_

#include <grpcpp/client_context.h>

#include <string>
#include <utility>

#include "bench_environment.h"

namespace pushwoosh::messaging::bench {

// `done(status)` runs on a gRPC thread.
template <typename Done>
void RawAsyncCancel(v2::MessagingService::Stub& stub, const std::string& code,
                    Done done) {
  struct Call {
    grpc::ClientContext context;
    v2::CancelRequest request;
    v2::CancelResponse response;
  };
  auto* call = new Call;
  PrepareRawContext(call->context);
  call->request.set_message_code(code);
  stub.async()->Cancel(&call->context, &call->request, &call->response,
                       [call, done = std::move(done)](grpc::Status status) {
                         delete call;
                         done(status);
                       });
}

}  // namespace pushwoosh::messaging::bench

#endif  // PUSHWOOSH_BENCH_RAW_ASYNC_CANCEL_H_
