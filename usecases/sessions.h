// Signing in and out (SessionService). CreateSession takes no credentials: it is bounded (email
// and password sizes), throttled per account and per client address (usecases/people_context.h)
// and answers an unknown email, a disabled user and a wrong password alike, after the same
// Argon2id work, so that it reveals nothing about which emails exist.
#ifndef TECHMATCH_USECASES_SESSIONS_H_
#define TECHMATCH_USECASES_SESSIONS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/auth/role.h"
#include "core/auth/session.h"
#include "core/auth/user.h"
#include "storage/repository.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"
#include "usecases/people_context.h"

namespace techmatch::usecases {

inline constexpr absl::string_view kSessions = "sessions";

struct SignIn {
  absl::string_view email;
  absl::string_view password;
  absl::string_view client_address;  // For the throttle; empty when unknown.
};

// A new session, its token (shown once) and its user.
struct SignedIn {
  std::string token;
  Session session;
  User user;
};

// `users/{user}/sessions/{id}`.
std::string SessionName(const Session& session);

class Sessions {
 public:
  Sessions(storage::Repository& repository, const PageTokenCodec& tokens, PeopleContext& people)
      : repository_(repository), tokens_(tokens), people_(people) {}

  absl::StatusOr<SignedIn> Create(const SignIn& input);
  // Ends the caller's own session; FAILED_PRECONDITION for a call made with an API key.
  absl::Status Delete(const Principal& caller);
  // `parent` is `users/{id}` (empty: the caller's). A user its own; ADMIN anyone's.
  absl::StatusOr<ListPage<Session>> List(const Principal& caller, absl::string_view parent,
                                         const ListRequest& request);
  absl::StatusOr<Session> Revoke(const Principal& caller, absl::string_view name);

 private:
  storage::Repository& repository_;
  const PageTokenCodec& tokens_;
  PeopleContext& people_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_SESSIONS_H_
