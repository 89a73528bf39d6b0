#include "pushwoosh/messaging/list_messages_pager.h"

#include <gtest/gtest.h>

#include <vector>

namespace pushwoosh::messaging {
namespace {

using statistics::v2::ListMessagesRequest;
using statistics::v2::ListMessagesResponse;

// A backend holding `total` messages, recording the pages asked for.
struct PagedBackend {
  int total;
  std::vector<int> pages_asked;

  absl::StatusOr<ListMessagesResponse> operator()(
      const ListMessagesRequest& request) {
    pages_asked.push_back(request.page());
    ListMessagesResponse response;
    response.set_total(total);
    const int first = (request.page() - 1) * request.per_page();
    for (int i = first; i < total && i < first + request.per_page(); ++i) {
      response.add_items()->set_id(i + 1);
    }
    return response;
  }
};

std::vector<int> WalkIds(ListMessagesPager& pager) {
  std::vector<int> ids;
  for (;;) {
    auto page = pager.NextPage();
    EXPECT_TRUE(page.ok()) << page.status();
    if (!page.ok() || !page->has_value()) return ids;
    for (const auto& item : (*page)->items()) {
      ids.push_back(static_cast<int>(item.id()));
    }
  }
}

TEST(ListMessagesPagerTest, WalksEveryPageOnce) {
  PagedBackend backend{7, {}};
  ListMessagesRequest request;
  request.set_per_page(3);
  ListMessagesPager pager(request, std::ref(backend));
  EXPECT_EQ(WalkIds(pager), (std::vector<int>{1, 2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(backend.pages_asked, (std::vector<int>{1, 2, 3}));
  auto after = pager.NextPage();
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(after->has_value());
}

TEST(ListMessagesPagerTest, StopsAtTotalWithoutAnExtraCall) {
  PagedBackend backend{6, {}};
  ListMessagesRequest request;
  request.set_per_page(3);
  ListMessagesPager pager(request, std::ref(backend));
  EXPECT_EQ(WalkIds(pager).size(), 6u);
  EXPECT_EQ(backend.pages_asked, (std::vector<int>{1, 2}));
}

TEST(ListMessagesPagerTest, EmptyResultEndsAtOnce) {
  PagedBackend backend{0, {}};
  ListMessagesRequest request;
  request.set_per_page(3);
  ListMessagesPager pager(request, std::ref(backend));
  EXPECT_TRUE(WalkIds(pager).empty());
  EXPECT_EQ(backend.pages_asked, (std::vector<int>{1}));
}

TEST(ListMessagesPagerTest, StartsAtTheRequestedPage) {
  PagedBackend backend{7, {}};
  ListMessagesRequest request;
  request.set_per_page(3);
  request.set_page(3);
  ListMessagesPager pager(request, std::ref(backend));
  EXPECT_EQ(WalkIds(pager), (std::vector<int>{7}));
}

TEST(ListMessagesPagerTest, ErrorRepeatsTheSamePageNextTime) {
  int calls = 0;
  std::vector<int> pages;
  ListMessagesRequest request;
  request.set_per_page(2);
  ListMessagesPager pager(request,
                          [&](const ListMessagesRequest& r)
                              -> absl::StatusOr<ListMessagesResponse> {
                            pages.push_back(r.page());
                            if (++calls == 1)
                              return absl::UnavailableError("flaky");
                            ListMessagesResponse response;
                            response.set_total(1);
                            response.add_items()->set_id(1);
                            return response;
                          });
  EXPECT_EQ(pager.NextPage().status().code(), absl::StatusCode::kUnavailable);
  auto page = pager.NextPage();
  ASSERT_TRUE(page.ok());
  ASSERT_TRUE(page->has_value());
  EXPECT_EQ(pages, (std::vector<int>{1, 1}));
}

}  // namespace
}  // namespace pushwoosh::messaging
