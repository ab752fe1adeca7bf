// One connection to techmatch-server, shared by every call of a command.
#ifndef TECHMATCH_CLIENT_SESSION_H_
#define TECHMATCH_CLIENT_SESSION_H_

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "grpcpp/security/credentials.h"
#include "techmatch/v1/agreement.grpc.pb.h"
#include "techmatch/v1/audit.grpc.pb.h"
#include "techmatch/v1/event.grpc.pb.h"
#include "techmatch/v1/industry.grpc.pb.h"
#include "techmatch/v1/key.grpc.pb.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "techmatch/v1/need.grpc.pb.h"
#include "techmatch/v1/offering.grpc.pb.h"
#include "techmatch/v1/organization.grpc.pb.h"
#include "techmatch/v1/registration.grpc.pb.h"
#include "techmatch/v1/report.grpc.pb.h"
#include "techmatch/v1/session.grpc.pb.h"
#include "techmatch/v1/thesaurus.grpc.pb.h"
#include "techmatch/v1/user.grpc.pb.h"

namespace techmatch::client {

class Session {
 public:
  // `target` is a gRPC address such as `127.0.0.1:50051`; `timeout` the per-call deadline;
  // `credentials` plaintext or TLS (see channel_credentials.h); `token` the API key every call
  // presents (`authorization: Bearer <token>`; none if empty).
  Session(std::string target, absl::Duration timeout,
          std::shared_ptr<grpc::ChannelCredentials> credentials, std::string token = "");

  // A context whose deadline is `timeout` (times `scale`, for streams that carry many rows)
  // from now: no call may hang forever on an unreachable or stuck server. Carries the token.
  std::unique_ptr<grpc::ClientContext> NewContext(double scale = 1.0) const;
  // A context for a stream the user keeps open (`match watch`): its deadline is `duration`
  // from now, or none when `duration` is infinite. Carries the token.
  std::unique_ptr<grpc::ClientContext> NewContextFor(absl::Duration duration) const;

  // The services' generated clients share one channel, created on first use so that commands
  // failing on local input never connect.
  techmatch::v1::IndustryService::Stub& industries() {
    return Client<techmatch::v1::IndustryService>(industries_);
  }
  techmatch::v1::OrganizationService::Stub& organizations() {
    return Client<techmatch::v1::OrganizationService>(organizations_);
  }
  techmatch::v1::EventService::Stub& events() {
    return Client<techmatch::v1::EventService>(events_);
  }
  techmatch::v1::NeedService::Stub& needs() { return Client<techmatch::v1::NeedService>(needs_); }
  techmatch::v1::OfferingService::Stub& offerings() {
    return Client<techmatch::v1::OfferingService>(offerings_);
  }
  techmatch::v1::MatchService::Stub& matches() {
    return Client<techmatch::v1::MatchService>(matches_);
  }
  techmatch::v1::AgreementService::Stub& agreements() {
    return Client<techmatch::v1::AgreementService>(agreements_);
  }
  techmatch::v1::ReportService::Stub& reports() {
    return Client<techmatch::v1::ReportService>(reports_);
  }
  techmatch::v1::AuditService::Stub& audit() { return Client<techmatch::v1::AuditService>(audit_); }
  techmatch::v1::ThesaurusService::Stub& thesaurus() {
    return Client<techmatch::v1::ThesaurusService>(thesaurus_);
  }
  techmatch::v1::UserService::Stub& users() { return Client<techmatch::v1::UserService>(users_); }
  techmatch::v1::SessionService::Stub& sessions() {
    return Client<techmatch::v1::SessionService>(sessions_);
  }
  techmatch::v1::KeyService::Stub& keys() { return Client<techmatch::v1::KeyService>(keys_); }
  techmatch::v1::RegistrationService::Stub& registrations() {
    return Client<techmatch::v1::RegistrationService>(registrations_);
  }

 private:
  const std::shared_ptr<grpc::Channel>& channel();
  // The generated client of `Service` in `slot`, made on the shared channel the first time.
  template <typename Service>
  typename Service::Stub& Client(std::unique_ptr<typename Service::Stub>& slot) {
    if (slot == nullptr) slot = Service::NewStub(channel());
    return *slot;
  }

  std::string target_;
  absl::Duration timeout_;
  std::shared_ptr<grpc::ChannelCredentials> credentials_;
  std::string authorization_;  // "Bearer <token>", or empty
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<techmatch::v1::IndustryService::Stub> industries_;
  std::unique_ptr<techmatch::v1::OrganizationService::Stub> organizations_;
  std::unique_ptr<techmatch::v1::EventService::Stub> events_;
  std::unique_ptr<techmatch::v1::NeedService::Stub> needs_;
  std::unique_ptr<techmatch::v1::OfferingService::Stub> offerings_;
  std::unique_ptr<techmatch::v1::MatchService::Stub> matches_;
  std::unique_ptr<techmatch::v1::AgreementService::Stub> agreements_;
  std::unique_ptr<techmatch::v1::ReportService::Stub> reports_;
  std::unique_ptr<techmatch::v1::AuditService::Stub> audit_;
  std::unique_ptr<techmatch::v1::ThesaurusService::Stub> thesaurus_;
  std::unique_ptr<techmatch::v1::UserService::Stub> users_;
  std::unique_ptr<techmatch::v1::SessionService::Stub> sessions_;
  std::unique_ptr<techmatch::v1::KeyService::Stub> keys_;
  std::unique_ptr<techmatch::v1::RegistrationService::Stub> registrations_;
};

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_SESSION_H_
