// Copying whole databases between backends (storage/table_copy.h): a database holding a row
// of every table goes SQLite → PostgreSQL → SQLite (and SQLite → SQLite) row for row, its
// audit chain verifies on the copy with the same key, a target that holds records is refused
// with nothing written, and two schema versions are refused.
#include "storage/table_copy.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "core/auth/api_key.h"
#include "core/common/status_macros.h"
#include "core/ledger/observation.h"
#include "core/ledger/target.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/postgres/migrations.h"
#include "storage/postgres/postgres_repository.h"
#include "storage/postgres/table_io.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/sqlite_repository.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::HasSubstr;
using Tables = std::map<std::string, std::vector<TableRow>>;

// Every table's rows, in key order, read in one snapshot in batches of 7.
Tables Dump(TableStore& store) {
  Tables tables;
  const absl::Status read = store.ReadTables([&](TableReader& reader) -> absl::Status {
    for (const TableSchema& table : CopiedTables()) {
      std::vector<TableRow>& rows = tables[std::string(table.name)];
      while (true) {
        TM_ASSIGN_OR_RETURN(std::vector<TableRow> batch,
                            reader.ReadBatch(table, rows.empty() ? nullptr : &rows.back(), 7));
        rows.insert(rows.end(), batch.begin(), batch.end());
        if (batch.size() < 7) break;
      }
    }
    return absl::OkStatus();
  });
  EXPECT_THAT(read, IsOk());
  return tables;
}

