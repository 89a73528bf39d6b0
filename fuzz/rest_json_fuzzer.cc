// Fuzzes the REST-JSON reader `pwmsg notify --request` uses, and the
// client-side validation a parsed request then goes through before anything
// is sent.
#include <google/protobuf/util/message_differencer.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "pushwoosh/messaging/internal/validation.h"
#include "pushwoosh/messaging/v2/messaging.pb.h"
#include "tools/pwmsg/json_output.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string json(reinterpret_cast<const char*>(data), size);
  pushwoosh::messaging::v2::NotifyRequest request;
  if (!pushwoosh::tools::ParseRestJson(json, &request).ok()) return 0;
  (void)pushwoosh::messaging::internal::ValidateNotifyRequest(request);
  // What was read prints back as JSON that reads to the same request.
  pushwoosh::messaging::v2::NotifyRequest again;
  Check(pushwoosh::tools::ParseRestJson(pushwoosh::tools::ResponseJson(request),
                                        &again)
            .ok());
  Check(google::protobuf::util::MessageDifferencer::Equals(again, request));
  return 0;
}
