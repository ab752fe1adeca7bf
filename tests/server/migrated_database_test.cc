// A database made by the schema before people and review (version 6) served by this build: its
// API keys keep authenticating as they did (no region, no expiry) and its needs are published,
// so another organization's key still sees them.
#include <cstdlib>
#include <memory>
#include <string>

#include "core/auth/api_key.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "server/techmatch_server.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/sqlite_repository.h"
#include "techmatch/v1/need.grpc.pb.h"

namespace techmatch::testing {
namespace {

using storage::sqlite::Connection;
using storage::sqlite::ConnectionOptions;
using storage::sqlite::ScopedStatement;

// Stores a key of `role` (for `organization`, or none) the way version 6 stored keys; its token.
std::string OldKey(Connection& connection, const std::string& role,
                   const std::string& organization) {
  absl::StatusOr<NewToken> token = GenerateToken();
  EXPECT_TRUE(token.ok()) << token.status();
  ScopedStatement insert = connection.Prepare(
      "INSERT INTO api_keys (key_id, token_hash, role, organization_id, label, create_time) "
      "VALUES (?1, ?2, ?3, nullif(?4, ''), 'old', 1)");
  insert.BindText(1, token->key_id);
  insert.BindBlob(2, Sha256(token->token));
  insert.BindText(3, role);
  insert.BindText(4, organization);
  insert.Run();
  return token->token;
}

TEST(MigratedDatabaseTest, OldKeysWorkAndOldNeedsArePublished) {
  char pattern[] = "/tmp/techmatch-migrated-XXXXXX";
  ASSERT_NE(mkdtemp(pattern), nullptr);
  const std::string dir = pattern;
  const std::string path = dir + "/v6.db";
  std::string official;
  std::string other_enterprise;
  {
    Connection connection(path, ConnectionOptions{.create = true});
    ASSERT_TRUE(storage::sqlite::ApplyMigrations(connection, 6).ok());
    connection.Run(
        "INSERT INTO organizations (id, display_name, kind, region_code, industries, create_time, "
        "update_time, revision) VALUES ('acme', 'Acme', 'ENTERPRISE', '510500', '', 1, 1, 1), "
        "('rival', 'Rival', 'ENTERPRISE', '510100', '', 1, 1, 1)");
    connection.Run(
        "INSERT INTO needs (id, enterprise_id, title, description, keywords, industries, "
        "cooperation_modes, events, state, create_time, update_time, revision) VALUES "
        "('old', 'acme', 'Old need', '', '', 'liquor', '', '', 'OPEN', 1, 1, 1)");
    official = OldKey(connection, "OFFICIAL", "");
    other_enterprise = OldKey(connection, "ENTERPRISE", "rival");
  }
  auto repository = storage::SqliteRepository::Open(path, {});
  ASSERT_TRUE(repository.ok()) << repository.status();
  server::ServerOptions options;
  options.listen = "127.0.0.1:0";
  auto server = server::TechmatchServer::Start(options, *std::move(repository));
  ASSERT_TRUE(server.ok()) << server.status();
  auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string((*server)->port()),
                                     grpc::InsecureChannelCredentials());
  auto needs = v1::NeedService::NewStub(channel);

  for (const std::string& token : {official, other_enterprise}) {
    grpc::ClientContext get_context;
    get_context.AddMetadata("authorization", "Bearer " + token);
    v1::GetNeedRequest get;
    get.set_name("needs/old");
    v1::Need need;
    const grpc::Status got = needs->GetNeed(&get_context, get, &need);
    ASSERT_TRUE(got.ok()) << got.error_message();
    EXPECT_EQ(need.state(), v1::Need::OPEN);

    grpc::ClientContext list_context;
    list_context.AddMetadata("authorization", "Bearer " + token);
    v1::ListNeedsResponse listed;
    const grpc::Status list = needs->ListNeeds(&list_context, v1::ListNeedsRequest(), &listed);
    ASSERT_TRUE(list.ok()) << list.error_message();
    EXPECT_EQ(listed.needs_size(), 1);
  }
  (*server)->Shutdown(absl::Seconds(1));
  server->reset();
  std::system(("rm -rf '" + dir + "'").c_str());
}

}  // namespace
}  // namespace techmatch::testing
