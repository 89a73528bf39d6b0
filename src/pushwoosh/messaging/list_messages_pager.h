// Walks the pages of messages:list.
#ifndef PUSHWOOSH_MESSAGING_LIST_MESSAGES_PAGER_H_
#define PUSHWOOSH_MESSAGING_LIST_MESSAGES_PAGER_H_

#include <cstdint>
#include <functional>
#include <optional>

#include "absl/status/statusor.h"
#include "pushwoosh/statistics/v2/statistics.pb.h"

namespace pushwoosh::messaging {

// Not thread-safe: one pager is walked by one thread at a time.
class ListMessagesPager {
 public:
  using FetchPage =
      std::function<absl::StatusOr<statistics::v2::ListMessagesResponse>(
          const statistics::v2::ListMessagesRequest&)>;

  // `fetch` runs one page request; `request.page()` is the first page
  // (0 means 1).
  ListMessagesPager(statistics::v2::ListMessagesRequest request,
                    FetchPage fetch);

  // The next page, or std::nullopt once every message has been listed
  // (`total` reached, or a short or empty page). After an error the same
  // page is asked for again by the next call.
  absl::StatusOr<std::optional<statistics::v2::ListMessagesResponse>>
  NextPage();

 private:
  statistics::v2::ListMessagesRequest request_;
  FetchPage fetch_;
  std::int64_t listed_ = 0;
  bool done_ = false;
};

}  // namespace pushwoosh::messaging

#endif  // PUSHWOOSH_MESSAGING_LIST_MESSAGES_PAGER_H_
