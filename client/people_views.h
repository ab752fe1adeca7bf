// How users, invitations, sessions, API keys and applications are shown, and roles read from
// the command line.
#ifndef TECHMATCH_CLIENT_PEOPLE_VIEWS_H_
#define TECHMATCH_CLIENT_PEOPLE_VIEWS_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "client/output.h"
#include "techmatch/v1/key.pb.h"
#include "techmatch/v1/registration.pb.h"
#include "techmatch/v1/session.pb.h"
#include "techmatch/v1/user.pb.h"

namespace techmatch::client {

// ADMIN, ORGANIZER, INSTITUTE, ENTERPRISE or OFFICIAL, any case.
absl::StatusOr<techmatch::v1::Role> ParseRole(absl::string_view text);

const View<techmatch::v1::User>& UserView();
const View<techmatch::v1::Invitation>& InvitationView();
const View<techmatch::v1::Session>& SessionView();
const View<techmatch::v1::ApiKey>& ApiKeyView();
const View<techmatch::v1::Application>& ApplicationView();

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_PEOPLE_VIEWS_H_
