#include "tools/pwmsg/json_output.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/util/json_util.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "google/rpc/status.pb.h"
#include "pushwoosh/messaging/error.h"

namespace pushwoosh::tools {
namespace {

std::string ToJson(const google::protobuf::Message& message,
                   bool always_print_fields) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = always_print_fields;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(message, &json, options)
           .ok()) {
    return "";
  }
  return json;
}

// A detail of a type this program knows whose payload also decodes: the
// JSON printer would show an undecodable one as an empty message.
bool Decodes(const google::protobuf::Any& any) {
  const std::string& url = any.type_url();
  const std::string name = url.substr(url.rfind('/') + 1);
  const google::protobuf::Descriptor* type =
      google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(
          name);
  if (type == nullptr) return false;
  const google::protobuf::Message* prototype =
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(type);
  std::unique_ptr<google::protobuf::Message> detail(prototype->New());
  return detail->ParseFromString(any.value());
}

}  // namespace

std::string ResponseJson(const google::protobuf::Message& response) {
  return ToJson(response, /*always_print_fields=*/false);
}

std::string ErrorEnvelopeJson(const absl::Status& status) {
  const messaging::Error error = messaging::Error::From(status);
  google::rpc::Status received;
  if (!error.raw_details().empty()) {
    received.ParseFromString(error.raw_details());
  }
  google::rpc::Status envelope;
  envelope.set_code(error.grpc_code());
  envelope.set_message(error.message());
  for (const google::protobuf::Any& detail : received.details()) {
    if (Decodes(detail)) *envelope.add_details() = detail;
  }
  return ToJson(envelope, /*always_print_fields=*/true);
}

absl::Status ParseRestJson(const std::string& json,
                           google::protobuf::Message* message) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status =
      google::protobuf::util::JsonStringToMessage(json, message, options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("not a valid ", message->GetDescriptor()->full_name(),
                     " in REST JSON: ", status.message().as_string()));
  }
  return absl::OkStatus();
}

}  // namespace pushwoosh::tools
