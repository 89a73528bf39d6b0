// Notify to a segment and to users: the two shapes of NotifyRequest, with
// what the response and the errors look like. Against the in-process fake.
#include <cstdlib>
#include <iostream>
#include <string>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"

namespace pm = ::pushwoosh::messaging;

namespace {

constexpr char kApplication[] = "NOTI0-00000";

void SetText(pm::v2::Payload& payload, const std::string& title,
             const std::string& body) {
  auto& english =
      (*payload.mutable_content()->mutable_localized_content())["en"];
  for (auto* platform : {english.mutable_ios(), english.mutable_android()}) {
    platform->set_title(title);
    platform->set_body(body);
  }
}

}  // namespace

int main() {
  pm::testing::FakeServerOptions fake_options;
  fake_options.accounts = {{"notify-token", "notify"}};
  auto fake = pm::testing::FakeMessagingServer::Start(fake_options);
  if (!fake.ok()) return EXIT_FAILURE;
  pm::ClientOptions options;
  options.channel = (*fake)->InProcessChannel();
  options.api_token = "notify-token";
  auto client = pm::MessagingClient::Create(options);
  if (!client.ok()) return EXIT_FAILURE;

  // A marketing message to a segment, at a given time.
  pm::v2::NotifyRequest to_segment;
  auto* segment = to_segment.mutable_segment();
  segment->set_application(kApplication);
  segment->set_code("active-users");
  segment->mutable_schedule()->mutable_at()->set_seconds(4'070'908'800);
  SetText(*segment->mutable_payload(), "Sale", "Everything half price");
  auto segment_reply = client->Notify(to_segment);
  if (!segment_reply.ok()) return EXIT_FAILURE;
  std::cout << "segment message " << segment_reply->result().message_code()
            << "\n";

  // A transactional message to users, sent now. An idempotency key makes
  // the Notify safe to retry: the same key never creates a second message.
  pm::v2::NotifyRequest to_users;
  auto* transactional = to_users.mutable_transactional();
  transactional->set_application(kApplication);
  transactional->mutable_users()->add_list("user-1");
  transactional->mutable_users()->add_list("user-2");
  SetText(*transactional->mutable_payload(), "Order shipped",
          "It is on its way");
  pm::CallOptions call;
  call.idempotency_key = "order-1234-shipped";
  auto users_reply = client->Notify(to_users, call);
  auto repeated = client->Notify(to_users, call);
  if (!users_reply.ok() || !repeated.ok()) return EXIT_FAILURE;
  std::cout << "users message " << users_reply->result().message_code()
            << " (repeated with its key: " << repeated->result().message_code()
            << ")\n";

  // A request the client refuses before sending: no recipients.
  pm::v2::NotifyRequest empty;
  empty.mutable_transactional()->set_application(kApplication);
  const pm::Error error = pm::Error::From(client->Notify(empty).status());
  std::cout << "invalid request: " << error.ToString() << "\n";

  return users_reply->result().message_code() ==
                     repeated->result().message_code() &&
                 error.kind() == pm::ErrorKind::kInvalidRequest
             ? EXIT_SUCCESS
             : EXIT_FAILURE;
}
