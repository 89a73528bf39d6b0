#include "pushwoosh/messaging/testing/fault_injector.h"

#include <utility>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "pushwoosh/messaging/testing/fake_errors.h"

namespace pushwoosh::messaging::testing {

void FaultInjector::Add(FakeFault fault) {
  std::lock_guard lock(mutex_);
  faults_.push_back(std::move(fault));
}

void FaultInjector::Clear() {
  std::lock_guard lock(mutex_);
  faults_.clear();
}

std::optional<FakeFault> FaultInjector::Next(std::string_view method) {
  std::lock_guard lock(mutex_);
  for (auto it = faults_.begin(); it != faults_.end(); ++it) {
    if (!it->method.empty() && it->method != method) continue;
    if (it->fraction < 1.0 && std::uniform_real_distribution<double>(
                                  0.0, 1.0)(random_) >= it->fraction) {
      continue;
    }
    FakeFault hit = *it;
    if (it->count > 0 && --it->count == 0) faults_.erase(it);
    return hit;
  }
  return std::nullopt;
}

grpc::Status FaultStatus(const FakeFault& fault) {
  google::rpc::Status status;
  status.set_code(static_cast<int>(fault.code));
  status.set_message(fault.message);
  google::rpc::ErrorInfo info;
  info.set_reason("INJECTED_FAULT");
  info.set_domain(kErrorDomain);
  status.add_details()->PackFrom(info);
  if (fault.retry_delay.has_value()) {
    google::rpc::RetryInfo retry;
    const auto ms = fault.retry_delay->count();
    retry.mutable_retry_delay()->set_seconds(ms / 1000);
    retry.mutable_retry_delay()->set_nanos(
        static_cast<std::int32_t>(ms % 1000) * 1'000'000);
    status.add_details()->PackFrom(retry);
  }
  return grpc::Status(fault.code, fault.message, status.SerializeAsString());
}

}  // namespace pushwoosh::messaging::testing
