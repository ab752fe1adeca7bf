#include "server/method_table.h"

#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "spdlog/spdlog.h"
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

namespace techmatch::server {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::ServiceDescriptor;

// The descriptors of the generated gRPC services `Grpc...`. A binary that links only some
// services' generated code (a benchmark driving two services' handlers) has no descriptor for
// the others, and no handler for them either: they are left out.
template <typename... Grpc>
std::vector<const ServiceDescriptor*> DescriptorsOf() {
  std::vector<const ServiceDescriptor*> services;
  for (const char* name : {Grpc::service_full_name()...}) {
    const ServiceDescriptor* service =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(name);
    if (service != nullptr) services.push_back(service);
  }
  return services;
}

using Table = absl::flat_hash_map<const Descriptor*, Method>;

const Table& BuildTable() {
  auto* table = new Table();
  for (const ServiceDescriptor* service : ServedServices()) {
    for (int i = 0; i < service->method_count(); ++i) {
      const google::protobuf::MethodDescriptor* method = service->method(i);
      std::string path = absl::StrCat("/", service->full_name(), "/", method->name());
      const MethodRule* rule = FindMethodRule(path);
      auto [it, inserted] =
          table->try_emplace(method->input_type(), Method{method, std::move(path), rule});
      if (!inserted) {
        // Then a request would not say which method it is for.
        spdlog::critical("{} and {} share the request type {}", it->second.path,
                         method->full_name(), method->input_type()->full_name());
        std::abort();
      }
    }
  }
  return *table;
}

}  // namespace

const std::vector<const ServiceDescriptor*>& ServedServices() {
  static const auto* const kServices = new std::vector<const ServiceDescriptor*>(
      DescriptorsOf<v1::IndustryService, v1::OrganizationService, v1::EventService, v1::NeedService,
                    v1::OfferingService, v1::MatchService, v1::AgreementService, v1::ReportService,
                    v1::AuditService, v1::ThesaurusService, v1::UserService, v1::SessionService,
                    v1::KeyService, v1::RegistrationService, v1::IndicatorService,
                    v1::TargetService, v1::ProjectService, v1::CommissionerService,
                    v1::FinancingService>());
  return *kServices;
}

const Method* MethodOf(const Descriptor* request) {
  static const Table& kTable = BuildTable();
  auto it = kTable.find(request);
  return it == kTable.end() ? nullptr : &it->second;
}

int MethodIndexOf(const Descriptor* request) {
  const Method* method = MethodOf(request);
  if (method == nullptr) {
    spdlog::critical("no method takes {} to install a handler for", request->full_name());
    std::abort();
  }
  return method->descriptor->index();
}

}  // namespace techmatch::server
