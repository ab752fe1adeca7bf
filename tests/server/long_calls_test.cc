// Long calls (server/long_calls.h): one key cannot take every sync thread or watch slot, an
// import that sends nothing is ended, and revoking a key ends every stream it opened.
#include <atomic>
#include <thread>

#include "absl/strings/str_format.h"
#include "storage/sqlite/sqlite_repository.h"
#include "techmatch/v1/agreement.grpc.pb.h"
#include "techmatch/v1/match.grpc.pb.h"
#include "tests/server/server_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::HasSubstr;

constexpr int64_t kSignSeconds = 1'795'000'000;

class LongCallsTest : public ::testing::Test {
 protected:
  void TearDown() override {
    if (server_) server_->Shutdown(absl::Seconds(1));
    server_.reset();
    std::system(("rm -rf '" + dir_ + "'").c_str());
  }

  // A server with `limits`, organizations acme (enterprise), scu (university), gov and an
  // event; admin_ is an ADMIN key.
  void Start(const server::LongCallLimits& limits) {
    char pattern[] = "/tmp/techmatch-long-calls-test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    dir_ = pattern;
    storage::SqliteOptions storage_options;
    storage_options.synchronous = storage::Synchronous::kNormal;  // many writes, fast
    auto repository = storage::SqliteRepository::Open(db_path(), storage_options);
    ASSERT_TRUE(repository.ok()) << repository.status();
    admin_ = ServerTest::CreateKey(**repository, Role::kAdmin);
    server::ServerOptions options;
    options.listen = "127.0.0.1:0";
    options.long_calls = limits;
    auto server = server::TechmatchServer::Start(options, *std::move(repository));
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    auto channel = NewChannel();
    auto organizations = v1::OrganizationService::NewStub(channel);
    for (const auto& [id, kind] : {std::pair{"acme", v1::Organization::ENTERPRISE},
                                   std::pair{"beta", v1::Organization::ENTERPRISE},
                                   std::pair{"scu", v1::Organization::UNIVERSITY},
                                   std::pair{"gov", v1::Organization::GOVERNMENT}}) {
      v1::CreateOrganizationRequest request;
      request.set_organization_id(id);
      request.mutable_organization()->set_display_name(std::string("Org ") + id);
      request.mutable_organization()->set_kind(kind);
      request.mutable_organization()->set_region_code("510500");
      v1::Organization created;
      const grpc::Status status =
          organizations->CreateOrganization(Ctx(admin_).get(), request, &created);
      ASSERT_TRUE(status.ok()) << status.error_message();
    }
    v1::CreateEventRequest event;
    event.set_event_id("fair");
    event.mutable_event()->set_display_name("洽談會");
    event.mutable_event()->set_location("瀘州");
    event.mutable_event()->mutable_start_time()->set_seconds(kSignSeconds);
    event.mutable_event()->mutable_end_time()->set_seconds(kSignSeconds + 86400);
    v1::Event created;
    const grpc::Status status =
        v1::EventService::NewStub(channel)->CreateEvent(Ctx(admin_).get(), event, &created);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  std::string db_path() const { return dir_ + "/test.db"; }

  // A key made through a second connection to the file, as `techmatch-server keys create` does.
  std::string NewKey(Role role, const std::string& organization_id = "") {
    auto repository = storage::SqliteRepository::Open(db_path(), {});
    EXPECT_TRUE(repository.ok()) << repository.status();
    return ServerTest::CreateKey(**repository, role, organization_id);
  }

  // As `techmatch-server keys revoke` does from another process.
  void Revoke(const std::string& token) {
    auto repository = storage::SqliteRepository::Open(db_path(), {});
    ASSERT_TRUE(repository.ok()) << repository.status();
    ASSERT_TRUE((*repository)->RevokeApiKey(std::string(UncheckedKeyId(token))).ok());
  }

  // A channel with its own connection.
  std::shared_ptr<grpc::Channel> NewChannel(grpc::ChannelArguments args = {}) {
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    return grpc::CreateCustomChannel("127.0.0.1:" + std::to_string(server_->port()),
                                     grpc::InsecureChannelCredentials(), args);
  }

  static std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token) {
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    context->AddMetadata("authorization", "Bearer " + token);
    return context;
  }

