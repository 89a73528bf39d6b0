#include "pushwoosh/messaging/list_messages_pager.h"

#include <utility>

namespace pushwoosh::messaging {

ListMessagesPager::ListMessagesPager(
    statistics::v2::ListMessagesRequest request, FetchPage fetch)
    : request_(std::move(request)), fetch_(std::move(fetch)) {
  if (request_.page() <= 0) request_.set_page(1);
}

absl::StatusOr<std::optional<statistics::v2::ListMessagesResponse>>
ListMessagesPager::NextPage() {
  if (done_) return std::nullopt;
  auto page = fetch_(request_);
  if (!page.ok()) return page.status();

  const auto count = static_cast<std::int64_t>(page->items_size());
  listed_ += count;
  const bool short_page =
      request_.per_page() > 0 && count < request_.per_page();
  if (count == 0 || short_page || listed_ >= page->total()) done_ = true;
  request_.set_page(request_.page() + 1);
  if (count == 0) return std::nullopt;
  return std::optional(*std::move(page));
}

}  // namespace pushwoosh::messaging
