// A real techmatch server on port 0 over a fresh database, and stubs that call it. The database
// is a SQLite file, or, for a fixture wrapped in OverBackends, a SQLite file in one instance and
// a PostgreSQL database of its own in the other (on the cluster TECHMATCH_TEST_POSTGRES_URI
// names; skipped, saying so, without one).
#ifndef TECHMATCH_TESTS_SERVER_SERVER_FIXTURE_H_
#define TECHMATCH_TESTS_SERVER_SERVER_FIXTURE_H_

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/clock.h"
#include "core/auth/api_key.h"
#include "core/auth/role.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "server/techmatch_server.h"
#include "storage/postgres/postgres_repository.h"
#include "storage/repository.h"
#include "storage/sqlite/sqlite_repository.h"
#include "techmatch/v1/event.grpc.pb.h"
#include "techmatch/v1/industry.grpc.pb.h"
#include "techmatch/v1/need.grpc.pb.h"
#include "techmatch/v1/offering.grpc.pb.h"
#include "techmatch/v1/organization.grpc.pb.h"
#include "tests/storage/test_db.h"

namespace techmatch::testing {

// The field paths of the BadRequest carried by `status`.
inline std::vector<std::string> ViolatedFields(const grpc::Status& status) {
  std::vector<std::string> fields;
  google::rpc::Status rich;
  if (!rich.ParseFromString(status.error_details())) return fields;
  for (const auto& any : rich.details()) {
    google::rpc::BadRequest bad_request;
    if (any.UnpackTo(&bad_request)) {
      for (const auto& v : bad_request.field_violations()) fields.push_back(v.field());
    }
  }
  return fields;
}

using storage::testing::Backend;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/techmatch-server-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    if (backend() == Backend::kPostgres) {
      if (storage::testing::PostgresTestUri().empty()) {
        GTEST_SKIP() << "no PostgreSQL cluster: set TECHMATCH_TEST_POSTGRES_URI (scripts/test "
                        "starts one with scripts/pg-cluster)";
      }
      database_ = std::make_unique<storage::testing::PostgresTestDatabase>();
      ASSERT_FALSE(database_->uri().empty());
    }
    auto repository = OpenRepository();
    ASSERT_TRUE(repository.ok()) << repository.status();
    // Calls run as an administrator unless a test says otherwise, as a real client would.
    admin_token_ = CreateKey(**repository, Role::kAdmin);
    server::ServerOptions options;
    options.listen = "127.0.0.1:0";
    Configure(options);
    auto server = server::TechmatchServer::Start(options, *std::move(repository));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    channel_ = grpc::CreateChannel("127.0.0.1:" + std::to_string(server_->port()),
                                   grpc::InsecureChannelCredentials());
    industries_ = v1::IndustryService::NewStub(channel_);
    organizations_ = v1::OrganizationService::NewStub(channel_);
    events_ = v1::EventService::NewStub(channel_);
    needs_ = v1::NeedService::NewStub(channel_);
    offerings_ = v1::OfferingService::NewStub(channel_);
  }

  void TearDown() override {
    if (server_) server_->Shutdown(absl::Seconds(1));
    server_.reset();
    database_.reset();  // After the server's connections closed.
    std::system(("rm -rf '" + dir_ + "'").c_str());
  }

  // The backend the test's server stores in (OverBackends overrides it).
  virtual Backend backend() const { return Backend::kSqlite; }

  // The SQLite file (of a SQLite test only).
  std::string db_path() const { return dir_ + "/test.db"; }

  // Opens the test's database (again), as another process such as `techmatch-server keys
  // create` does beside the server.
  absl::StatusOr<std::unique_ptr<storage::Repository>> OpenRepository() {
    if (backend() == Backend::kPostgres) {
      auto opened = storage::PostgresRepository::Open(database_->uri(), {});
      if (!opened.ok()) return opened.status();
      return std::unique_ptr<storage::Repository>(*std::move(opened));
    }
    auto opened = storage::SqliteRepository::Open(db_path(), {});
    if (!opened.ok()) return opened.status();
    return std::unique_ptr<storage::Repository>(*std::move(opened));
  }

  // Changes the options the server starts with (a test's clock, session bounds).
  virtual void Configure(server::ServerOptions& /*options*/) {}

  // Creates a key straight in `repository` and returns its token (other fixtures use it too).
 public:
  static std::string CreateKey(storage::Repository& repository, Role role,
                               const std::string& organization_id = "") {
    absl::StatusOr<NewToken> token = GenerateToken();
    EXPECT_TRUE(token.ok()) << token.status();
    const ApiKey key = KeyForToken(*token, role, organization_id, "test", absl::Now());
    const absl::Status created = repository.CreateApiKey(key);
    EXPECT_TRUE(created.ok()) << created;
    return token->token;
  }

 protected:
  // Creates a key through a second connection to the database, as `techmatch-server keys
  // create` run by another process does.
  std::string CreateKey(Role role, const std::string& organization_id = "") {
    auto repository = OpenRepository();
    EXPECT_TRUE(repository.ok()) << repository.status();
    return CreateKey(**repository, role, organization_id);
  }

  // A client context with a deadline, as every real client call has, presenting `token`
  // (the administrator's by default; none when empty).
  std::unique_ptr<grpc::ClientContext> Ctx() const { return Ctx(admin_token_); }
  static std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token) {
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    if (!token.empty()) context->AddMetadata("authorization", "Bearer " + token);
    return context;
  }

  v1::Organization CreateOrganization(const std::string& id, v1::Organization::Kind kind,
                                      const std::string& parent = "") {
    v1::CreateOrganizationRequest request;
    request.set_organization_id(id);
    request.mutable_organization()->set_display_name("Org " + id);
    request.mutable_organization()->set_kind(kind);
    request.mutable_organization()->set_parent(parent);
    request.mutable_organization()->set_region_code("510500");
    v1::Organization created;
    const grpc::Status status = organizations_->CreateOrganization(Ctx().get(), request, &created);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return created;
  }

  v1::Event CreateEvent(const std::string& id) {
    v1::CreateEventRequest request;
    request.set_event_id(id);
    v1::Event& event = *request.mutable_event();
    event.set_display_name("2026年產學研合作洽談會");
    event.set_location("瀘州");
    event.mutable_start_time()->set_seconds(1795000000);
    event.mutable_end_time()->set_seconds(1795086400);
    v1::Event created;
    const grpc::Status status = events_->CreateEvent(Ctx().get(), request, &created);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return created;
  }

  // A valid need of enterprise `organizations/acme` in the liquor industry.
  static v1::Need SampleNeed(const std::string& title = "濃香型白酒窖池微生物調控") {
    v1::Need need;
    need.set_enterprise("organizations/acme");
    need.set_title(title);
    need.set_description("提高優質酒率，窖泥老化防治。Pit mud microbiome.");
    need.add_keywords("白酒");
    need.add_keywords("窖池");
    need.add_industries("industries/liquor");
    need.add_industries("industries/agriculture");
    need.mutable_budget()->set_currency_code("CNY");
    need.mutable_budget()->set_units(2300000);
    need.mutable_budget()->set_nanos(500000000);
    need.set_min_trl(4);
    need.add_cooperation_modes(v1::JOINT_DEVELOPMENT);
    return need;
  }

  static v1::Offering SampleOffering(const std::string& title = "纤维素乙醇发酵工艺") {
    v1::Offering offering;
    offering.set_institute("organizations/scu");
    offering.set_title(title);
    offering.set_description("Cellulosic ethanol fermentation, pilot scale.");
    offering.add_keywords("纤维素");
    offering.add_industries("industries/energy");
    offering.set_trl(6);
    offering.add_patents("ZL201910123456.7");
    offering.add_cooperation_modes(v1::LICENSE);
    offering.mutable_asking_price()->set_currency_code("CNY");
    offering.mutable_asking_price()->set_units(800000);
    return offering;
  }

  v1::Need CreateNeed(const v1::Need& need, const std::string& id = "") {
    v1::CreateNeedRequest request;
    *request.mutable_need() = need;
    request.set_need_id(id);
    v1::Need created;
    const grpc::Status status = needs_->CreateNeed(Ctx().get(), request, &created);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return created;
  }

  std::string dir_;
  std::unique_ptr<storage::testing::PostgresTestDatabase> database_;
  std::string admin_token_;
  std::unique_ptr<server::TechmatchServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::IndustryService::Stub> industries_;
  std::unique_ptr<v1::OrganizationService::Stub> organizations_;
  std::unique_ptr<v1::EventService::Stub> events_;
  std::unique_ptr<v1::NeedService::Stub> needs_;
  std::unique_ptr<v1::OfferingService::Stub> offerings_;
};

// ServerTest with an enterprise `acme`, a university `scu`, a government body `gov` and an
// event `fair` already created.
class SeededServerTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    CreateOrganization("acme", v1::Organization::ENTERPRISE);
    CreateOrganization("scu", v1::Organization::UNIVERSITY);
    CreateOrganization("gov", v1::Organization::GOVERNMENT);
    CreateEvent("fair");
  }
};

// `Fixture` (a ServerTest) over both backends: its tests are TEST_P, instantiated with
// INSTANTIATE_TEST_SUITE_P(Backends, Name, storage::testing::kBackends,
// storage::testing::BackendName) (.../SQLite and .../PostgreSQL). A SetUp that extends the
// fixture's returns early when IsSkipped() or HasFatalFailure().
template <typename Fixture>
class OverBackends : public Fixture, public ::testing::WithParamInterface<Backend> {
 protected:
  Backend backend() const override { return this->GetParam(); }
};

}  // namespace techmatch::testing

#endif  // TECHMATCH_TESTS_SERVER_SERVER_FIXTURE_H_
