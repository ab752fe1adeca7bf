#include "client/server_list.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace techmatch::client {
namespace {

using ::techmatch::testing::StatusIs;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;

auto Address(const std::string& host, int port) {
  return AllOf(Field(&ServerAddress::host, host), Field(&ServerAddress::port, port));
}

TEST(ParseServerListTest, OneAddress) {
  TM_ASSERT_OK_AND_ASSIGN(ServerList list, ParseServerList("127.0.0.1:50051"));
  EXPECT_EQ(list.uri, "");
  EXPECT_THAT(list.addresses, ElementsAre(Address("127.0.0.1", 50051)));
  EXPECT_EQ(list.addresses[0].text, "127.0.0.1:50051");
}

TEST(ParseServerListTest, SeveralInOrderWithNamesAndBracketedIpv6) {
  TM_ASSERT_OK_AND_ASSIGN(ServerList list,
                          ParseServerList("tm-a.example.org:50051, [::1]:7000,10.0.0.3:1"));
  EXPECT_THAT(list.addresses, ElementsAre(Address("tm-a.example.org", 50051), Address("::1", 7000),
                                          Address("10.0.0.3", 1)));
  EXPECT_EQ(list.addresses[1].text, "[::1]:7000");
}

TEST(ParseServerListTest, TargetUriAlonePassesThrough) {
  TM_ASSERT_OK_AND_ASSIGN(ServerList list, ParseServerList("unix:/run/techmatch.sock"));
  EXPECT_EQ(list.uri, "unix:/run/techmatch.sock");
  EXPECT_TRUE(list.addresses.empty());
  TM_ASSERT_OK_AND_ASSIGN(list, ParseServerList("dns:///tm.example.org:50051"));
  EXPECT_EQ(list.uri, "dns:///tm.example.org:50051");
}

TEST(ParseServerListTest, TargetUriAmongSeveralIsRefused) {
  EXPECT_THAT(ParseServerList("unix:/run/a.sock,127.0.0.1:1"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("'unix:/run/a.sock': a gRPC target URI can only be given alone")));
}

TEST(ParseServerListTest, EmptyElements) {
  EXPECT_THAT(ParseServerList(""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("no address given")));
  EXPECT_THAT(ParseServerList("a:1,,b:2"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("element 2 of 3 is empty")));
  EXPECT_THAT(ParseServerList("a:1, "),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("element 2 of 2 is empty")));
}

TEST(ParseServerListTest, MissingHostOrPort) {
  EXPECT_THAT(ParseServerList("a:1,localhost"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("'localhost': missing port (host:port)")));
  EXPECT_THAT(ParseServerList("a:1,b:"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("'b:': missing port")));
  EXPECT_THAT(ParseServerList(":50051"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("':50051': missing host")));
  EXPECT_THAT(ParseServerList("[::1]"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("'[::1]': missing port")));
  EXPECT_THAT(ParseServerList("[::1"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("'[::1': no closing ']'")));
  EXPECT_THAT(ParseServerList("[::1]50051"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("expected ':port'")));
}

TEST(ParseServerListTest, PortOutOfRangeOrNotANumber) {
  for (const char* bad : {"a:0", "a:65536", "a:123456789012", "a:-1", "a:50o51", "a:+80"}) {
    EXPECT_THAT(ParseServerList(bad), StatusIs(absl::StatusCode::kInvalidArgument,
                                               HasSubstr("is not a number from 1 to 65535")))
        << bad;
  }
  TM_ASSERT_OK_AND_ASSIGN(ServerList list, ParseServerList("a:65535"));
  EXPECT_THAT(list.addresses, ElementsAre(Address("a", 65535)));
}

TEST(ParseServerListTest, Ipv6WithoutBrackets) {
  EXPECT_THAT(ParseServerList("::1:50051"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("goes in brackets")));
}

TEST(ParseServerListTest, DuplicatesIgnoringCaseOfNames) {
  EXPECT_THAT(ParseServerList("tm-a:1,TM-A:1"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("'TM-A:1' is given twice")));
  // The same host on another port is another server.
  TM_ASSERT_OK_AND_ASSIGN(ServerList list, ParseServerList("tm-a:1,tm-a:2"));
  EXPECT_EQ(list.addresses.size(), 2);
}

TEST(ParseServerListTest, EveryBadElementIsNamedAtOnce) {
  absl::StatusOr<ServerList> list = ParseServerList("a:1,,b,c:99999,a:1");
  EXPECT_THAT(list, StatusIs(absl::StatusCode::kInvalidArgument,
                             AllOf(HasSubstr("element 2 of 5 is empty"), HasSubstr("'b': missing"),
                                   HasSubstr("'c:99999': port"), HasSubstr("'a:1' is given"))));
}

}  // namespace
}  // namespace techmatch::client
