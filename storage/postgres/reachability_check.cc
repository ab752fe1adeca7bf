#include "storage/postgres/reachability_check.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace techmatch::storage::postgres {
namespace {

absl::Status Unreachable(absl::string_view reason) {
  return absl::UnavailableError(absl::StrCat("the PostgreSQL server is unreachable: ",
                                             absl::StripTrailingAsciiWhitespace(reason)));
}

}  // namespace

absl::Status ReachabilityCheck::Check(absl::Duration timeout) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string reason;
  if (connection_ == nullptr) {
    auto opened = Connection::Open(uri_, std::max(timeout, absl::Seconds(2)), "", &reason);
    if (!opened.ok()) {
      return opened.status().code() == absl::StatusCode::kUnavailable ? Unreachable(reason)
                                                                      : opened.status();
    }
    connection_ = *std::move(opened);
  } else if (!connection_->Healthy()) {
    if (!connection_->Reset(&reason).ok()) return Unreachable(reason);
  }
  absl::Status answered = connection_->Ping(timeout);
  if (!answered.ok()) return Unreachable(answered.message());
  return absl::OkStatus();
}

}  // namespace techmatch::storage::postgres
