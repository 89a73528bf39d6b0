#include <fstream>
#include <sstream>

#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "tools/pwmsg/commands.h"
#include "tools/pwmsg/json_output.h"

namespace pushwoosh::tools {
namespace {

namespace v2 = ::pushwoosh::messaging::v2;

constexpr std::array<std::string_view, 7> kShortFormFlags = {
    "application", "segment", "users", "title", "body", "at", "platform"};

absl::StatusOr<std::string> ReadRequestText(const std::string& path,
                                            std::istream& in) {
  std::stringstream text;
  if (path == "-") {
    text << in.rdbuf();
  } else {
    std::ifstream file(path);
    if (!file) {
      return absl::InvalidArgumentError("--request: cannot read " + path);
    }
    text << file.rdbuf();
  }
  return text.str();
}

// Fills the title and body of the platform blocks people send to most.
void SetContent(const ParsedFlags& flags, v2::Payload* payload) {
  auto& content =
      (*payload->mutable_content()->mutable_localized_content())["default"];
  for (v2::PlatformContent* block :
       {content.mutable_ios(), content.mutable_android(),
        content.mutable_huawei_android(), content.mutable_chrome(),
        content.mutable_firefox(), content.mutable_safari()}) {
    block->set_title(flags.Get("title").value_or(""));
    block->set_body(flags.Get("body").value_or(""));
  }
}

absl::Status SetSchedule(const ParsedFlags& flags, v2::Schedule* schedule) {
  auto at = flags.Get("at");
  if (!at.has_value()) return absl::OkStatus();
  absl::Time time;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, *at, &time, &error)) {
    return absl::InvalidArgumentError(
        "--at wants an RFC 3339 time such as "
        "2026-12-01T09:00:00Z: " +
        error);
  }
  const absl::Duration since_epoch = time - absl::UnixEpoch();
  const std::int64_t seconds = absl::ToInt64Seconds(since_epoch);
  schedule->mutable_at()->set_seconds(seconds);
  schedule->mutable_at()->set_nanos(static_cast<std::int32_t>(
      absl::ToInt64Nanoseconds(since_epoch - absl::Seconds(seconds))));
  return absl::OkStatus();
}

// The request of the short form; checks only what the client cannot.
absl::StatusOr<v2::NotifyRequest> BuildShortForm(const ParsedFlags& flags) {
  if (flags.Has("segment") == flags.Has("users")) {
    return absl::InvalidArgumentError(
        "name exactly one of --segment CODE or --users ID,...");
  }
  if (!flags.Has("title") && !flags.Has("body")) {
    return absl::InvalidArgumentError("--title or --body is required");
  }
  std::vector<v2::Platform> platforms;
  for (const std::string& name : flags.GetAll("platform")) {
    v2::Platform platform;
    if (!v2::Platform_Parse(name, &platform)) {
      return absl::InvalidArgumentError("--platform: unknown platform \"" +
                                        name + "\"");
    }
    platforms.push_back(platform);
  }

  v2::NotifyRequest request;
  const std::string application = flags.Get("application").value_or("");
  if (auto segment_code = flags.Get("segment")) {
    v2::NotifySegment* segment = request.mutable_segment();
    segment->set_application(application);
    segment->set_code(*segment_code);
    for (v2::Platform p : platforms) segment->add_platforms(p);
    SetContent(flags, segment->mutable_payload());
    if (auto s = SetSchedule(flags, segment->mutable_schedule()); !s.ok()) {
      return s;
    }
  } else {
    v2::NotifyTransactional* transactional = request.mutable_transactional();
    transactional->set_application(application);
    for (absl::string_view user :
         absl::StrSplit(*flags.Get("users"), ',', absl::SkipWhitespace())) {
      transactional->mutable_users()->add_list(std::string(user));
    }
    for (v2::Platform p : platforms) transactional->add_platforms(p);
    SetContent(flags, transactional->mutable_payload());
    if (auto s = SetSchedule(flags, transactional->mutable_schedule());
        !s.ok()) {
      return s;
    }
  }
  return request;
}

}  // namespace

ExitCode RunNotify(CliContext& context, const ParsedFlags& flags) {
  const bool short_form =
      std::any_of(kShortFormFlags.begin(), kShortFormFlags.end(),
                  [&](std::string_view name) { return flags.Has(name); });
  if (flags.Has("request") == short_form || !flags.positional().empty()) {
    *context.err << "pwmsg notify: pass either --request FILE|- or the short "
                    "form (--application, --segment|--users, --title, "
                    "--body, --at), and no arguments\n";
    return kExitUsage;
  }

  v2::NotifyRequest request;
  if (short_form) {
    auto built = BuildShortForm(flags);
    if (!built.ok()) {
      *context.err << "pwmsg notify: " << built.status().message() << "\n";
      return kExitUsage;
    }
    request = *std::move(built);
  } else {
    auto text = ReadRequestText(*flags.Get("request"), *context.in);
    if (!text.ok()) {
      *context.err << "pwmsg notify: " << text.status().message() << "\n";
      return kExitUsage;
    }
    // A body that does not parse is an invalid request, reported like one.
    if (auto s = ParseRestJson(*text, &request); !s.ok()) {
      return ReportError(context, s);
    }
  }

  auto response = context.client.Notify(request, context.call);
  if (!response.ok()) return ReportError(context, response.status());
  if (context.json) {
    *context.out << ResponseJson(*response) << "\n";
  } else {
    *context.out << "message_code " << response->result().message_code()
                 << "\n";
  }
  return kExitOk;
}

}  // namespace pushwoosh::tools