  // An import stream held open: no rows, no WritesDone, and no deadline.
  struct OpenImport {
    std::unique_ptr<v1::NeedService::Stub> stub;
    grpc::ClientContext context;
    v1::ImportSummary summary;
    std::unique_ptr<grpc::ClientWriter<v1::ImportNeedsRequest>> writer;
  };
  static std::unique_ptr<OpenImport> StartImport(grpc::Channel& channel, const std::string& token) {
    auto stream = std::make_unique<OpenImport>();
    stream->stub = v1::NeedService::NewStub(channel.shared_from_this());
    stream->context.AddMetadata("authorization", "Bearer " + token);
    stream->writer = stream->stub->ImportNeeds(&stream->context, &stream->summary);
    return stream;
  }

  struct OpenWatch {
    std::unique_ptr<v1::MatchService::Stub> stub;
    grpc::ClientContext context;
    std::unique_ptr<grpc::ClientReader<v1::WatchMatchesResponse>> reader;
  };
  static std::unique_ptr<OpenWatch> StartWatch(grpc::Channel& channel, const std::string& token) {
    auto watch = std::make_unique<OpenWatch>();
    watch->stub = v1::MatchService::NewStub(channel.shared_from_this());
    watch->context.AddMetadata("authorization", "Bearer " + token);
    watch->context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    v1::WatchMatchesRequest request;
    request.mutable_query()->set_text("白酒 窖池");
    request.mutable_query()->set_target(v1::WATCH_TARGET_OFFERINGS);
    watch->reader = watch->stub->WatchMatches(&watch->context, request);
    return watch;
  }

  static v1::Need SampleNeed(const std::string& enterprise) {
    v1::Need need;
    need.set_enterprise(enterprise);
    need.set_title("濃香型白酒窖池微生物調控");
    need.set_description("提高優質酒率，窖泥老化防治。Pit mud microbiome.");
    need.add_keywords("白酒");
    need.add_industries("industries/liquor");
    need.set_min_trl(4);
    need.add_cooperation_modes(v1::JOINT_DEVELOPMENT);
    return need;
  }

  std::string dir_;
  std::string admin_;
  std::unique_ptr<server::TechmatchServer> server_;
};

// One ENTERPRISE key opening 200 imports that send nothing, with no deadline, takes its share
// of the sync threads and no more: another key's CreateNeed and MatchNeed still work.
TEST_F(LongCallsTest, OneKeysIdleImportsLeaveOtherKeysWriting) {
  ASSERT_NO_FATAL_FAILURE(Start({}));
  const std::string greedy = NewKey(Role::kEnterprise, "acme");
  const std::string other = NewKey(Role::kEnterprise, "beta");
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  for (int i = 0; i < 4; ++i) channels.push_back(NewChannel());  // 100 streams a connection
  std::vector<std::unique_ptr<OpenImport>> imports;
  for (int i = 0; i < 200; ++i) imports.push_back(StartImport(*channels[i % 4], greedy));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));

  auto channel = NewChannel();
  auto needs = v1::NeedService::NewStub(channel);
  v1::CreateNeedRequest create;
  *create.mutable_need() = SampleNeed("organizations/beta");
  v1::Need need;
  const grpc::Status created = needs->CreateNeed(Ctx(other).get(), create, &need);
  ASSERT_TRUE(created.ok()) << created.error_code() << " " << created.error_message();
  v1::MatchNeedRequest match;
  match.set_need(need.name());
  v1::MatchNeedResponse matches;
  const grpc::Status matched =
      v1::MatchService::NewStub(channel)->MatchNeed(Ctx(other).get(), match, &matches);
  EXPECT_TRUE(matched.ok()) << matched.error_code() << " " << matched.error_message();

  // All but the key's share were refused at once, saying why.
  int refused = 0;
  int saying_why = 0;
  for (auto& import : imports) {
    import->writer->WritesDone();  // the admitted ones import nothing and end OK
    const grpc::Status status = import->writer->Finish();
    if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
      ++refused;
      if (status.error_message().find("long calls open") != std::string::npos) ++saying_why;
    }
  }
  EXPECT_EQ(refused, 200 - server::LongCallLimits().max_per_principal);
  EXPECT_GT(saying_why, 0);
}

