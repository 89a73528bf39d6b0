#include <google/protobuf/repeated_field.h>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "tools/pwmsg/commands.h"
#include "tools/pwmsg/json_output.h"

namespace pushwoosh::tools {
namespace {

namespace stats = ::pushwoosh::statistics::v2;

absl::StatusOr<int> IntFlag(const ParsedFlags& flags, const char* name) {
  int value = 0;
  auto text = flags.Get(name);
  if (text.has_value() && !absl::SimpleAtoi(*text, &value)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", name, " wants a whole number"));
  }
  return value;
}

// The request the flags describe; values are checked by the client.
absl::StatusOr<stats::ListMessagesRequest> BuildRequest(
    const ParsedFlags& flags) {
  stats::ListMessagesRequest request;
  auto* filters = request.mutable_filters();
  filters->set_application(flags.Get("application").value_or(""));
  for (const std::string& code : flags.GetAll("code")) {
    filters->add_messages_codes(code);
  }
  for (const std::string& name : flags.GetAll("platform")) {
    messaging::v2::Platform platform;
    if (!messaging::v2::Platform_Parse(absl::AsciiStrToUpper(name),
                                       &platform)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--platform: unknown platform \"", name, "\""));
    }
    filters->add_platforms(platform);
  }
  if (auto name = flags.Get("source")) {
    stats::Source source;
    if (!stats::Source_Parse(absl::AsciiStrToUpper(*name), &source)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--source: unknown source \"", *name, "\""));
    }
    filters->set_source(source);
  }
  filters->set_campaign(flags.Get("campaign").value_or(""));
  if (flags.Has("date-from") || flags.Has("date-to")) {
    filters->mutable_date_range()->set_date_from(
        flags.Get("date-from").value_or(""));
    filters->mutable_date_range()->set_date_to(
        flags.Get("date-to").value_or(""));
  }
  request.mutable_params()->set_with_details(flags.Has("with-details"));
  request.mutable_params()->set_with_metrics(flags.Has("with-metrics"));
  auto page = IntFlag(flags, "page");
  auto per_page = IntFlag(flags, "per-page");
  if (!page.ok()) return page.status();
  if (!per_page.ok()) return per_page.status();
  request.set_page(*page);
  request.set_per_page(*per_page);
  return request;
}

}  // namespace

ExitCode RunList(CliContext& context, const ParsedFlags& flags) {
  if (!flags.Has("application") || !flags.positional().empty()) {
    *context.err << "pwmsg list: --application is required and no "
                    "arguments are taken\n";
    return kExitUsage;
  }
  auto request = BuildRequest(flags);
  if (!request.ok()) {
    *context.err << "pwmsg list: " << request.status().message() << "\n";
    return kExitUsage;
  }

  stats::ListMessagesResponse listed;
  if (flags.Has("all")) {
    auto pager = context.client.ListMessagesPages(*request, context.call);
    for (;;) {
      auto page = pager.NextPage();
      if (!page.ok()) return ReportError(context, page.status());
      if (!page->has_value()) break;
      listed.set_total((*page)->total());
      for (auto& item : *(*page)->mutable_items()) {
        *listed.add_items() = std::move(item);
      }
    }
  } else {
    auto page = context.client.ListMessages(*request, context.call);
    if (!page.ok()) return ReportError(context, page.status());
    listed = *std::move(page);
  }

  if (context.json) {
    *context.out << ResponseJson(listed) << "\n";
    return kExitOk;
  }
  for (const stats::Message& message : listed.items()) {
    *context.out << message.id() << "  " << message.code() << "  "
                 << message.status() << "  created " << message.created_date()
                 << "  send " << message.send_date() << "\n";
  }
  *context.out << "total " << listed.total() << "\n";
  return kExitOk;
}

}  // namespace pushwoosh::tools
