// Quickstart: create a client, send a message, cancel it, read its status.
//
//   export PUSHWOOSH_GRPC_TARGET=host:443 PUSHWOOSH_API_TOKEN=...
//   PUSHWOOSH_APPLICATION=XXXXX-XXXXX quickstart
//
// Without PUSHWOOSH_GRPC_TARGET it runs against the in-process fake server,
// so it works anywhere (and runs as a test).
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"

namespace pm = ::pushwoosh::messaging;

namespace {

std::string Env(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : fallback;
}

}  // namespace

int main() {
  const std::string application = Env("PUSHWOOSH_APPLICATION", "DEMO0-00000");
  pm::ClientOptions options;
  options.api_token = Env("PUSHWOOSH_API_TOKEN", "quickstart-token");
  options.application = application;  // For the status look-ups.

  std::unique_ptr<pm::testing::FakeMessagingServer> fake;
  if (std::getenv("PUSHWOOSH_GRPC_TARGET") != nullptr) {
    options.target = Env("PUSHWOOSH_GRPC_TARGET", "");  // TLS by default.
  } else {
    pm::testing::FakeServerOptions fake_options;
    fake_options.accounts = {{options.api_token, "quickstart"}};
    fake = *pm::testing::FakeMessagingServer::Start(fake_options);
    options.channel = fake->InProcessChannel();
  }
  auto client = pm::MessagingClient::Create(options);
  if (!client.ok()) {
    std::cerr << "cannot create the client: " << client.status() << "\n";
    return EXIT_FAILURE;
  }

  // A push to one user, an hour from now.
  pm::v2::NotifyRequest request;
  auto* transactional = request.mutable_transactional();
  transactional->set_application(application);
  transactional->mutable_users()->add_list("user-42");
  auto& english = (*transactional->mutable_payload()
                        ->mutable_content()
                        ->mutable_localized_content())["en"];
  for (auto* platform : {english.mutable_ios(), english.mutable_android()}) {
    platform->set_title("Hello");
    platform->set_body("From quickstart");
  }
  transactional->mutable_schedule()->mutable_after()->set_seconds(3600);

  auto created = client->Notify(request);
  if (!created.ok()) {
    std::cerr << "notify: " << pm::Error::From(created.status()).ToString()
              << "\n";
    return EXIT_FAILURE;
  }
  const std::string code = created->result().message_code();
  std::cout << "created " << code << "\n";

  auto canceled = client->Cancel(code);
  if (!canceled.ok()) {
    // Branch on the kind, not on gRPC codes.
    const pm::Error error = pm::Error::From(canceled.status());
    std::cerr << "cancel: " << pm::ErrorKindName(error.kind()) << ": "
              << error.message() << "\n";
    return EXIT_FAILURE;
  }
  auto status = client->GetMessageStatus(application, code);
  if (!status.ok()) {
    std::cerr << "status: " << status.status() << "\n";
    return EXIT_FAILURE;
  }
  std::cout << "canceled; status is now " << status->raw_status << "\n";
  return status->status == pm::MessageStatus::kCanceled ? EXIT_SUCCESS
                                                        : EXIT_FAILURE;
}
