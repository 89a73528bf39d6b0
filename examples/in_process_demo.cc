// Notify → status → Cancel → status → Cancel again →
// Cancel of an unknown code, against the in-process fake server, printing
// each outcome. Exits non-zero if any outcome differs from the documented
// one, so it doubles as a smoke test.
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"
#include "pushwoosh/messaging/version.h"

namespace {

namespace pm = ::pushwoosh::messaging;

constexpr char kToken[] = "demo-token";
constexpr char kApplication[] = "DEMO0-00000";

int failures = 0;

void Step(std::string_view what, std::string_view outcome, bool as_expected) {
  std::cout << "  " << what << std::string(24 - what.size(), ' ') << "-> "
            << outcome << (as_expected ? "" : "   <-- UNEXPECTED") << "\n";
  if (!as_expected) ++failures;
}

void ExpectError(std::string_view what, const absl::Status& status,
                 pm::ErrorKind expected) {
  if (status.ok()) {
    Step(what, "ok", false);
    return;
  }
  const pm::Error error = pm::Error::From(status);
  Step(what, error.ToString(), error.kind() == expected);
}

void ExpectStatus(std::string_view what, const pm::MessagingClient& client,
                  const std::string& code, pm::MessageStatus expected) {
  auto info = client.GetMessageStatus(kApplication, code);
  if (!info.ok()) {
    Step(what, pm::Error::From(info.status()).ToString(), false);
    return;
  }
  Step(what, info->raw_status, info->status == expected);
}

}  // namespace

int main() {
  pm::testing::FakeServerOptions server_options;
  server_options.accounts = {{kToken, "demo-account"}};
  auto server = pm::testing::FakeMessagingServer::Start(server_options);
  if (!server.ok()) {
    std::cerr << "cannot start the fake server: " << server.status() << "\n";
    return EXIT_FAILURE;
  }
  pm::ClientOptions options;
  options.api_token = kToken;
  options.channel = (*server)->InProcessChannel();
  options.default_timeout = std::chrono::seconds(5);
  auto client = pm::MessagingClient::Create(options);
  if (!client.ok()) {
    std::cerr << "cannot create the client: " << client.status() << "\n";
    return EXIT_FAILURE;
  }

  std::cout << "pushwoosh-messaging-cpp " << pm::kVersion
            << " demo, against the in-process fake server\n";

  pm::v2::NotifyRequest request;
  auto* segment = request.mutable_segment();
  segment->set_application(kApplication);
  segment->set_code("all-subscribers");
  segment->add_platforms(pm::v2::IOS);
  (*segment->mutable_payload()
        ->mutable_content()
        ->mutable_localized_content())["en"]
      .mutable_ios()
      ->set_title("Flash sale in one hour");
  const auto in_one_hour =
      std::chrono::system_clock::now() + std::chrono::hours(1);
  segment->mutable_schedule()->mutable_at()->set_seconds(
      std::chrono::duration_cast<std::chrono::seconds>(
          in_one_hour.time_since_epoch())
          .count());

  auto notified = client->Notify(request);
  if (!notified.ok()) {
    Step("notify (in 1 hour)", pm::Error::From(notified.status()).ToString(),
         false);
    return EXIT_FAILURE;
  }
  const std::string code = notified->result().message_code();
  Step("notify (in 1 hour)", "message_code " + code, !code.empty());
  ExpectStatus("status", *client, code, pm::MessageStatus::kWaiting);

  const absl::Status canceled = client->Cancel(code).status();
  Step("cancel", canceled.ok() ? "ok" : pm::Error::From(canceled).ToString(),
       canceled.ok());
  ExpectStatus("status", *client, code, pm::MessageStatus::kCanceled);
  ExpectError("cancel again", client->Cancel(code).status(),
              pm::ErrorKind::kNotCancelable);
  ExpectError("cancel unknown code",
              client->Cancel("C3F8-C3863ED4-334AD4F1").status(),
              pm::ErrorKind::kMessageNotFound);

  std::cout << (failures == 0 ? "every outcome as documented\n"
                              : "some outcomes differ from the docs\n");
  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
