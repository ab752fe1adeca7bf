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
#include "techmatch/v1/commissioner.grpc.pb.h"
#include "techmatch/v1/event.grpc.pb.h"
#include "techmatch/v1/financing.grpc.pb.h"
#include "techmatch/v1/indicator.grpc.pb.h"
#include "techmatch/v1/industry.grpc.pb.h"
#include "techmatch/v1/key.grpc.pb.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "techmatch/v1/need.grpc.pb.h"
#include "techmatch/v1/offering.grpc.pb.h"
#include "techmatch/v1/organization.grpc.pb.h"
#include "techmatch/v1/project.grpc.pb.h"
#include "techmatch/v1/registration.grpc.pb.h"
#include "techmatch/v1/report.grpc.pb.h"
#include "techmatch/v1/session.grpc.pb.h"
#include "techmatch/v1/target.grpc.pb.h"
#include "techmatch/v1/thesaurus.grpc.pb.h"
#include "techmatch/v1/user.grpc.pb.h"

namespace techmatch::client {

// The generated client class of a gRPC service, named once here for every accessor below.
template <typename Service>
using ClientOf = typename Service::Stub;

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
  ClientOf<techmatch::v1::IndustryService>& industries() {
    return Client<techmatch::v1::IndustryService>(industries_);
  }
  ClientOf<techmatch::v1::OrganizationService>& organizations() {
    return Client<techmatch::v1::OrganizationService>(organizations_);
  }
  ClientOf<techmatch::v1::EventService>& events() {
    return Client<techmatch::v1::EventService>(events_);
  }
  ClientOf<techmatch::v1::NeedService>& needs() {
    return Client<techmatch::v1::NeedService>(needs_);
  }
  ClientOf<techmatch::v1::OfferingService>& offerings() {
    return Client<techmatch::v1::OfferingService>(offerings_);
  }
  ClientOf<techmatch::v1::MatchService>& matches() {
    return Client<techmatch::v1::MatchService>(matches_);
  }
  ClientOf<techmatch::v1::AgreementService>& agreements() {
    return Client<techmatch::v1::AgreementService>(agreements_);
  }
  ClientOf<techmatch::v1::ReportService>& reports() {
    return Client<techmatch::v1::ReportService>(reports_);
  }
  ClientOf<techmatch::v1::AuditService>& audit() {
    return Client<techmatch::v1::AuditService>(audit_);
  }
  ClientOf<techmatch::v1::ThesaurusService>& thesaurus() {
    return Client<techmatch::v1::ThesaurusService>(thesaurus_);
  }
  ClientOf<techmatch::v1::UserService>& users() {
    return Client<techmatch::v1::UserService>(users_);
  }
  ClientOf<techmatch::v1::SessionService>& sessions() {
    return Client<techmatch::v1::SessionService>(sessions_);
  }
  ClientOf<techmatch::v1::KeyService>& keys() { return Client<techmatch::v1::KeyService>(keys_); }
  ClientOf<techmatch::v1::RegistrationService>& registrations() {
    return Client<techmatch::v1::RegistrationService>(registrations_);
  }
  ClientOf<techmatch::v1::IndicatorService>& indicators() {
    return Client<techmatch::v1::IndicatorService>(indicators_);
  }
  ClientOf<techmatch::v1::TargetService>& targets() {
    return Client<techmatch::v1::TargetService>(targets_);
  }
  ClientOf<techmatch::v1::ProjectService>& projects() {
    return Client<techmatch::v1::ProjectService>(projects_);
  }
  ClientOf<techmatch::v1::CommissionerService>& commissioners() {
    return Client<techmatch::v1::CommissionerService>(commissioners_);
  }
  ClientOf<techmatch::v1::FinancingService>& financings() {
    return Client<techmatch::v1::FinancingService>(financings_);
  }

 private:
  const std::shared_ptr<grpc::Channel>& channel();
  // The generated client of `Service` in `slot`, made on the shared channel the first time.
  template <typename Service>
  ClientOf<Service>& Client(std::unique_ptr<ClientOf<Service>>& slot) {
    if (slot == nullptr) slot = Service::NewStub(channel());
    return *slot;
  }

  std::string target_;
  absl::Duration timeout_;
  std::shared_ptr<grpc::ChannelCredentials> credentials_;
  std::string authorization_;  // "Bearer <token>", or empty
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<ClientOf<techmatch::v1::IndustryService>> industries_;
  std::unique_ptr<ClientOf<techmatch::v1::OrganizationService>> organizations_;
  std::unique_ptr<ClientOf<techmatch::v1::EventService>> events_;
  std::unique_ptr<ClientOf<techmatch::v1::NeedService>> needs_;
  std::unique_ptr<ClientOf<techmatch::v1::OfferingService>> offerings_;
  std::unique_ptr<ClientOf<techmatch::v1::MatchService>> matches_;
  std::unique_ptr<ClientOf<techmatch::v1::AgreementService>> agreements_;
  std::unique_ptr<ClientOf<techmatch::v1::ReportService>> reports_;
  std::unique_ptr<ClientOf<techmatch::v1::AuditService>> audit_;
  std::unique_ptr<ClientOf<techmatch::v1::ThesaurusService>> thesaurus_;
  std::unique_ptr<ClientOf<techmatch::v1::UserService>> users_;
  std::unique_ptr<ClientOf<techmatch::v1::SessionService>> sessions_;
  std::unique_ptr<ClientOf<techmatch::v1::KeyService>> keys_;
  std::unique_ptr<ClientOf<techmatch::v1::RegistrationService>> registrations_;
  std::unique_ptr<ClientOf<techmatch::v1::IndicatorService>> indicators_;
  std::unique_ptr<ClientOf<techmatch::v1::TargetService>> targets_;
  std::unique_ptr<ClientOf<techmatch::v1::ProjectService>> projects_;
  std::unique_ptr<ClientOf<techmatch::v1::CommissionerService>> commissioners_;
  std::unique_ptr<ClientOf<techmatch::v1::FinancingService>> financings_;
};

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_SESSION_H_
