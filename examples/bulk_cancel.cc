// Bulk cancel: CancelMany over many codes with a bounded window of
// asynchronous calls, a result per code as it completes, and a summary.
// Runs against the in-process fake server with a mix of cancelable,
// finished and unknown codes.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/testing/fake_messaging_server.h"

namespace pm = ::pushwoosh::messaging;

int main() {
  pm::testing::FakeServerOptions fake_options;
  fake_options.accounts = {{"bulk-token", "bulk"}};
  auto fake = pm::testing::FakeMessagingServer::Start(fake_options);
  if (!fake.ok()) return EXIT_FAILURE;
  pm::ClientOptions options;
  options.channel = (*fake)->InProcessChannel();
  options.api_token = "bulk-token";
  auto client = pm::MessagingClient::Create(options);
  if (!client.ok()) return EXIT_FAILURE;

  std::vector<std::string> codes;
  for (int i = 0; i < 100; ++i) {
    pm::v2::NotifyRequest request;
    auto* transactional = request.mutable_transactional();
    transactional->set_application("BULK0-00000");
    transactional->mutable_users()->add_list("user-" + std::to_string(i));
    transactional->mutable_payload()->set_silent(true);
    auto created = client->Notify(request);
    if (!created.ok()) return EXIT_FAILURE;
    codes.push_back(created->result().message_code());
  }
  codes.push_back("C3F8-C3863ED4-334AD4F1");  // Not a message of ours.
  codes.push_back(codes.front());             // Canceled by then.

  pm::CancelManyOptions cancel_options;
  cancel_options.max_in_flight = 16;
  // One call at a time, in completion order, on a gRPC thread: keep it
  // short.
  cancel_options.on_result =
      [&codes](std::size_t index,
               const absl::StatusOr<pm::CancelResult>& result) {
        if (!result.ok()) {
          std::cout << codes[index] << ": "
                    << pm::ErrorKindName(pm::ErrorKindOf(result.status()))
                    << "\n";
        }
      };
  auto run = client->CancelMany(codes, cancel_options);
  if (!run.ok()) {
    std::cerr << "bulk cancel refused: " << run.status() << "\n";
    return EXIT_FAILURE;
  }
  const pm::CancelManyProgress& counts = run->counts;
  std::cout << counts.canceled << " canceled, " << counts.not_cancelable
            << " not cancelable, " << counts.not_found << " not found, "
            << counts.failed << " failed\n";
  return counts.canceled == 100 && counts.not_found == 1 &&
                 counts.not_cancelable == 1
             ? EXIT_SUCCESS
             : EXIT_FAILURE;
}
