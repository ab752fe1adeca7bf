// The guard: every method of every registered service has an access rule and refuses calls
// without a valid token; each role gets exactly what its rules allow; ownership; revocation;
// the audit trail of writes, refused ones included.
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/auth/permissions.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/unknown_field_set.h"
#include "grpcpp/generic/generic_stub.h"
#include "sqlite3.h"
#include "techmatch/v1/audit.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct RawResult {
  grpc::Status status;
  std::string first_response;  // bytes of the first response message, if any
};

// Calls `method` with one request message of raw bytes through the generic API, whatever the
// method's streaming shape (unary, client, server or bidi stream).
RawResult RawCall(grpc::Channel& channel, const std::string& method, const std::string& request,
                  const std::string& token) {
  grpc::GenericStub stub(channel.shared_from_this());
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  if (!token.empty()) context.AddMetadata("authorization", token);
  grpc::CompletionQueue queue;
  void* tag = nullptr;
  bool ok = false;
  auto call = stub.PrepareCall(&context, method, &queue);
  call->StartCall(reinterpret_cast<void*>(1));
  queue.Next(&tag, &ok);
  grpc::Slice slice(request);
  grpc::ByteBuffer buffer(&slice, 1);
  call->Write(buffer, reinterpret_cast<void*>(2));
  queue.Next(&tag, &ok);
  call->WritesDone(reinterpret_cast<void*>(3));
  queue.Next(&tag, &ok);
  RawResult result;
  bool first = true;
  while (true) {
    grpc::ByteBuffer response;
    call->Read(&response, reinterpret_cast<void*>(4));
    queue.Next(&tag, &ok);
    if (!ok) break;
    std::vector<grpc::Slice> slices;
    if (first && response.Dump(&slices).ok()) {
      for (const grpc::Slice& s : slices) {
        result.first_response.append(reinterpret_cast<const char*>(s.begin()), s.size());
      }
    }
    first = false;
  }
  call->Finish(&result.status, reinterpret_cast<void*>(5));
  queue.Next(&tag, &ok);
  queue.Shutdown();
  while (queue.Next(&tag, &ok)) {
  }
  return result;
}

// The services the server registered, from its reflection service: the list a new service
// joins without anyone updating this test.
std::vector<std::string> RegisteredServices(grpc::Channel& channel) {
  // ServerReflectionRequest{list_services: ""}: field 7, length-delimited, empty.
  const RawResult listed =
      RawCall(channel, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
              std::string("\x3a\x00", 2), "");
  EXPECT_TRUE(listed.status.ok()) << listed.status.error_message();
  std::vector<std::string> names;
  google::protobuf::UnknownFieldSet response;
  EXPECT_TRUE(response.ParseFromString(listed.first_response));
  for (int i = 0; i < response.field_count(); ++i) {
    if (response.field(i).number() != 6) continue;  // list_services_response
    google::protobuf::UnknownFieldSet list;
    list.ParseFromString(response.field(i).length_delimited());
    for (int j = 0; j < list.field_count(); ++j) {
      google::protobuf::UnknownFieldSet service;
      service.ParseFromString(list.field(j).length_delimited());
      for (int k = 0; k < service.field_count(); ++k) {
        if (service.field(k).number() == 1) names.push_back(service.field(k).length_delimited());
      }
    }
  }
  return names;
}

// "/package.Service/Method" of every method of every registered techmatch service.
std::vector<std::string> RegisteredMethods(grpc::Channel& channel) {
  std::vector<std::string> methods;
  for (const std::string& name : RegisteredServices(channel)) {
    if (name.rfind("grpc.", 0) == 0) continue;  // health and reflection: no token by design
    const google::protobuf::ServiceDescriptor* service =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(name);
    EXPECT_NE(service, nullptr) << name;
    if (service == nullptr) continue;
    for (int i = 0; i < service->method_count(); ++i) {
      methods.push_back("/" + name + "/" + service->method(i)->name());
    }
  }
  return methods;
}

const Role kAllRoles[] = {Role::kAdmin, Role::kOrganizer, Role::kInstitute, Role::kEnterprise,
                          Role::kOfficial};

class SecurityTest : public SeededServerTest {
 protected:
  void SetUp() override {
    SeededServerTest::SetUp();
    audit_ = v1::AuditService::NewStub(channel_);
  }

