#include "client/people_views.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/field_values.h"

namespace techmatch::client {

using techmatch::v1::ApiKey;
using techmatch::v1::Application;
using techmatch::v1::Invitation;
using techmatch::v1::Session;
using techmatch::v1::User;

absl::StatusOr<techmatch::v1::Role> ParseRole(absl::string_view text) {
  techmatch::v1::Role role = techmatch::v1::ROLE_UNSPECIFIED;
  if (!techmatch::v1::Role_Parse(absl::AsciiStrToUpper(text), &role) ||
      role == techmatch::v1::ROLE_UNSPECIFIED) {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown role '", text, "'; one of ADMIN, ORGANIZER, INSTITUTE, ENTERPRISE, OFFICIAL"));
  }
  return role;
}

const View<User>& UserView() {
  static const auto* view =
      new View<User>{[](const User& user, const ValueFormat&) {
                       return Record{{"name", user.name()},
                                     {"email", user.email()},
                                     {"display_name", user.display_name()},
                                     {"organization", user.organization()},
                                     {"role", techmatch::v1::Role_Name(user.role())},
                                     {"region_code", user.region_code()},
                                     {"state", User::State_Name(user.state())},
                                     {"create_time", FormatTime(user.create_time())},
                                     {"update_time", FormatTime(user.update_time())},
                                     {"etag", user.etag()}};
                     },
                     {{"name"},
                      {"email", Align::kLeft, 32},
                      {"display_name"},
                      {"role"},
                      {"organization"},
                      {"state"}}};
  return *view;
}

const View<Invitation>& InvitationView() {
  static const auto* view =
      new View<Invitation>{[](const Invitation& invitation, const ValueFormat&) {
                             Record record{{"name", invitation.name()},
                                           {"email", invitation.email()},
                                           {"display_name", invitation.display_name()},
                                           {"organization", invitation.organization()},
                                           {"role", techmatch::v1::Role_Name(invitation.role())},
                                           {"region_code", invitation.region_code()},
                                           {"expire_time", FormatTime(invitation.expire_time())}};
                             // Shown once: the only time anyone sees it.
                             if (!invitation.code().empty())
                               record.emplace_back("code", invitation.code());
                             return record;
                           },
                           {{"name"}, {"email"}, {"role"}, {"expire_time"}}};
  return *view;
}

const View<Session>& SessionView() {
  static const auto* view = new View<Session>{
      [](const Session& session, const ValueFormat&) {
        return Record{{"name", session.name()},
                      {"create_time", FormatTime(session.create_time())},
                      {"last_use_time", FormatTime(session.last_use_time())},
                      {"expire_time", FormatTime(session.expire_time())},
                      {"client_address", session.client_address()}};
      },
      {{"name", Align::kLeft, 48}, {"create_time"}, {"last_use_time"}, {"client_address"}}};
  return *view;
}

const View<ApiKey>& ApiKeyView() {
  static const auto* view = new View<ApiKey>{
      [](const ApiKey& key, const ValueFormat&) {
        return Record{
            {"name", key.name()},
            {"role", techmatch::v1::Role_Name(key.role())},
            {"organization", key.organization()},
            {"region_code", key.region_code()},
            {"display_name", key.display_name()},
            {"create_time", FormatTime(key.create_time())},
            {"expire_time", key.has_expire_time() ? FormatTime(key.expire_time()) : std::string()},
            {"revoke_time", key.has_revoke_time() ? FormatTime(key.revoke_time()) : std::string()}};
      },
      {{"name"}, {"role"}, {"organization"}, {"display_name"}, {"revoke_time"}}};
  return *view;
}

const View<Application>& ApplicationView() {
  static const auto* view = new View<Application>{
      [](const Application& application, const ValueFormat&) {
        const auto& org = application.organization();
        return Record{{"name", application.name()},
                      {"organization", org.display_name()},
                      {"kind", techmatch::v1::Organization::Kind_Name(org.kind())},
                      {"region_code", org.region_code()},
                      {"industries", absl::StrJoin(org.industries(), ",")},
                      {"contact_email", application.contact_email()},
                      {"contact_name", application.contact_name()},
                      {"state", Application::State_Name(application.state())},
                      {"reject_reason", application.reject_reason()},
                      {"approved_organization", application.approved_organization()},
                      {"create_time", FormatTime(application.create_time())}};
      },
      {{"name"}, {"organization"}, {"kind"}, {"contact_email"}, {"state"}}};
  return *view;
}

}  // namespace techmatch::client
