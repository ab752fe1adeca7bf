// API keys and the audit trail: keys stored as hashes (ApiKeyStorageTest), the hash chain,
// keys, the record riding in the call's own transaction and request hashes (AuditTrailTest) on
// both backends; the SQLite file's tampering cases on SQLite.
#include <fstream>
#include <iterator>
#include <string>

#include "SQLiteCpp/Database.h"
#include "SQLiteCpp/Exception.h"
#include "SQLiteCpp/Statement.h"
#include "absl/time/clock.h"
#include "core/auth/api_key.h"
#include "core/common/filter.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/audit_scope.h"
#include "tests/common/status_matchers.h"
#include "tests/storage/test_db.h"

namespace techmatch::storage {
namespace {

using ::techmatch::testing::IsOk;
using ::techmatch::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// API keys over both backends.
class ApiKeyStorageTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    MustCreate(Enterprise("acme"));
    MustCreate(University("scu"));
  }

  ApiKey NewKey(Role role, const std::string& organization_id = "") {
    absl::StatusOr<NewToken> token = GenerateToken();
    EXPECT_TRUE(token.ok());
    return KeyForToken(*token, role, organization_id, "test", absl::Now());
  }
};
INSTANTIATE_TEST_SUITE_P(Backends, ApiKeyStorageTest, testing::kBackends, testing::BackendName);

// The SQLite file itself.
class AuthStorageTest : public testing::RepositoryTest {
 protected:
  AuditEvent Event(const std::string& method, const std::string& outcome = "OK") {
    AuditEvent event;
    event.event_time = absl::Now();
    event.principal = "0123456789abcdef";
    event.role = "ORGANIZER";
    event.method = method;
    event.outcome = outcome;
    return event;
  }
};