TEST_F(LongCallsTest, OneKeyTakesItsShareOfTheWatchSlots) {
  server::LongCallLimits limits;
  limits.max_watches_per_principal = 2;
  ASSERT_NO_FATAL_FAILURE(Start(limits));
  const std::string greedy = NewKey(Role::kOfficial);
  const std::string other = NewKey(Role::kOfficial);
  auto channel = NewChannel();
  std::vector<std::unique_ptr<OpenWatch>> watches;
  for (int i = 0; i < 3; ++i) watches.push_back(StartWatch(*channel, greedy));
  auto others = StartWatch(*channel, other);
  others->reader->WaitForInitialMetadata();
  EXPECT_EQ(others->context.GetServerInitialMetadata().count("techmatch-watch-open"), 1u);
  int open = 0;
  int refused = 0;
  for (auto& watch : watches) {
    watch->reader->WaitForInitialMetadata();
    if (watch->context.GetServerInitialMetadata().count("techmatch-watch-open") == 1) {
      ++open;
      watch->context.TryCancel();
    }
    const grpc::Status status = watch->reader->Finish();
    if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
      EXPECT_THAT(status.error_message(), HasSubstr("WatchMatches streams open"));
      ++refused;
    }
  }
  EXPECT_EQ(open, 2);
  EXPECT_EQ(refused, 1);
  others->context.TryCancel();
  others->reader->Finish();
}

TEST_F(LongCallsTest, AnImportThatSendsNothingIsEndedSayingSo) {
  server::LongCallLimits limits;
  limits.stream_idle = absl::Milliseconds(400);
  ASSERT_NO_FATAL_FAILURE(Start(limits));
  const std::string key = NewKey(Role::kEnterprise, "acme");
  auto channel = NewChannel();

  // Rows every 150 ms for 1.2 s: never idle for 400 ms, so it runs to its end.
  auto steady = StartImport(*channel, key);
  for (int i = 0; i < 8; ++i) {
    v1::ImportNeedsRequest row;
    *row.mutable_need() = SampleNeed("organizations/acme");
    ASSERT_TRUE(steady->writer->Write(row));
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
  }
  steady->writer->WritesDone();
  const grpc::Status finished = steady->writer->Finish();
  EXPECT_TRUE(finished.ok()) << finished.error_code() << " " << finished.error_message();
  EXPECT_EQ(steady->summary.accepted_count(), 8);

  // One row, then nothing.
  const absl::Time start = absl::Now();
  auto idle = StartImport(*channel, key);
  v1::ImportNeedsRequest row;
  *row.mutable_need() = SampleNeed("organizations/acme");
  ASSERT_TRUE(idle->writer->Write(row));
  const grpc::Status ended = idle->writer->Finish();
  const absl::Duration took = absl::Now() - start;
  EXPECT_EQ(ended.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED) << ended.error_message();
  EXPECT_THAT(ended.error_message(), HasSubstr("sent no message for 400ms"));
  EXPECT_GE(took, absl::Milliseconds(400));
  EXPECT_LT(took, absl::Seconds(3));
}

