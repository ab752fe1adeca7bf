#include "server/http/connect_envelope.h"

#include "absl/strings/str_cat.h"

namespace techmatch::server::http {

std::string Envelope(uint8_t flags, absl::string_view message) {
  std::string out;
  out.reserve(5 + message.size());
  const uint32_t size = static_cast<uint32_t>(message.size());
  out.push_back(static_cast<char>(flags));
  out.push_back(static_cast<char>(size >> 24));
  out.push_back(static_cast<char>(size >> 16));
  out.push_back(static_cast<char>(size >> 8));
  out.push_back(static_cast<char>(size));
  out.append(message.data(), message.size());
  return out;
}

absl::StatusOr<std::vector<absl::string_view>> SplitEnvelopes(absl::string_view body) {
  std::vector<absl::string_view> messages;
  while (!body.empty()) {
    if (body.size() < 5) {
      return absl::InvalidArgumentError(
          absl::StrCat("truncated envelope after ", messages.size(), " messages"));
    }
    const auto byte = [&](size_t i) {
      return static_cast<uint32_t>(static_cast<uint8_t>(body[i]));
    };
    const uint8_t flags = static_cast<uint8_t>(byte(0));
    const uint32_t size = byte(1) << 24 | byte(2) << 16 | byte(3) << 8 | byte(4);
    if (flags & kEnvelopeCompressed) {
      return absl::UnimplementedError("compressed messages are not supported (identity only)");
    }
    if (flags != 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "envelope ", messages.size() + 1, " has flags ", flags, "; request messages carry none"));
    }
    if (body.size() - 5 < size) {
      return absl::InvalidArgumentError(absl::StrCat("envelope ", messages.size() + 1,
                                                     " announces ", size, " bytes but ",
                                                     body.size() - 5, " follow"));
    }
    messages.push_back(body.substr(5, size));
    body.remove_prefix(5 + size);
  }
  return messages;
}

}  // namespace techmatch::server::http