TEST_P(ApiKeyStorageTest, AKeysRegionIsStoredAndChecked) {
  ApiKey luzhou = NewKey(Role::kOfficial);
  luzhou.region_code = "510500";
  ASSERT_THAT(repo().CreateApiKey(luzhou), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(std::optional<ApiKey> found, repo().FindApiKey(luzhou.key_id));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->region_code, "510500");
  const ApiKey plain = NewKey(Role::kOfficial);
  ASSERT_THAT(repo().CreateApiKey(plain), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(found, repo().FindApiKey(plain.key_id));
  EXPECT_EQ(found->region_code, "");
  // The schema refuses what is not a code, whoever stores it.
  ApiKey bad = NewKey(Role::kOfficial);
  bad.region_code = "Luzhou";
  EXPECT_FALSE(repo().CreateApiKey(bad).ok());
}

TEST_P(ApiKeyStorageTest, KeysAreCreatedFoundListedAndRevoked) {
  const ApiKey admin = NewKey(Role::kAdmin);
  const ApiKey institute = NewKey(Role::kInstitute, "scu");
  ASSERT_THAT(repo().CreateApiKey(admin), IsOk());
  ASSERT_THAT(repo().CreateApiKey(institute), IsOk());
  EXPECT_THAT(repo().CreateApiKey(admin), StatusIs(absl::StatusCode::kAlreadyExists));

  TM_ASSERT_OK_AND_ASSIGN(std::optional<ApiKey> found, repo().FindApiKey(institute.key_id));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->token_hash, institute.token_hash);
  EXPECT_EQ(found->role, Role::kInstitute);
  EXPECT_EQ(found->organization_id, "scu");
  EXPECT_FALSE(found->revoke_time.has_value());
  TM_ASSERT_OK_AND_ASSIGN(std::optional<ApiKey> missing, repo().FindApiKey("ffffffffffffffff"));
  EXPECT_FALSE(missing.has_value());

  TM_ASSERT_OK_AND_ASSIGN(std::vector<ApiKey> keys, repo().ListApiKeys());
  EXPECT_EQ(keys.size(), 2u);

  TM_ASSERT_OK_AND_ASSIGN(ApiKey revoked, repo().RevokeApiKey(admin.key_id));
  ASSERT_TRUE(revoked.revoke_time.has_value());
  // Revoking again keeps the first revocation time.
  TM_ASSERT_OK_AND_ASSIGN(ApiKey again, repo().RevokeApiKey(admin.key_id));
  EXPECT_EQ(again.revoke_time, revoked.revoke_time);
  EXPECT_THAT(repo().RevokeApiKey("ffffffffffffffff"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(ApiKeyStorageTest, OrganizationKeysNeedAnExistingOrganization) {
  EXPECT_THAT(repo().CreateApiKey(NewKey(Role::kEnterprise, "nobody")),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("organizations/nobody")));
  // The schema refuses an organization-bound role without its organization, and the reverse.
  EXPECT_THAT(repo().CreateApiKey(NewKey(Role::kEnterprise)),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(repo().CreateApiKey(NewKey(Role::kOfficial, "acme")),
              StatusIs(absl::StatusCode::kInvalidArgument));
  TM_ASSERT_OK_AND_ASSIGN(std::vector<ApiKey> keys, repo().ListApiKeys());
  EXPECT_TRUE(keys.empty());
}

TEST_F(AuthStorageTest, TriggersRefuseUpdateAndDelete) {
  ASSERT_THAT(repo().AppendAuditEvent(Event("/a/One")), IsOk());
  SQLite::Database db(db_path_, SQLite::OPEN_READWRITE);
  EXPECT_THROW(db.exec("UPDATE audit_events SET outcome = 'OK'"), SQLite::Exception);
  EXPECT_THROW(db.exec("DELETE FROM audit_events"), SQLite::Exception);
  TM_ASSERT_OK_AND_ASSIGN(AuditVerification count, repo().VerifyAuditTrail({}));
  EXPECT_EQ(count.records, 1);
}

TEST_F(AuthStorageTest, AFlippedByteInTheFileIsFoundByVerify) {
  for (int i = 1; i <= 5; ++i) {
    ASSERT_THAT(repo().AppendAuditEvent(Event("/a/FlipMe-" + std::to_string(i))), IsOk());
  }
  repo_.reset();  // The last connection to close checkpoints the WAL into the file.
  std::string bytes;
  {
    std::ifstream in(db_path_, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const size_t at = bytes.find("FlipMe-3");
  ASSERT_NE(at, std::string::npos);
  bytes[at] ^= 0x20;  // 'F' -> 'f': a record edited behind SQLite's back.
  {
    std::ofstream out(db_path_, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  Reopen();
  EXPECT_THAT(repo().VerifyAuditTrail({}),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("auditEvents/3")));
}

// Someone holding the file changes a record and redoes the chain from there, as anyone could
// for SHA-256 records; keyed records need the key they do not have.
void RewriteChainFrom(const std::string& path, int64_t seq, const std::string& new_outcome) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  db.exec("DROP TRIGGER audit_events_no_update");
  std::vector<AuditEvent> events;
  SQLite::Statement all(db,
                        "SELECT seq, event_time, principal, role, method, resource, request_id, "
                        "outcome, hash, key_id FROM audit_events ORDER BY seq");
  while (all.executeStep()) {
    AuditEvent e;
    e.seq = all.getColumn(0).getInt64();
    e.event_time = absl::FromUnixNanos(all.getColumn(1).getInt64());
    e.principal = all.getColumn(2).getString();
    e.role = all.getColumn(3).getString();
    e.method = all.getColumn(4).getString();
    e.resource = all.getColumn(5).getString();
    e.request_id = all.getColumn(6).getString();
    e.outcome = all.getColumn(7).getString();
    e.hash = all.getColumn(8).getString();
    e.key_id = all.getColumn(9).getString();
    events.push_back(e);
  }
  std::string previous = events[seq - 2].hash;
  for (size_t i = seq - 1; i < events.size(); ++i) {
    AuditEvent& e = events[i];
    if (e.seq == seq) e.outcome = new_outcome;
    // The attacker cannot compute a keyed record's MAC: the best they can do is a SHA-256 chain
    // (keeping the key id, or clearing it).
    e.hash = AuditChainHash(previous, e);
    previous = e.hash;
    SQLite::Statement update(db, "UPDATE audit_events SET outcome = ?, hash = ? WHERE seq = ?");
    update.bind(1, e.outcome);
    update.bind(2, e.hash.data(), static_cast<int>(e.hash.size()));
    update.bind(3, static_cast<int64_t>(e.seq));
    update.exec();
  }
}

TEST_F(AuthStorageTest, RecomputedUnkeyedChainPassesButAKeyedOneDoesNot) {
  for (int i = 1; i <= 3; ++i) ASSERT_THAT(repo().AppendAuditEvent(Event("/a/Before")), IsOk());
  // The key arrives: earlier records stay as they are (verified as before).
  TM_ASSERT_OK_AND_ASSIGN(AuditKey key, NewAuditKey());
  SqliteOptions keyed;
  keyed.audit_key = key;
  repo_.reset();
  TM_ASSERT_OK_AND_ASSIGN(repo_, SqliteRepository::Open(db_path_, keyed));
  for (int i = 1; i <= 3; ++i) ASSERT_THAT(repo().AppendAuditEvent(Event("/a/After")), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(AuditVerification verified, repo().VerifyAuditTrail({key}));
  EXPECT_EQ(verified.records, 6);
  EXPECT_EQ(verified.unkeyed, 3);
  EXPECT_THAT(verified.key_ids, ElementsAre(key.id));
  // Without the key, the keyed records cannot be verified, and the database refuses to add
  // unkeyed records after them.
  EXPECT_THAT(repo().VerifyAuditTrail({}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("auditEvents/4")));
  repo_.reset();
  EXPECT_THAT(SqliteRepository::Open(db_path_, {}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("--audit_key_file")));

  // A rewritten unkeyed record with its chain redone is not detectable (the SHA-256 chain's
  // limit, reported by verify as unkeyed)...
  RewriteChainFrom(db_path_, 2, "OK-EDITED");
  TM_ASSERT_OK_AND_ASSIGN(repo_, SqliteRepository::Open(db_path_, keyed));
  // ...but the keyed records after it no longer match their MACs.
  EXPECT_THAT(repo().VerifyAuditTrail({key}),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("auditEvents/4")));
}

TEST_F(AuthStorageTest, RewrittenKeyedRecordIsFoundAndRotationVerifiesBothKeys) {
  TM_ASSERT_OK_AND_ASSIGN(AuditKey first, NewAuditKey());
  TM_ASSERT_OK_AND_ASSIGN(AuditKey second, NewAuditKey());
  SqliteOptions options;
  options.audit_key = first;
  repo_.reset();
  TM_ASSERT_OK_AND_ASSIGN(repo_, SqliteRepository::Open(db_path_, options));
  for (int i = 0; i < 3; ++i) ASSERT_THAT(repo().AppendAuditEvent(Event("/a/First")), IsOk());
  options.audit_key = second;  // rotated
  repo_.reset();
  TM_ASSERT_OK_AND_ASSIGN(repo_, SqliteRepository::Open(db_path_, options));
  for (int i = 0; i < 2; ++i) ASSERT_THAT(repo().AppendAuditEvent(Event("/a/Second")), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(AuditVerification both, repo().VerifyAuditTrail({first, second}));
  EXPECT_EQ(both.records, 5);
  EXPECT_EQ(both.unkeyed, 0);
  EXPECT_THAT(both.key_ids, ElementsAre(first.id, second.id));
  EXPECT_THAT(repo().VerifyAuditTrail({second}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr(first.id)));

  repo_.reset();
  RewriteChainFrom(db_path_, 4, "PERMISSION_DENIED");
  TM_ASSERT_OK_AND_ASSIGN(repo_, SqliteRepository::Open(db_path_, options));
  EXPECT_THAT(repo().VerifyAuditTrail({first, second}),
              StatusIs(absl::StatusCode::kDataLoss, HasSubstr("auditEvents/4")));
}

// The audit trail on both backends: the chain, its listing and filters, the keyed MAC and key
// rotation, the record riding in the write's own transaction, request hashes.
class AuditTrailTest : public testing::BackendTest {
 protected:
  static AuditEvent Event(const std::string& method, const std::string& outcome = "OK") {
    AuditEvent event;
    event.event_time = absl::Now();
    event.principal = "0123456789abcdef";
    event.role = "ORGANIZER";
    event.method = method;
    event.outcome = outcome;
    return event;
  }

  std::vector<AuditEvent> AllEvents(const std::string& filter = "") {
    ListQuery query;
    query.page_size = 1000;
    absl::StatusOr<std::vector<FilterTerm>> terms =
        ParseFilter(filter, Repository::AuditEventFilterFields());
    EXPECT_TRUE(terms.ok()) << terms.status();
    query.filter = *terms;
    absl::StatusOr<Page<AuditEvent>> page = repo().ListAuditEvents(query);
    EXPECT_TRUE(page.ok()) << page.status();
    return page.ok() ? page->items : std::vector<AuditEvent>();
  }

  static Industry Tea(const std::string& id) {
    Industry industry;
    industry.meta.id = id;
    industry.display_name_zh = "茶业";
    return industry;
  }
};
INSTANTIATE_TEST_SUITE_P(Backends, AuditTrailTest, testing::kBackends, testing::BackendName);

TEST_P(AuditTrailTest, ChainVerifiesAndLists) {
  TM_ASSERT_OK_AND_ASSIGN(AuditVerification empty, repo().VerifyAuditTrail({}));
  EXPECT_EQ(empty.records, 0);
  ASSERT_THAT(repo().AppendAuditEvent(Event("/a/One")), IsOk());
  ASSERT_THAT(repo().AppendAuditEvent(Event("/a/Two", "PERMISSION_DENIED")), IsOk());
  ASSERT_THAT(repo().AppendAuditEvent(Event("/a/Three")), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(AuditVerification count, repo().VerifyAuditTrail({}));
  EXPECT_EQ(count.records, 3);
  EXPECT_EQ(count.unkeyed, 3);

  const std::vector<AuditEvent> all = AllEvents();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].seq, 1);
  EXPECT_EQ(all[2].seq, 3);
  EXPECT_EQ(all[1].hash, AuditChainHash(all[0].hash, all[1]));
  const std::vector<AuditEvent> denied = AllEvents("outcome = PERMISSION_DENIED");
  ASSERT_EQ(denied.size(), 1u);
  EXPECT_EQ(denied[0].method, "/a/Two");
  EXPECT_EQ(AllEvents("method = \"/a/Three\" AND event_time >= \"2000-01-01T00:00:00Z\"").size(),
            1u);
  EXPECT_TRUE(AllEvents("event_time < \"2000-01-01T00:00:00Z\"").empty());

  // Pages continue after the last seq.
  ListQuery query;
  query.page_size = 2;
  TM_ASSERT_OK_AND_ASSIGN(Page<AuditEvent> first, repo().ListAuditEvents(query));
  ASSERT_EQ(first.items.size(), 2u);
  EXPECT_EQ(first.next_after_id, "2");
  query.after_id = first.next_after_id;
  TM_ASSERT_OK_AND_ASSIGN(Page<AuditEvent> second, repo().ListAuditEvents(query));
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_EQ(second.items[0].seq, 3);
  EXPECT_TRUE(second.next_after_id.empty());
}

TEST_P(AuditTrailTest, KeyRotationVerifiesBothKeysAndAnUnkeyedOpenIsRefused) {
  ASSERT_THAT(repo().AppendAuditEvent(Event("/a/Before")), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(AuditKey first, NewAuditKey());
  TM_ASSERT_OK_AND_ASSIGN(AuditKey second, NewAuditKey());
  Reopen(first);
  for (int i = 0; i < 2; ++i) ASSERT_THAT(repo().AppendAuditEvent(Event("/a/First")), IsOk());
  Reopen(second);  // rotated
  ASSERT_THAT(repo().AppendAuditEvent(Event("/a/Second")), IsOk());
  TM_ASSERT_OK_AND_ASSIGN(AuditVerification both, repo().VerifyAuditTrail({first, second}));
  EXPECT_EQ(both.records, 4);
  EXPECT_EQ(both.unkeyed, 1);
  EXPECT_THAT(both.key_ids, ElementsAre(first.id, second.id));
  EXPECT_THAT(repo().VerifyAuditTrail({second}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("auditEvents/2")));
  // An unkeyed record after keyed ones would break the chain: opening without a key is refused.
  EXPECT_THAT(TryReopen(std::nullopt),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("--audit_key_file")));
}

TEST_P(AuditTrailTest, AuditScopeRecordRidesInTheWriteTransaction) {
  PendingAudit pending;
  pending.event.principal = "0123456789abcdef";
  pending.event.role = "ADMIN";
  pending.event.method = "/techmatch.v1.ReferenceService/CreateIndustry";
  pending.event.request_id = "req-1";
  {
    AuditScope scope(pending);
    EXPECT_THAT(repo().CreateIndustry(Tea("tea"), {"CreateIndustry", "req-1"}), IsOk());
  }
  EXPECT_TRUE(pending.recorded);
  std::vector<AuditEvent> events = AllEvents();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].resource, "industries/tea");
  EXPECT_EQ(events[0].outcome, "OK");
  EXPECT_EQ(events[0].request_id, "req-1");

  // A write that fails rolls back with its record: nothing is recorded for it here.
  PendingAudit failing = pending;
  failing.recorded = false;
  {
    AuditScope scope(failing);
    EXPECT_THAT(repo().CreateIndustry(Tea("tea"), {"CreateIndustry", ""}),
                StatusIs(absl::StatusCode::kAlreadyExists));
  }
  EXPECT_FALSE(failing.recorded);
  EXPECT_EQ(AllEvents().size(), 1u);

  // Outside a scope, writes are not audited by storage.
  EXPECT_THAT(repo().CreateIndustry(Tea("coffee"), {"CreateIndustry", ""}), IsOk());
  EXPECT_EQ(AllEvents().size(), 1u);
  TM_ASSERT_OK_AND_ASSIGN(AuditVerification count, repo().VerifyAuditTrail({}));
  EXPECT_EQ(count.records, 1);
}

// A request_id answers a retry of the same request with the first result; reused for a
// different request (another hash) it is ALREADY_EXISTS and nothing is written.
TEST_P(AuditTrailTest, ARequestIdReusedForADifferentRequestIsRefused) {
  const RequestKey key{"CreateIndustry", "req-9"};
  PendingAudit pending;
  pending.event.method = "/techmatch.v1.ReferenceService/CreateIndustry";
  pending.request_hash = std::string(32, 'a');
  {
    AuditScope scope(pending);
    ASSERT_THAT(repo().CreateIndustry(Tea("tea"), key), IsOk());
  }
  PendingAudit retry = pending;
  {
    AuditScope scope(retry);
    TM_ASSERT_OK_AND_ASSIGN(Industry again, repo().CreateIndustry(Tea("tea"), key));
    EXPECT_EQ(again.meta.id, "tea");
  }
  PendingAudit other = pending;
  other.request_hash = std::string(32, 'b');
  {
    AuditScope scope(other);
    EXPECT_THAT(repo().CreateIndustry(Tea("coffee"), key),
                StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("req-9")));
  }
  EXPECT_THAT(repo().GetIndustry("coffee"), StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace techmatch::storage
