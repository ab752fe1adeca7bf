#include "server/http/session_auth.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace techmatch::server::http {
namespace {

// Tokens are base64url-like; anything else could smuggle bytes into metadata.
bool IsTokenChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
         c == '~' || c == '+' || c == '/' || c == '=';
}

}  // namespace

std::string SessionToken(const HttpRequest& request) {
  for (const auto& [name, value] : request.headers) {
    if (name != "cookie") continue;
    for (absl::string_view pair : absl::StrSplit(value, ';')) {
      pair = absl::StripAsciiWhitespace(pair);
      const size_t equals = pair.find('=');
      if (equals == absl::string_view::npos || pair.substr(0, equals) != kSessionCookieName) {
        continue;
      }
      absl::string_view token = pair.substr(equals + 1);
      if (token.size() >= 2 && token.front() == '"' && token.back() == '"') {
        token = token.substr(1, token.size() - 2);
      }
      if (token.empty() || token.size() > 512 ||
          !std::all_of(token.begin(), token.end(), IsTokenChar)) {
        return "";
      }
      return std::string(token);
    }
  }
  return "";
}

std::string SessionCookie(absl::string_view token, bool secure, absl::Duration max_age) {
  return absl::StrCat(kSessionCookieName, "=", token,
                      "; Path=/; Max-Age=", absl::ToInt64Seconds(max_age),
                      "; HttpOnly; SameSite=Strict", secure ? "; Secure" : "");
}

std::string ExpiredSessionCookie(bool secure) {
  return absl::StrCat(kSessionCookieName, "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict",
                      secure ? "; Secure" : "");
}

bool HasAntiForgeryHeader(const HttpRequest& request) {
  return request.Header("connect-protocol-version") == "1";
}

absl::StatusOr<std::string> CallAuthorization(const HttpRequest& request) {
  const absl::string_view header = request.Header("authorization");
  if (!header.empty()) return std::string(header);
  const std::string token = SessionToken(request);
  if (token.empty()) return std::string();
  if (!HasAntiForgeryHeader(request)) {
    return absl::UnauthenticatedError(
        "a session cookie is honoured only with the header Connect-Protocol-Version: 1 "
        "(cross-site request protection)");
  }
  return absl::StrCat("Bearer ", token);
}

}  // namespace techmatch::server::http
