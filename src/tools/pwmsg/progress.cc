#include "tools/pwmsg/progress.h"

#include <utility>

namespace pushwoosh::tools {

Progress::Progress(std::ostream* out, bool enabled, std::size_t total,
                   std::string_view verb, Now now)
    : out_(out),
      enabled_(enabled && total > 1),
      total_(total),
      verb_(verb),
      now_(std::move(now)) {}

void Progress::Record(bool succeeded) {
  ++done_;
  if (!succeeded) ++failed_;
  if (!enabled_) return;
  const auto now = now_();
  if (done_ == total_ || now - last_draw_ >= std::chrono::milliseconds(100)) {
    last_draw_ = now;
    Draw();
  }
}

void Progress::Erase() {
  if (!drawn_) return;
  *out_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

void Progress::Finish() { Erase(); }

void Progress::Draw() {
  *out_ << "\r\033[K" << verb_ << ": " << done_ << "/" << total_ << " done, "
        << failed_ << " failed" << std::flush;
  drawn_ = true;
}

}  // namespace pushwoosh::tools