// Stores at least one row of every table through the repository, with a request id, an audit
// record keyed with the repository's key, a parent organization whose id sorts after its child's
// and a need closed by an agreement (the references the copy sets last).
void FillEveryTable(Repository& repo) {
  using testing::EnterpriseRecord;
  using testing::UniversityRecord;
  Industry textiles;
  textiles.meta.id = "textiles";
  textiles.display_name_zh = "纺织";
  textiles.display_name_en = "Textiles";
  ASSERT_THAT(repo.CreateIndustry(textiles, {"CreateIndustry", "req-industry"}).status(), IsOk());
  ASSERT_THAT(repo.CreateOrganization(EnterpriseRecord("acme"), {}).status(), IsOk());
  ASSERT_THAT(repo.CreateOrganization(UniversityRecord("zz-university"), {}).status(), IsOk());
  Organization college = UniversityRecord("college");
  college.parent_id = "zz-university";
  ASSERT_THAT(repo.CreateOrganization(college, {}).status(), IsOk());

  Event fair = testing::FairRecord("fair");
  fair.organizer_ids = {"acme"};
  ASSERT_THAT(repo.CreateEvent(fair, {}).status(), IsOk());
  ASSERT_THAT(repo.RegisterParticipant("fair", "acme").status(), IsOk());
  ASSERT_THAT(repo.RegisterParticipant("fair", "zz-university").status(), IsOk());
  Need need = testing::NeedRecord("need-1", "acme");
  need.listing.event_ids = {"fair"};
  TM_ASSERT_OK_AND_ASSIGN(Need stored_need, repo.CreateNeed(need, {}));
  Offering offering = testing::OfferingRecord("offering-1", "zz-university");
  offering.listing.event_ids = {"fair"};
  ASSERT_THAT(repo.CreateOffering(offering, {}).status(), IsOk());

  Agreement agreement;
  agreement.meta.id = "a1";
  agreement.title = "技术开发合同";
  agreement.kind = AgreementKind::kTechnologyDevelopment;
  agreement.parties = {{"zz-university", PartyRole::kSupplier}, {"acme", PartyRole::kDemander}};
  agreement.industry_codes = {"liquor"};
  agreement.event_id = "fair";
  agreement.need_id = "need-1";
  agreement.offering_id = "offering-1";
  agreement.sign_time = absl::FromUnixSeconds(1'790'000'000) + absl::Nanoseconds(7);
  agreement.amount(AmountField::kContractAmount) = 230'000'000;
  TM_ASSERT_OK_AND_ASSIGN(Agreement created, repo.CreateAgreement(agreement, {}));
  Agreement raised = created;
  raised.amount(AmountField::kContractAmount) = 250'000'000;
  AmountChange change;
  change.change_time = absl::FromUnixSeconds(1'790'100'000);
  change.field = AmountField::kContractAmount;
  change.old_minor = 230'000'000;
  change.new_minor = 250'000'000;
  ASSERT_THAT(repo.ReplaceAgreement(raised, created.meta.revision, {change}).status(), IsOk());
  Need closed = stored_need;
  closed.state = NeedState::kClosed;
  closed.closing_agreement_id = "a1";
  ASSERT_THAT(repo.ReplaceNeed(closed, stored_need.meta.revision).status(), IsOk());

  TM_ASSERT_OK_AND_ASSIGN(NewToken token, GenerateToken());
  ASSERT_THAT(repo.CreateApiKey(KeyForToken(token, Role::kAdmin, "", "copy test", absl::Now())),
              IsOk());
  AuditEvent event;
  event.event_time = absl::Now();
  event.principal = "0123456789abcdef";
  event.role = "ADMIN";
  event.method = "/techmatch.v1.NeedService/CreateNeed";
  event.resource = "needs/need-1";
  event.request_id = "req-audit";
  event.outcome = "OK";
  ASSERT_THAT(repo.AppendAuditEvent(event), IsOk());
  ASSERT_THAT(repo.AppendAuditEvent(event), IsOk());

  MeetingPlan plan;
  plan.meta.id = "fair";
  plan.slots.push_back({fair.start_time, fair.start_time + absl::Minutes(25)});
  plan.table_count = 2;
  plan.max_meetings_per_participant = 3;
  TM_ASSERT_OK_AND_ASSIGN(MeetingPlan stored_plan, repo.PutMeetingPlan(plan, 0));
  MeetingRequest request;
  request.meta.id = "mr-1";
  request.event_id = "fair";
  request.need_id = "need-1";
  request.offering_id = "offering-1";
  request.enterprise_id = "acme";
  request.institute_id = "zz-university";
  request.requested_by = MeetingSide::kEnterprise;
  request.score = 812'345;
  TM_ASSERT_OK_AND_ASSIGN(MeetingRequest stored_request, repo.CreateMeetingRequest(request, {}));
  stored_request.state = MeetingRequestState::kAccepted;
  ASSERT_THAT(repo.ReplaceMeetingRequest(stored_request, stored_request.meta.revision).status(),
              IsOk());
  Meeting meeting;
  meeting.meta.id = "mr-1";
  meeting.event_id = "fair";
  meeting.slot = 0;
  meeting.table = 1;
  ASSERT_THAT(repo.ReplaceSchedule("fair", stored_plan.meta.revision, {meeting}), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(Meeting scheduled, repo.GetMeeting("fair", "mr-1"));
  scheduled.locked = true;
  ASSERT_THAT(repo.ReplaceMeeting(scheduled, scheduled.meta.revision).status(), IsOk());

  ThesaurusRecord entry;
  entry.meta.id = "entry-1";
  entry.entry.kind = ThesaurusKind::kSynonym;
  entry.entry.from = {"窖泥"};
  entry.entry.to = {"pit mud"};
  entry.entry.note = "由组织者添加";
  entry.entry.scope = "liquor";
  ASSERT_THAT(repo.CreateThesaurusEntry(entry, {}).status(), IsOk());

  Invitation invitation;
  invitation.id = "inv0000000000001";
  invitation.code_hash = std::string(32, 'c');
  invitation.organization_id = "acme";
  invitation.role = Role::kEnterprise;
  invitation.email = "wang@acme.example";
  invitation.display_name = "王经理";
  invitation.invited_by = "keys/0123456789abcdef";
  invitation.create_time = absl::FromUnixSeconds(1'790'000'000);
  invitation.expire_time = invitation.create_time + absl::Hours(72);
  ASSERT_THAT(repo.CreateInvitation(invitation), IsOk());
  User user;
  user.meta.id = "wang";
  user.email = "wang@acme.example";
  user.display_name = "王经理";
  user.organization_id = "acme";
  user.role = Role::kEnterprise;
  user.password_hash = "$argon2id$v=19$stand-in";
  ASSERT_THAT(repo.CreateUserFromInvitation(user, invitation.id).status(), IsOk());
  Session session;
  session.id = "s000000000000001";
  session.user_id = "wang";
  session.token_hash = std::string(32, 's');
  session.create_time = absl::FromUnixSeconds(1'790'000'000);
  session.last_use_time = session.create_time;
  session.expire_time = session.create_time + absl::Hours(12);
  session.client_address = "192.0.2.7";
  ASSERT_THAT(repo.CreateSession(session), IsOk());
  Application application;
  application.meta.id = "app-1";
  application.organization.display_name = "泸州老窖";
  application.organization.kind = OrganizationKind::kEnterprise;
  application.organization.region_code = "510502";
  application.organization.industry_codes = {"liquor"};
  application.contact_email = "zhang@laojiao.example";
  application.contact_name = "张";
  ASSERT_THAT(repo.CreateApplication(application, {}).status(), IsOk());

  Observation observation;
  observation.indicator_code = "spark_trainees";
  observation.region_code = "510500";
  observation.year = 2025;
  observation.half = 1;
  observation.value = Figure{IndicatorUnit::kCount, 1200};
  observation.meta.id = ObservationId("spark_trainees", "510500", 2025, 1);
  ASSERT_THAT(repo.CreateObservation(observation, {}).status(), IsOk());
  Target target;
  target.indicator_code = "spark_trainees";
  target.region_code = "510500";
  target.year = 2025;
  target.value = Figure{IndicatorUnit::kCount, 3000};
  target.meta.id = TargetId("spark_trainees", "510500", 2025);
  ASSERT_THAT(repo.CreateTarget(target, {}).status(), IsOk());

  Project project;
  project.meta.id = "p1";
  project.title = "白酒固态发酵智能化";
  project.level = ProjectLevel::kProvincial;
  project.programme = "省重点研发计划";
  project.lead_organization_id = "acme";
  project.partner_ids = {"zz-university"};
  project.region_code = "510521";
  project.year = 2026;
  project.approved_minor = 1000;
  ASSERT_THAT(repo.CreateProject(project, {}).status(), IsOk());
  FundArrival arrival;
  arrival.project_id = "p1";
  arrival.amount_minor = 400;
  arrival.arrive_time = absl::FromUnixSeconds(1'790'000'000);
  arrival.note = "first tranche";
  ASSERT_THAT(repo.RecordFundArrival(arrival, {"RecordFundArrival", "req-arrival"}).status(),
              IsOk());
  Commissioner commissioner;
  commissioner.meta.id = "c1";
  commissioner.display_name = "王力";
  commissioner.home_organization_id = "zz-university";
  commissioner.region_code = "510521";
  commissioner.year = 2026;
  commissioner.service_model = ServiceModel::kTechnologyPushed;
  commissioner.count(OutcomeCount::kTechnologiesPromoted) = 12;
  commissioner.amount(OutcomeAmount::kFarmerIncomeIncrease) = 150'000'000;
  ASSERT_THAT(repo.CreateCommissioner(commissioner, {}).status(), IsOk());
  Financing financing;
  financing.meta.id = "f1";
  financing.kind = FinancingKind::kLoan;
  financing.provider_id = "zz-university";
  financing.recipient_id = "acme";
  financing.amount_minor = 500'000'000;
  financing.grant_time = absl::FromUnixSeconds(1'772'300'000);
  financing.agreement_id = "a1";
  financing.region_code = "510521";
  ASSERT_THAT(repo.CreateFinancing(financing, {}).status(), IsOk());
}

class TableCopyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<AuditKey> key = NewAuditKey();
    ASSERT_THAT(key.status(), IsOk());
    key_ = *key;
  }

  std::unique_ptr<SqliteRepository> OpenSqlite(const std::string& name) {
    SqliteOptions options;
    options.audit_key = key_;
    absl::StatusOr<std::unique_ptr<SqliteRepository>> repo =
        SqliteRepository::Open(dir_.File(name), options);
    EXPECT_THAT(repo.status(), IsOk());
    return repo.ok() ? *std::move(repo) : nullptr;
  }

  // A repository on a new database of the test cluster (kept until the test ends).
  std::unique_ptr<PostgresRepository> OpenPostgres() {
    databases_.push_back(std::make_unique<testing::PostgresTestDatabase>());
    PostgresOptions options;
    options.audit_key = key_;
    absl::StatusOr<std::unique_ptr<PostgresRepository>> repo =
        PostgresRepository::Open(databases_.back()->uri(), options);
    EXPECT_THAT(repo.status(), IsOk());
    return repo.ok() ? *std::move(repo) : nullptr;
  }

  // A SQLite database holding a row of every table.
  std::unique_ptr<SqliteRepository> FilledSource() {
    std::unique_ptr<SqliteRepository> source = OpenSqlite("source.db");
    if (source == nullptr) return nullptr;
    FillEveryTable(*source);
    return source;
  }

  // Copies, expecting success and equal counts.
  void MustCopy(TableStore& from, TableStore& to, size_t batch_rows) {
    absl::StatusOr<CopyReport> report = CopyTables(from, to, batch_rows);
    ASSERT_THAT(report.status(), IsOk());
    EXPECT_TRUE(report->CountsMatch());
    ASSERT_EQ(report->tables.size(), CopiedTables().size());
    for (const TableCount& count : report->tables) {
      EXPECT_GT(count.source_rows, 0) << count.table << " is empty in the source";
    }
  }

  void ExpectIntactTrail(Repository& repo) {
    TM_ASSERT_OK_AND_ASSIGN(AuditVerification verified, repo.VerifyAuditTrail({key_}));
    EXPECT_EQ(verified.records, 2);
    EXPECT_EQ(verified.unkeyed, 0);
  }

  testing::TempDir dir_;
  AuditKey key_;
  std::vector<std::unique_ptr<testing::PostgresTestDatabase>> databases_;
};

TEST_F(TableCopyTest, SqliteToSqliteCopiesEveryRowAndTheChainVerifies) {
  std::unique_ptr<SqliteRepository> source = FilledSource();
  ASSERT_NE(source, nullptr);
  ASSERT_FALSE(HasFatalFailure());
  std::unique_ptr<SqliteRepository> target = OpenSqlite("target.db");
  ASSERT_NE(target, nullptr);
  ASSERT_NO_FATAL_FAILURE(MustCopy(*source, *target, 2));
  EXPECT_EQ(Dump(*source), Dump(*target));

  // Reopened, the copy answers as the source does, page tokens included.
  target.reset();
  target = OpenSqlite("target.db");
  ASSERT_NE(target, nullptr);
  ExpectIntactTrail(*target);
  EXPECT_EQ(*source->PageTokenKey(), *target->PageTokenKey());
  TM_ASSERT_OK_AND_ASSIGN(Need need, target->GetNeed("need-1"));
  EXPECT_EQ(need.closing_agreement_id, "a1");
  TM_ASSERT_OK_AND_ASSIGN(Organization college, target->GetOrganization("college"));
  EXPECT_EQ(college.parent_id, "zz-university");
  TM_ASSERT_OK_AND_ASSIGN(std::vector<AmountChange> history, target->GetAgreementHistory("a1"));
  EXPECT_EQ(history.size(), 1u);
}

TEST_F(TableCopyTest, SqliteToPostgresToSqliteCopiesEveryRow) {
  if (testing::PostgresTestUri().empty()) {
    GTEST_SKIP() << "no PostgreSQL cluster: set TECHMATCH_TEST_POSTGRES_URI";
  }
  std::unique_ptr<SqliteRepository> source = FilledSource();
  ASSERT_NE(source, nullptr);
  ASSERT_FALSE(HasFatalFailure());
  std::unique_ptr<PostgresRepository> middle = OpenPostgres();
  ASSERT_NE(middle, nullptr);
  // Batches of one: every keyset step of every table, composite keys included.
  ASSERT_NO_FATAL_FAILURE(MustCopy(*source, *middle, 1));
  std::unique_ptr<SqliteRepository> back = OpenSqlite("back.db");
  ASSERT_NE(back, nullptr);
  ASSERT_NO_FATAL_FAILURE(MustCopy(*middle, *back, 3));

  const Tables original = Dump(*source);
  EXPECT_EQ(original, Dump(*middle));
  EXPECT_EQ(original, Dump(*back));
  ExpectIntactTrail(*middle);
  ExpectIntactTrail(*back);
  TM_ASSERT_OK_AND_ASSIGN(Need on_postgres, middle->GetNeed("need-1"));
  TM_ASSERT_OK_AND_ASSIGN(Need on_sqlite, source->GetNeed("need-1"));
  EXPECT_EQ(on_postgres.listing.title, on_sqlite.listing.title);
  EXPECT_EQ(on_postgres.meta.update_time, on_sqlite.meta.update_time);
  EXPECT_EQ(on_postgres.meta.revision, on_sqlite.meta.revision);
  EXPECT_EQ(on_postgres.closing_agreement_id, "a1");
}

// Over both target backends.
class TableCopyRefusalTest : public TableCopyTest,
                             public ::testing::WithParamInterface<testing::Backend> {
 protected:
  // A new target of the parameter's backend.
  std::unique_ptr<Repository> OpenTarget() {
    if (GetParam() == testing::Backend::kSqlite) return OpenSqlite("target.db");
    return OpenPostgres();
  }
};
INSTANTIATE_TEST_SUITE_P(Backends, TableCopyRefusalTest, testing::kBackends, testing::BackendName);

TEST_P(TableCopyRefusalTest, ATargetHoldingARecordIsRefusedWithNothingWritten) {
  if (GetParam() == testing::Backend::kPostgres && testing::PostgresTestUri().empty()) {
    GTEST_SKIP() << "no PostgreSQL cluster: set TECHMATCH_TEST_POSTGRES_URI";
  }
  std::unique_ptr<SqliteRepository> source = FilledSource();
  ASSERT_NE(source, nullptr);
  ASSERT_FALSE(HasFatalFailure());
  std::unique_ptr<Repository> target = OpenTarget();
  ASSERT_NE(target, nullptr);
  auto& tables = dynamic_cast<TableStore&>(*target);
  ASSERT_THAT(target->CreateOrganization(testing::EnterpriseRecord("already-here"), {}).status(),
              IsOk());
  const Tables before = Dump(tables);
  EXPECT_THAT(CopyTables(*source, tables), StatusIs(absl::StatusCode::kFailedPrecondition,
                                                    HasSubstr("table organizations holds 1 rows")));
  EXPECT_EQ(Dump(tables), before);
}

TEST_P(TableCopyRefusalTest, AnIndustryBeyondTheSeedMakesTheTargetNonEmpty) {
  if (GetParam() == testing::Backend::kPostgres && testing::PostgresTestUri().empty()) {
    GTEST_SKIP() << "no PostgreSQL cluster: set TECHMATCH_TEST_POSTGRES_URI";
  }
  std::unique_ptr<SqliteRepository> source = FilledSource();
  ASSERT_NE(source, nullptr);
  ASSERT_FALSE(HasFatalFailure());
  std::unique_ptr<Repository> target = OpenTarget();
  ASSERT_NE(target, nullptr);
  auto& tables = dynamic_cast<TableStore&>(*target);
  Industry silk;
  silk.meta.id = "silk";
  silk.display_name_zh = "丝绸";
  ASSERT_THAT(target->CreateIndustry(silk, {}).status(), IsOk());
  const Tables before = Dump(tables);
  EXPECT_THAT(CopyTables(*source, tables),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("table industries holds 11 rows, more than the 10")));
  EXPECT_EQ(Dump(tables), before);
}

// A store that claims another schema version than the one it wraps.
class OtherVersion final : public TableStore {
 public:
  explicit OtherVersion(TableStore& store) : store_(store) {}
  absl::StatusOr<int> CopySchemaVersion() override { return 1; }
  absl::Status ReadTables(absl::FunctionRef<absl::Status(TableReader&)> body) override {
    return store_.ReadTables(body);
  }
  absl::Status WriteTables(absl::FunctionRef<absl::Status(TableWriter&)> body) override {
    return store_.WriteTables(body);
  }

 private:
  TableStore& store_;
};

// Every PostgreSQL schema version this build migrates to has its SQLite counterpart, and the
// latest of each backend copies to the other.
TEST(TableCopySchemaTest, EveryPostgresVersionHasItsSqliteCounterpart) {
  for (int version = 1; version <= postgres::LatestSchemaVersion(); ++version) {
    EXPECT_GE(postgres::SqliteSchemaOf(version), 1) << "PostgreSQL version " << version;
    if (version > 1) {
      EXPECT_GE(postgres::SqliteSchemaOf(version), postgres::SqliteSchemaOf(version - 1));
    }
  }
  EXPECT_EQ(postgres::SqliteSchemaOf(postgres::LatestSchemaVersion()),
            sqlite::LatestSchemaVersion());
  EXPECT_EQ(postgres::SqliteSchemaOf(postgres::LatestSchemaVersion() + 1), -1);
}

TEST_F(TableCopyTest, DifferentSchemaVersionsAreRefused) {
  std::unique_ptr<SqliteRepository> source = FilledSource();
  ASSERT_NE(source, nullptr);
  ASSERT_FALSE(HasFatalFailure());
  std::unique_ptr<SqliteRepository> target = OpenSqlite("target.db");
  ASSERT_NE(target, nullptr);
  OtherVersion older(*source);
  const Tables before = Dump(*target);
  EXPECT_THAT(CopyTables(older, *target),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("the source is at schema version 1 and the target at ")));
  EXPECT_EQ(Dump(*target), before);
  EXPECT_THAT(CopyTables(*source, *target, 0), StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace techmatch::storage
