#include "pushwoosh/messaging/internal/target.h"

#include <gtest/gtest.h>

namespace pushwoosh::messaging::internal {
namespace {

TEST(IsLocalTargetTest, LoopbackAndUnixTargetsAreLocal) {
  for (const char* target :
       {"localhost:50051", "LOCALHOST:1", "127.0.0.1:443", "127.1.2.3:1",
        "[::1]:50051", "::1", "localhost", "dns:///localhost:50051",
        "dns:localhost:1", "dns://8.8.8.8/127.0.0.1:5", "ipv4:127.0.0.1:1",
        "ipv4:127.0.0.1:1,127.0.0.2:2", "ipv6:[::1]:1", "unix:/tmp/sock",
        "unix:///tmp/sock", "unix-abstract:name"}) {
    EXPECT_TRUE(IsLocalTarget(target)) << target;
  }
}

TEST(IsLocalTargetTest, EverythingElseIsRemote) {
  for (const char* target :
       {"api.pushwoosh.com:443", "10.0.0.7:8443", "[2001:db8::1]:443",
        "dns:///api.pushwoosh.com:443", "ipv4:127.0.0.1:1,10.0.0.1:2",
        "ipv6:[2001:db8::1]:1", "xds:///messaging", "localhost.evil.com:1",
        "128.0.0.1:1", "", "dns://8.8.8.8"}) {
    EXPECT_FALSE(IsLocalTarget(target)) << target;
  }
}

}  // namespace
}  // namespace pushwoosh::messaging::internal
