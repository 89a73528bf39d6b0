// Built against the installed package: cancels a message it created on
// the in-process fake server, and checks what the library reports. Exits
// non-zero on any surprise.
#include <cstdlib>
#include <iostream>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"
#include "pushwoosh/messaging/version.h"

namespace pm = ::pushwoosh::messaging;

int main() {
  std::cout << "pushwoosh-messaging " << pm::kVersion << "\n";
  pm::testing::FakeServerOptions server_options;
  server_options.accounts = {{"consumer-token", "consumer"}};
  auto server = pm::testing::FakeMessagingServer::Start(server_options);
  if (!server.ok()) {
    std::cerr << "fake server: " << server.status() << "\n";
    return EXIT_FAILURE;
  }

  pm::ClientOptions options;
  options.channel = (*server)->InProcessChannel();
  options.api_token = "consumer-token";
  auto client = pm::MessagingClient::Create(options);
  if (!client.ok()) {
    std::cerr << "client: " << client.status() << "\n";
    return EXIT_FAILURE;
  }

  pm::v2::NotifyRequest request;
  auto* transactional = request.mutable_transactional();
  transactional->set_application("CONS0-00000");
  transactional->mutable_users()->add_list("user-1");
  transactional->mutable_payload()->set_silent(true);
  auto created = client->Notify(request);
  if (!created.ok()) {
    std::cerr << "notify: " << pm::Error::From(created.status()).ToString()
              << "\n";
    return EXIT_FAILURE;
  }
  const std::string& code = created->result().message_code();
  std::cout << "created " << code << "\n";

  const bool canceled = client->Cancel(code).ok();
  const absl::Status again = client->Cancel(code).status();
  std::cout << "cancel: " << (canceled ? "canceled" : "failed") << "\n"
            << "cancel again: " << pm::Error::From(again).ToString() << "\n";
  return canceled && pm::ErrorKindOf(again) == pm::ErrorKind::kNotCancelable
             ? EXIT_SUCCESS
             : EXIT_FAILURE;
}
