#include "tools/pwmsg/per_code.h"

#include <google/protobuf/struct.pb.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "pushwoosh/messaging/error.h"
#include "tools/pwmsg/json_output.h"

namespace pushwoosh::tools {
namespace {

std::string JsonString(const std::string& text) {
  google::protobuf::Value value;
  value.set_string_value(text);
  return ResponseJson(value);
}

// The line printed for one code's outcome.
std::string OutcomeLine(const CliContext& context, bool many,
                        const std::string& code, const CodeOutcome& outcome) {
  const bool ok = outcome.status.ok();
  if (context.json) {
    std::string body = ok ? outcome.json : ErrorEnvelopeJson(outcome.status);
    if (!many) return body;
    return "{\"message_code\":" + JsonString(code) +
           (ok ? ",\"response\":" : ",\"error\":") + body + "}";
  }
  const std::string text =
      ok ? outcome.human : messaging::Error::From(outcome.status).ToString();
  return many ? code + ": " + text : text;
}

}  // namespace

absl::StatusOr<std::vector<std::string>> ReadCodes(
    const std::vector<std::string>& args, std::istream& in) {
  std::vector<std::string> codes;
  for (const std::string& arg : args) {
    if (arg != "-") {
      codes.push_back(arg);
      continue;
    }
    for (std::string line; std::getline(in, line);) {
      const auto code = absl::StripAsciiWhitespace(line);
      if (!code.empty()) codes.emplace_back(code);
    }
  }
  if (codes.empty()) {
    return absl::InvalidArgumentError(
        "no message codes: name them, or pass - to read them from stdin");
  }
  return codes;
}

absl::StatusOr<PerCodeArgs> ReadPerCodeArgs(const ParsedFlags& flags,
                                            std::istream& in) {
  PerCodeArgs args;
  if (auto text = flags.Get("concurrency")) {
    if (!absl::SimpleAtoi(*text, &args.concurrency) || args.concurrency < 1 ||
        args.concurrency > 1024) {
      return absl::InvalidArgumentError(
          "--concurrency wants a whole number from 1 to 1024");
    }
  }
  auto codes = ReadCodes(flags.positional(), in);
  if (!codes.ok()) return codes.status();
  args.codes = *std::move(codes);
  return args;
}

OutcomePrinter::OutcomePrinter(CliContext& context, std::size_t total,
                               std::string_view verb)
    : context_(context),
      many_(total > 1),
      progress_(context.err, context.err_is_terminal, total, verb) {}

void OutcomePrinter::Print(const std::string& code,
                           const CodeOutcome& outcome) {
  const std::string line = OutcomeLine(context_, many_, code, outcome);
  std::lock_guard<std::mutex> lock(mutex_);
  progress_.Erase();
  *context_.out << line << "\n" << std::flush;
  exit_code_.Add(ExitCodeFor(outcome.status));
  progress_.Record(outcome.status.ok());
}

ExitCode OutcomePrinter::Finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  context_.out->flush();
  progress_.Finish();
  return exit_code_.result();
}

ExitCode RunPerCode(CliContext& context, const std::vector<std::string>& codes,
                    int concurrency, std::string_view verb,
                    const PerCodeCall& call) {
  OutcomePrinter printer(context, codes.size(), verb);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < codes.size();) {
      printer.Print(codes[i], call(codes[i]));
    }
  };
  const auto threads = static_cast<std::size_t>(
      std::clamp(concurrency, 1,
                 static_cast<int>(std::min<std::size_t>(codes.size(), 1024))));
  {
    std::vector<std::jthread> workers;
    workers.reserve(threads - 1);
    for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(work);
    work();
  }
  return printer.Finish();
}

}  // namespace pushwoosh::tools