// Revoking a key ends its open watch, import and export with UNAUTHENTICATED within the key
// cache's recheck (100 ms) and the watchdog's interval (50 ms); the test allows 1 s for a loaded
// machine.
TEST_F(LongCallsTest, RevokingAKeyEndsEveryStreamItOpened) {
  ASSERT_NO_FATAL_FAILURE(Start({}));
  const std::string key = NewKey(Role::kOrganizer);
  // Enough agreements that an export nobody reads fills the flow-control window and waits.
  {
    auto agreements = v1::AgreementService::NewStub(NewChannel());
    for (int i = 0; i < 1500; ++i) {
      v1::CreateAgreementRequest request;
      request.set_agreement_id(absl::StrFormat("a%04d", i));
      v1::Agreement& a = *request.mutable_agreement();
      a.set_title(absl::StrFormat("校市科技合作协议第%04d号：窖池微生物调控与纤维素乙醇发酵", i));
      a.set_kind(v1::Agreement::FRAMEWORK_COOPERATION);
      v1::Party* supplier = a.add_parties();
      supplier->set_organization("organizations/scu");
      supplier->set_role(v1::Party::SUPPLIER);
      v1::Party* government = a.add_parties();
      government->set_organization("organizations/gov");
      government->set_role(v1::Party::GOVERNMENT);
      a.set_event("events/fair");
      a.mutable_sign_time()->set_seconds(kSignSeconds - 3600);
      v1::Agreement created;
      const grpc::Status status = agreements->CreateAgreement(Ctx(admin_).get(), request, &created);
      ASSERT_TRUE(status.ok()) << status.error_message();
    }
  }
  grpc::ChannelArguments small_window;
  small_window.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
  auto channel = NewChannel(small_window);

  auto watch = StartWatch(*channel, key);
  watch->reader->WaitForInitialMetadata();
  auto import = StartImport(*channel, key);
  v1::ImportNeedsRequest row;
  *row.mutable_need() = SampleNeed("organizations/acme");
  ASSERT_TRUE(import->writer->Write(row));
  auto exports = v1::AgreementService::NewStub(channel);
  grpc::ClientContext export_context;
  export_context.AddMetadata("authorization", "Bearer " + key);
  auto export_reader = exports->ExportAgreements(&export_context, v1::ExportAgreementsRequest());
  v1::ExportAgreementsResponse batch;
  ASSERT_TRUE(export_reader->Read(&batch));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));

  std::atomic<int64_t> watch_ended_ms{-1};
  std::atomic<int64_t> import_ended_ms{-1};
  grpc::Status watch_status;
  grpc::Status import_status;
  const absl::Time revoked = absl::Now();
  Revoke(key);
  std::thread watch_thread([&] {
    v1::WatchMatchesResponse message;
    while (watch->reader->Read(&message)) {
    }
    watch_status = watch->reader->Finish();
    watch_ended_ms = absl::ToInt64Milliseconds(absl::Now() - revoked);
  });
  std::thread import_thread([&] {
    import_status = import->writer->Finish();
    import_ended_ms = absl::ToInt64Milliseconds(absl::Now() - revoked);
  });
  watch_thread.join();
  import_thread.join();
  // The export was ended while it waited: draining it now finds the status, not the rest.
  std::this_thread::sleep_for(std::chrono::milliseconds(1000) -
                              absl::ToChronoMilliseconds(absl::Now() - revoked));
  int exported = batch.agreements_size();
  while (export_reader->Read(&batch)) exported += batch.agreements_size();
  const grpc::Status export_status = export_reader->Finish();

  EXPECT_EQ(watch_status.error_code(), grpc::StatusCode::UNAUTHENTICATED)
      << watch_status.error_message();
  EXPECT_THAT(watch_status.error_message(), HasSubstr("revoked"));
  EXPECT_EQ(import_status.error_code(), grpc::StatusCode::UNAUTHENTICATED)
      << import_status.error_message();
  EXPECT_EQ(export_status.error_code(), grpc::StatusCode::UNAUTHENTICATED)
      << export_status.error_message();
  EXPECT_LT(exported, 1500);
  EXPECT_LT(watch_ended_ms.load(), 1000);
  EXPECT_LT(import_ended_ms.load(), 1000);
  std::printf("revocation ended the watch after %lld ms, the import after %lld ms\n",
              static_cast<long long>(watch_ended_ms.load()),
              static_cast<long long>(import_ended_ms.load()));
}

}  // namespace
}  // namespace techmatch::testing
