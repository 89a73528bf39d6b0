// The JSON pwmsg prints: responses in the REST shape (proto field names,
// as the gateway answers) and failures as the gateway's error envelope
// {"code": N, "message": "...", "details": [...]}.
#ifndef PUSHWOOSH_TOOLS_PWMSG_JSON_OUTPUT_H_
#define PUSHWOOSH_TOOLS_PWMSG_JSON_OUTPUT_H_

#include <google/protobuf/message.h>

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace pushwoosh::tools {

// One line, no trailing newline.
std::string ResponseJson(const google::protobuf::Message& response);

// The envelope of a failed call: code and message as received, and every
// detail this program can decode (others are dropped, not garbled).
std::string ErrorEnvelopeJson(const absl::Status& status);

// Reads a message from REST JSON (proto field names or their lowerCamel
// JSON names). Unknown fields are an error, so that a typo is not dropped.
absl::Status ParseRestJson(const std::string& json,
                           google::protobuf::Message* message);

}  // namespace pushwoosh::tools

#endif  // PUSHWOOSH_TOOLS_PWMSG_JSON_OUTPUT_H_
