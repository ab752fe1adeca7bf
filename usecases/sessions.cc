#include "usecases/sessions.h"

#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "core/auth/api_key.h"
#include "core/auth/password.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "storage/audit_scope.h"
#include "usecases/door_checks.h"

namespace techmatch::usecases {
namespace {

// The one answer for an unknown email, a disabled user and a wrong password.
absl::Status WrongCredentials() { return absl::UnauthenticatedError("wrong email or password"); }

// The user id a caller's session list or revocation is about: `parent` (or the caller's own),
// refused before any look-up unless it is the caller's or the caller is an ADMIN.
absl::StatusOr<std::string> SessionOwner(const Principal& caller, absl::string_view parent,
                                         absl::string_view field) {
  std::string user_id = caller.user_id;
  if (!parent.empty()) {
    TM_ASSIGN_OR_RETURN(user_id, ParseResourceName(parent, kUsers, field));
  } else if (user_id.empty()) {
    return InvalidFieldError(std::string(field), "is required when calling with an API key");
  }
  if (caller.role != Role::kAdmin && user_id != caller.user_id) {
    return absl::PermissionDeniedError("only an ADMIN may see or end another user's sessions");
  }
  return user_id;
}

}  // namespace

std::string SessionName(const Session& session) {
  return absl::StrCat(kUsers, "/", session.user_id, "/", kSessions, "/", session.id);
}

absl::StatusOr<SignedIn> Sessions::Create(const SignIn& input) {
  const absl::Time now = people_.Now();
  // Bounded first: a huge password would cost the hash more.
  Violations violations;
  if (input.email.empty()) {
    violations.Add("email", "is required");
  } else if (input.email.size() > 254) {
    violations.Add("email", "must be at most 254 bytes");
  }
  if (input.password.empty()) {
    violations.Add("password", "is required");
  } else if (input.password.size() > 4 * kMaxPasswordLength) {
    violations.Add("password", absl::StrCat("must be at most ", 4 * kMaxPasswordLength, " bytes"));
  }
  TM_RETURN_IF_ERROR(violations.ToStatus());
  const std::string email = NormalizeEmail(input.email);
  TM_RETURN_IF_ERROR(CheckNotThrottled(people_.sign_in_by_address, input.client_address,
                                       "too many failed sign-ins from this address; try again",
                                       now));
  TM_RETURN_IF_ERROR(CheckNotThrottled(people_.sign_in_by_account, email,
                                       "this account is locked after too many failed sign-ins",
                                       now));
  TM_ASSIGN_OR_RETURN(std::optional<User> user, repository_.FindUserByEmail(email));
  // Always one Argon2id verification, against a decoy when the email is unknown.
  const bool matches =
      VerifyPassword(user ? user->password_hash : DecoyPasswordHash(), input.password);
  if (!user || !matches || user->state != UserState::kActive) {
    people_.sign_in_by_account.Record(email, now);
    people_.sign_in_by_address.Record(input.client_address, now);
    return WrongCredentials();
  }
  people_.sign_in_by_account.Reset(email);
  TM_ASSIGN_OR_RETURN(NewToken token, GenerateToken(kSessionTokenPrefix));
  SignedIn result;
  Session& session = result.session;
  session.id = token.key_id;
  session.user_id = user->meta.id;
  session.token_hash = Sha256(token.token);
  session.create_time = now;
  session.last_use_time = now;
  session.expire_time = now + people_.options.sessions.absolute;
  session.client_address = std::string(input.client_address.substr(0, 200));
  if (storage::PendingAudit* audit = storage::AuditScope::Current()) {
    audit->event.principal = ResourceName(kUsers, user->meta.id);
    audit->event.role = std::string(RoleName(user->role));
    audit->event.resource = SessionName(session);
  }
  TM_RETURN_IF_ERROR(repository_.CreateSession(session));
  result.token = std::move(token.token);
  result.user = *std::move(user);
  return result;
}

absl::Status Sessions::Delete(const Principal& caller) {
  if (caller.session_id.empty()) {
    return absl::FailedPreconditionError(
        "this call carries an API key, not a session; revoke keys with RevokeApiKey");
  }
  return repository_.RevokeSession(caller.user_id, caller.session_id).status();
}

absl::StatusOr<ListPage<Session>> Sessions::List(const Principal& caller, absl::string_view parent,
                                                 const ListRequest& request) {
  TM_ASSIGN_OR_RETURN(std::string user_id, SessionOwner(caller, parent, "parent"));
  TM_ASSIGN_OR_RETURN(ParsedList list, ParseList("ListSessions", ResourceName(kUsers, user_id),
                                                 request, {}, tokens_));
  TM_ASSIGN_OR_RETURN(Page<Session> page, repository_.ListSessions(user_id, list.query));
  // Ended by time: not open any more, though not revoked.
  const absl::Time now = people_.Now();
  std::vector<Session> open;
  for (Session& session : page.items) {
    if (CheckSessionLive(session, people_.options.sessions, now).ok()) {
      open.push_back(std::move(session));
    }
  }
  page.items = std::move(open);
  return Continued(std::move(page), list, tokens_);
}

absl::StatusOr<Session> Sessions::Revoke(const Principal& caller, absl::string_view name) {
  // users/{user}/sessions/{id}
  const std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  if (parts.size() != 4 || parts[0] != kUsers || parts[2] != kSessions || parts[3].empty() ||
      !IsValidId(parts[1])) {
    return InvalidFieldError("name", "must be users/{user}/sessions/{session}");
  }
  TM_ASSIGN_OR_RETURN(std::string user_id,
                      SessionOwner(caller, absl::StrCat(kUsers, "/", parts[1]), "name"));
  return repository_.RevokeSession(user_id, parts[3]);
}

}  // namespace techmatch::usecases