  std::vector<v1::AuditEvent> AuditEvents(const std::string& filter) {
    v1::ListAuditEventsRequest request;
    request.set_filter(filter);
    request.set_page_size(1000);
    v1::ListAuditEventsResponse response;
    const grpc::Status status = audit_->ListAuditEvents(Ctx().get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return {response.audit_events().begin(), response.audit_events().end()};
  }

  static std::string KeyIdOf(const std::string& token) { return token.substr(3, 16); }

  std::unique_ptr<v1::AuditService::Stub> audit_;
};

TEST_F(SecurityTest, EveryRegisteredMethodHasARuleAndEveryRuleAMethod) {
  const std::vector<std::string> methods = RegisteredMethods(*channel_);
  ASSERT_GE(methods.size(), MethodRules().size());
  for (const std::string& method : methods) {
    EXPECT_NE(FindMethodRule(method), nullptr)
        << method << " has no rule in core/auth/permissions.cc: everyone is refused";
  }
  const std::set<std::string> registered(methods.begin(), methods.end());
  for (const NamedRule& named : MethodRules()) {
    EXPECT_TRUE(registered.count(named.method)) << "rule for an unknown method " << named.method;
  }
  EXPECT_TRUE(registered.count("/techmatch.v1.AuditService/ListAuditEvents"));
}

TEST_F(SecurityTest, EveryMethodRefusesAMissingOrBadToken) {
  const std::string unknown = "tm_0123456789abcdef_" + std::string(64, 'a');
  for (const std::string& method : RegisteredMethods(*channel_)) {
    // The doors for newcomers (sign-in, accepting an invitation, applying) take no token.
    if (FindMethodRule(method) != nullptr && FindMethodRule(method)->open) continue;
    for (const std::string& header :
         {std::string(""), std::string("Bearer"), std::string("Bearer not-a-token"),
          "Basic " + admin_token_, "Bearer " + unknown,
          "Bearer " + admin_token_.substr(0, admin_token_.size() - 1) + "0"}) {
      if (header == "Bearer " + admin_token_) continue;  // the last secret digit was already 0
      const RawResult result = RawCall(*channel_, method, "", header);
      EXPECT_EQ(result.status.error_code(), grpc::StatusCode::UNAUTHENTICATED)
          << method << " with '" << header.substr(0, 30) << "': " << result.status.error_message();
    }
  }
}

TEST_F(SecurityTest, EachRoleGetsExactlyWhatItsRulesAllow) {
  CreateOrganization("cib", v1::Organization::RESEARCH_INSTITUTE);
  std::map<Role, std::string> tokens;
  for (Role role : kAllRoles) {
    tokens[role] = CreateKey(role, role == Role::kInstitute    ? "cib"
                                   : role == Role::kEnterprise ? "acme"
                                                               : "");
  }
  int denied = 0;
  for (const std::string& method : RegisteredMethods(*channel_)) {
    const MethodRule* rule = FindMethodRule(method);
    ASSERT_NE(rule, nullptr) << method;
    for (Role role : kAllRoles) {
      const RawResult result = RawCall(*channel_, method, "", "Bearer " + tokens[role]);
      if (rule->Allows(role)) {
        EXPECT_NE(result.status.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << method << " as " << RoleName(role) << ": " << result.status.error_message();
        EXPECT_NE(result.status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << method;
      } else {
        ++denied;
        EXPECT_EQ(result.status.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << method << " as " << RoleName(role);
      }
    }
  }
  EXPECT_GT(denied, 40);  // officials alone are refused every write
}

TEST_F(SecurityTest, HealthCheckingNeedsNoToken) {
  // HealthCheckRequest{service: ""} encodes as no bytes.
  const RawResult result = RawCall(*channel_, "/grpc.health.v1.Health/Check", "", "");
  EXPECT_TRUE(result.status.ok()) << result.status.error_message();
}

TEST_F(SecurityTest, ARevokedKeyIsRefusedWithinTheRecheckBound) {
  const std::string token = CreateKey(Role::kOrganizer);
  v1::ListIndustriesResponse industries;
  ASSERT_TRUE(industries_->ListIndustries(Ctx(token).get(), {}, &industries).ok());
  {
    // As `techmatch-server keys revoke` does from another process.
    auto other = storage::SqliteRepository::Open(db_path(), {});
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE((*other)->RevokeApiKey(KeyIdOf(token)).ok());
  }
  absl::SleepFor(server::kDefaultKeyRecheck + absl::Milliseconds(50));
  const grpc::Status status = industries_->ListIndustries(Ctx(token).get(), {}, &industries);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(status.error_message(), HasSubstr("revoked"));
}

TEST_F(SecurityTest, AfterAGoodCallNearMissesOfTheSameKeyAreRefused) {
  // The cache admits a token equal to the one verified before without parsing it again; every
  // other string naming the same key id must still be refused.
  const std::string token = CreateKey(Role::kOrganizer);
  v1::ListIndustriesResponse industries;
  ASSERT_TRUE(industries_->ListIndustries(Ctx(token).get(), {}, &industries).ok());
  std::string wrong_secret = token;
  wrong_secret.back() = wrong_secret.back() == '0' ? '1' : '0';
  for (const std::string& bad : {wrong_secret, token + "0", token.substr(0, token.size() - 1),
                                 token.substr(0, token.find('_', 3) + 1)}) {
    const grpc::Status status = industries_->ListIndustries(Ctx(bad).get(), {}, &industries);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << bad;
  }
  EXPECT_TRUE(industries_->ListIndustries(Ctx(token).get(), {}, &industries).ok());
}

TEST_F(SecurityTest, AnOfficialsWriteLeavesNoTraceButItsAuditRecord) {
  const std::string official = CreateKey(Role::kOfficial);
  v1::CreateNeedRequest create;
  *create.mutable_need() = SampleNeed();
  create.set_need_id("by-official");
  create.set_request_id("official-1");
  v1::Need need;
  grpc::Status status = needs_->CreateNeed(Ctx(official).get(), create, &need);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // Refused before existence: the need does not exist, the answer is still PERMISSION_DENIED.
  v1::WithdrawNeedRequest withdraw;
  withdraw.set_name("needs/ghost");
  status = needs_->WithdrawNeed(Ctx(official).get(), withdraw, &need);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);

  v1::ListNeedsResponse needs;
  ASSERT_TRUE(needs_->ListNeeds(Ctx().get(), {}, &needs).ok());
  EXPECT_EQ(needs.needs_size(), 0);
  const std::vector<v1::AuditEvent> events =
      AuditEvents("principal = \"" + KeyIdOf(official) + "\"");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].method(), "/techmatch.v1.NeedService/CreateNeed");
  EXPECT_EQ(events[0].role(), "OFFICIAL");
  EXPECT_EQ(events[0].outcome(), "PERMISSION_DENIED");
  EXPECT_EQ(events[0].request_id(), "official-1");
  EXPECT_EQ(events[1].method(), "/techmatch.v1.NeedService/WithdrawNeed");
  EXPECT_EQ(events[1].resource(), "needs/ghost");
}

TEST_F(SecurityTest, AnInstituteCannotTouchAnotherInstitutesOffering) {
  CreateOrganization("cib", v1::Organization::RESEARCH_INSTITUTE);
  const std::string cib = CreateKey(Role::kInstitute, "cib");
  v1::CreateOfferingRequest create;
  *create.mutable_offering() = SampleOffering();  // institute: organizations/scu
  create.set_offering_id("scu-1");
  v1::Offering scu_offering;
  ASSERT_TRUE(offerings_->CreateOffering(Ctx().get(), create, &scu_offering).ok());

  v1::Offering out;
  // Reading is allowed.
  v1::GetOfferingRequest get;
  get.set_name("offerings/scu-1");
  EXPECT_TRUE(offerings_->GetOffering(Ctx(cib).get(), get, &out).ok());
  // Changing, withdrawing or creating in scu's name is not.
  v1::UpdateOfferingRequest update;
  update.mutable_offering()->set_name("offerings/scu-1");
  update.mutable_offering()->set_title("hijacked");
  update.mutable_offering()->set_etag(scu_offering.etag());
  update.mutable_update_mask()->add_paths("title");
  EXPECT_EQ(offerings_->UpdateOffering(Ctx(cib).get(), update, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::WithdrawOfferingRequest withdraw;
  withdraw.set_name("offerings/scu-1");
  withdraw.set_etag(scu_offering.etag());
  EXPECT_EQ(offerings_->WithdrawOffering(Ctx(cib).get(), withdraw, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  create.set_offering_id("fake-scu");
  EXPECT_EQ(offerings_->CreateOffering(Ctx(cib).get(), create, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  // Its own offering it may create and change, but not hand to scu (`institute` is immutable;
  // the guard's ownership check on the stored result backs that up).
  create.mutable_offering()->set_institute("organizations/cib");
  create.set_offering_id("cib-1");
  v1::Offering own;
  ASSERT_TRUE(offerings_->CreateOffering(Ctx(cib).get(), create, &own).ok());
  update.mutable_offering()->set_name("offerings/cib-1");
  update.mutable_offering()->set_institute("organizations/scu");
  update.mutable_offering()->set_etag(own.etag());
  EXPECT_TRUE(offerings_->UpdateOffering(Ctx(cib).get(), update, &own).ok());
  update.mutable_offering()->set_etag(own.etag());
  update.mutable_update_mask()->add_paths("institute");
  EXPECT_EQ(offerings_->UpdateOffering(Ctx(cib).get(), update, &out).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  // An import is checked row by row.
  auto context = Ctx(cib);
  v1::ImportSummary summary;
  auto writer = offerings_->ImportOfferings(context.get(), &summary);
  v1::ImportOfferingsRequest mine;
  *mine.mutable_offering() = create.offering();
  mine.set_offering_id("cib-2");
  v1::ImportOfferingsRequest theirs = mine;
  theirs.mutable_offering()->set_institute("organizations/scu");
  theirs.set_offering_id("scu-2");
  ASSERT_TRUE(writer->Write(mine));
  ASSERT_TRUE(writer->Write(theirs));
  writer->WritesDone();
  ASSERT_TRUE(writer->Finish().ok());
  EXPECT_EQ(summary.accepted_count(), 1);
  ASSERT_EQ(summary.rejections_size(), 1);
  EXPECT_EQ(summary.rejections(0).row_number(), 2);
  EXPECT_EQ(summary.rejections(0).field_violations(0).field(), "institute");

  // scu's offering is untouched.
  ASSERT_TRUE(offerings_->GetOffering(Ctx().get(), get, &out).ok());
  EXPECT_EQ(out.etag(), scu_offering.etag());
  EXPECT_EQ(out.title(), scu_offering.title());
  get.set_name("offerings/scu-2");
  EXPECT_EQ(offerings_->GetOffering(Ctx().get(), get, &out).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(SecurityTest, AnEnterpriseWritesOnlyItsOwnNeeds) {
  CreateOrganization("lzlj", v1::Organization::ENTERPRISE);
  const std::string acme = CreateKey(Role::kEnterprise, "acme");
  v1::CreateNeedRequest create;
  *create.mutable_need() = SampleNeed();  // enterprise: organizations/acme
  v1::Need need;
  ASSERT_TRUE(needs_->CreateNeed(Ctx(acme).get(), create, &need).ok());
  create.mutable_need()->set_enterprise("organizations/lzlj");
  EXPECT_EQ(needs_->CreateNeed(Ctx(acme).get(), create, &need).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // Offerings are not an enterprise's to write at all.
  v1::CreateOfferingRequest offering;
  *offering.mutable_offering() = SampleOffering();
  v1::Offering out;
  EXPECT_EQ(offerings_->CreateOffering(Ctx(acme).get(), offering, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(SecurityTest, WritesAreAuditedWithTheirOutcomeAndReadsAreNot) {
  const size_t before = AuditEvents("").size();  // the fixture's organizations and event
  EXPECT_EQ(before, 4u);
  v1::CreateNeedRequest create;
  *create.mutable_need() = SampleNeed();
  create.set_need_id("n1");
  create.set_request_id("req-n1");
  v1::Need need;
  ASSERT_TRUE(needs_->CreateNeed(Ctx().get(), create, &need).ok());
  create.set_need_id("n2");
  create.set_request_id("");
  create.mutable_need()->set_title("");
  EXPECT_EQ(needs_->CreateNeed(Ctx().get(), create, &need).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  v1::GetNeedRequest get;
  get.set_name("needs/n1");
  ASSERT_TRUE(needs_->GetNeed(Ctx().get(), get, &need).ok());

  const std::vector<v1::AuditEvent> events = AuditEvents("");
  ASSERT_EQ(events.size(), before + 2);
  const v1::AuditEvent& created = events[before];
  EXPECT_EQ(created.method(), "/techmatch.v1.NeedService/CreateNeed");
  EXPECT_EQ(created.resource(), "needs/n1");
  EXPECT_EQ(created.request_id(), "req-n1");
  EXPECT_EQ(created.outcome(), "OK");
  EXPECT_EQ(created.role(), "ADMIN");
  EXPECT_EQ(created.principal(), KeyIdOf(admin_token_));
  EXPECT_EQ(created.name(), "auditEvents/" + std::to_string(before + 1));
  EXPECT_EQ(created.hash().size(), 64u);
  EXPECT_EQ(events[before + 1].outcome(), "INVALID_ARGUMENT");
  EXPECT_EQ(AuditEvents("outcome = INVALID_ARGUMENT").size(), 1u);
  EXPECT_EQ(
      AuditEvents("outcome = OK AND method = \"/techmatch.v1.NeedService/CreateNeed\"").size(), 1u);
}

TEST_F(SecurityTest, AuditEventsPageAndOnlyAdminsAndOfficialsReadThem) {
  v1::ListAuditEventsRequest request;
  request.set_page_size(3);
  std::vector<std::string> names;
  do {
    v1::ListAuditEventsResponse page;
    ASSERT_TRUE(audit_->ListAuditEvents(Ctx().get(), request, &page).ok());
    for (const auto& event : page.audit_events()) names.push_back(event.name());
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  EXPECT_THAT(names,
              ElementsAre("auditEvents/1", "auditEvents/2", "auditEvents/3", "auditEvents/4"));

  v1::ListAuditEventsResponse response;
  EXPECT_TRUE(audit_->ListAuditEvents(Ctx(CreateKey(Role::kOfficial)).get(), {}, &response).ok());
  EXPECT_EQ(
      audit_->ListAuditEvents(Ctx(CreateKey(Role::kOrganizer)).get(), {}, &response).error_code(),
      grpc::StatusCode::PERMISSION_DENIED);
  request.Clear();
  request.set_filter("colour = red");
  const grpc::Status bad = audit_->ListAuditEvents(Ctx().get(), request, &response);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(bad), ElementsAre("filter"));
}

// Rows of every table of the database file except the audit trail's, read straight from SQLite.
std::map<std::string, int64_t> RowCounts(const std::string& db_path) {
  std::map<std::string, int64_t> counts;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::vector<std::string> tables;
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &statement,
                     nullptr);
  while (sqlite3_step(statement) == SQLITE_ROW) {
    tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
  }
  sqlite3_finalize(statement);
  for (const std::string& table : tables) {
    if (table == "audit_events") continue;
    sqlite3_prepare_v2(db, ("SELECT count(*) FROM \"" + table + "\"").c_str(), -1, &statement,
                       nullptr);
    if (sqlite3_step(statement) == SQLITE_ROW) counts[table] = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  EXPECT_GT(counts.size(), 5u);
  return counts;
}

// Every method of every service, called with a key revoked after it was used: UNAUTHENTICATED.
TEST_F(SecurityTest, EveryMethodRefusesARevokedKey) {
  const std::string token = CreateKey(Role::kAdmin);
  v1::ListIndustriesResponse industries;
  ASSERT_TRUE(industries_->ListIndustries(Ctx(token).get(), {}, &industries).ok());
  {
    auto other = storage::SqliteRepository::Open(db_path(), {});
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE((*other)->RevokeApiKey(KeyIdOf(token)).ok());
  }
  absl::SleepFor(server::kDefaultKeyRecheck + absl::Milliseconds(50));
  for (const std::string& method : RegisteredMethods(*channel_)) {
    if (FindMethodRule(method) != nullptr && FindMethodRule(method)->open) continue;  // no token
    const RawResult result = RawCall(*channel_, method, "", "Bearer " + token);
    EXPECT_EQ(result.status.error_code(), grpc::StatusCode::UNAUTHENTICATED)
        << method << ": " << result.status.error_message();
  }
}

// Every write an official attempts, on every service: PERMISSION_DENIED, one audit record
// each, and not one row of any other table changed.
TEST_F(SecurityTest, NoWriteOfAnOfficialLeavesATraceButItsAuditRecord) {
  const std::string official = CreateKey(Role::kOfficial);
  const std::map<std::string, int64_t> before = RowCounts(db_path());
  std::vector<std::string> writes;
  for (const std::string& method : RegisteredMethods(*channel_)) {
    const MethodRule* rule = FindMethodRule(method);
    ASSERT_NE(rule, nullptr) << method;
    // Officials may sign in and out and rename themselves: writes to their own account only.
    if (!rule->mutating || rule->Allows(Role::kOfficial)) continue;
    writes.push_back(method);
    const RawResult result = RawCall(*channel_, method, "", "Bearer " + official);
    EXPECT_EQ(result.status.error_code(), grpc::StatusCode::PERMISSION_DENIED) << method;
  }
  EXPECT_GT(writes.size(), 20u);
  EXPECT_EQ(RowCounts(db_path()), before);
  const std::vector<v1::AuditEvent> events =
      AuditEvents("principal = \"" + KeyIdOf(official) + "\"");
  ASSERT_EQ(events.size(), writes.size());
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i].method(), writes[i]);
    EXPECT_EQ(events[i].role(), "OFFICIAL");
    EXPECT_EQ(events[i].outcome(), "PERMISSION_DENIED");
  }
}

}  // namespace
}  // namespace techmatch::testing
