// The Connect protocol over HTTP against a real server: unary calls in JSON and binary, error
// bodies with their details, credentials from the header or the session cookie, server streams
// and buffered client streams, deadlines, and the answers for paths, methods and content types
// that are not calls.
#include <thread>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "techmatch/v1/project.grpc.pb.h"
#include "techmatch/v1/report.pb.h"
#include "techmatch/v1/user.grpc.pb.h"
#include "tests/http/http_fixture.h"

namespace techmatch::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;

using ConnectTest = HttpTest;

// The JSON object `text` parsed as google.protobuf.Struct-like message `T`.
template <typename T>
T FromJson(const std::string& text) {
  T message;
  const auto status = google::protobuf::util::JsonStringToMessage(text, &message);
  EXPECT_TRUE(status.ok()) << status.ToString() << " in " << text;
  return message;
}

TEST_F(ConnectTest, UnaryJsonCreatesAndReadsANeed) {
  const auto created = PostJson("techmatch.v1.NeedService/CreateNeed", R"({
      "needId": "pit",
      "need": {"enterprise": "organizations/acme", "title": "窖池微生物調控",
               "industries": ["industries/liquor"],
               "budget": {"currencyCode": "CNY", "units": "2300000", "nanos": 500000000}}})");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 200) << created->body;
  EXPECT_EQ(created->get_header_value("Content-Type"), "application/json");

  const auto read = PostJson("techmatch.v1.NeedService/GetNeed", R"({"name": "needs/pit"})");
  ASSERT_TRUE(read);
  ASSERT_EQ(read->status, 200) << read->body;
  const v1::Need need = FromJson<v1::Need>(read->body);
  EXPECT_EQ(need.name(), "needs/pit");
  EXPECT_EQ(need.title(), "窖池微生物調控");
  EXPECT_EQ(need.budget().units(), 2300000);
  EXPECT_EQ(need.budget().nanos(), 500000000);
  // proto3 JSON names on the way out.
  EXPECT_THAT(read->body, HasSubstr("\"createTime\""));
}

TEST_F(ConnectTest, TheIndicatorAndTargetServicesAreReachable) {
  const auto recorded = PostJson("techmatch.v1.IndicatorService/RecordObservation", R"({
      "observation": {"indicator": "indicators/rd_budget", "regionCode": "510500",
                      "year": 2025, "half": 1,
                      "money": {"currencyCode": "CNY", "units": "1200000", "nanos": 500000000}}})");
  ASSERT_TRUE(recorded);
  ASSERT_EQ(recorded->status, 200) << recorded->body;
  EXPECT_THAT(recorded->body, HasSubstr("\"observations/rd-budget-510500-2025-h1\""));
  const auto created = PostJson("techmatch.v1.TargetService/CreateTarget", R"({
      "target": {"indicator": "indicators/rd_budget", "regionCode": "510500", "year": 2025,
                 "money": {"currencyCode": "CNY", "units": "2000000"}}})");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 200) << created->body;
  EXPECT_THAT(created->body, HasSubstr("\"completion\":\"6000\""));
  EXPECT_THAT(created->body, HasSubstr("\"actual\":{\"money\":{\"currencyCode\":\"CNY\""));
}

TEST_F(ConnectTest, TheProjectCommissionerAndFinancingServicesAreReachable) {
  const auto created = PostJson("techmatch.v1.ProjectService/CreateProject", R"({
      "projectId": "zc-017",
      "project": {"title": "白酒固态发酵智能化", "level": "NATIONAL", "programme": "国家科技支撑计划",
                  "leadOrganization": "organizations/acme", "regionCode": "510521",
                  "year": 2026, "approvedFunds": {"currencyCode": "CNY", "units": "100"}}})");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 200) << created->body;
  const auto arrived = PostJson("techmatch.v1.ProjectService/RecordFundArrival", R"({
      "project": "projects/zc-017", "amount": {"currencyCode": "CNY", "units": "150"},
      "arriveTime": "2026-03-01T00:00:00Z"})");
  ASSERT_TRUE(arrived);
  ASSERT_EQ(arrived->status, 200) << arrived->body;
  const auto read =
      PostJson("techmatch.v1.ProjectService/GetProject", R"({"name": "projects/zc-017"})");
  ASSERT_TRUE(read);
  ASSERT_EQ(read->status, 200) << read->body;
  const v1::Project project = FromJson<v1::Project>(read->body);
  EXPECT_EQ(project.arrived_funds().units(), 150);
  EXPECT_TRUE(project.over_approved());
  // The programme report over JSON: the county's project counts in its city, flagged.
  const auto report = PostJson("techmatch.v1.ReportService/GetProgrammeReport",
                               R"({"year": 2026, "regionCode": "510500", "languageCode": "en"})");
  ASSERT_TRUE(report);
  ASSERT_EQ(report->status, 200) << report->body;
  const v1::ProgrammeReport programme = FromJson<v1::ProgrammeReport>(report->body);
  EXPECT_EQ(programme.region().projects().total().project_count(), 1);
  ASSERT_EQ(programme.region().projects().over_arrived_size(), 1);
  EXPECT_EQ(programme.region().projects().over_arrived(0).project(), "projects/zc-017");
  ASSERT_EQ(programme.subordinate_regions_size(), 1);
  EXPECT_EQ(programme.subordinate_regions(0).region_code(), "510521");
  for (const char* path : {"techmatch.v1.CommissionerService/ListCommissioners",
                           "techmatch.v1.FinancingService/ListFinancings"}) {
    const auto listed = PostJson(path, "{}");
    ASSERT_TRUE(listed);
    EXPECT_EQ(listed->status, 200) << path << ": " << listed->body;
  }
}

TEST_F(ConnectTest, MatchNeedJsonCarriesTheBridges) {
  // Two offerings, so the terms they share with the need are not in every offering (idf 0).
  for (const auto& [id, title] :
       {std::pair{"starch", "甘薯淀粉高效提取工艺"}, std::pair{"rice", "水稻秸秆还田技术"}}) {
    v1::CreateOfferingRequest offering;
    offering.set_offering_id(id);
    *offering.mutable_offering() = SampleOffering(title);
    offering.mutable_offering()->set_description("");
    offering.mutable_offering()->clear_keywords();
    offering.mutable_offering()->clear_industries();
    offering.mutable_offering()->add_industries("industries/agriculture");
    v1::Offering created;
    ASSERT_TRUE(offerings_->CreateOffering(Ctx().get(), offering, &created).ok());
  }
  v1::Need need = SampleNeed("红薯淀粉加工");
  need.set_description("");
  need.clear_keywords();
  need.clear_industries();
  need.add_industries("industries/agriculture");
  CreateNeed(need, "starch-need");
  const auto matched =
      PostJson("techmatch.v1.MatchService/MatchNeed", R"({"need": "needs/starch-need"})");
  ASSERT_TRUE(matched);
  ASSERT_EQ(matched->status, 200) << matched->body;
  EXPECT_THAT(matched->body, HasSubstr(R"("bridges":[)"));
  EXPECT_THAT(matched->body,
              HasSubstr(R"json({"from":"红薯","to":"甘薯","source":"BRIDGE_SOURCE_THESAURUS",)json"
                        R"json("detail":"synonym","text":"红薯 ≈ 甘薯 (thesaurus)"})json"));
}

TEST_F(ConnectTest, UnaryProtoCarriesTheBinaryMessages) {
  CreateNeed(SampleNeed(), "pit");
  v1::GetNeedRequest request;
  request.set_name("needs/pit");
  httplib::Headers headers = Auth();
  const auto result = Client()->Post("/techmatch.v1.NeedService/GetNeed", headers,
                                     request.SerializeAsString(), "application/proto");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/proto");
  v1::Need need;
  ASSERT_TRUE(need.ParseFromString(result->body));
  EXPECT_EQ(need.name(), "needs/pit");
  EXPECT_EQ(need.title(), SampleNeed().title());
}

TEST_F(ConnectTest, FieldViolationsComeAsBadRequestDetails) {
  const auto result =
      PostJson("techmatch.v1.NeedService/CreateNeed", R"({"need": {"title": "", "minTrl": 12}})");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
  google::protobuf::Struct error = FromJson<google::protobuf::Struct>(result->body);
  EXPECT_EQ(error.fields().at("code").string_value(), "invalid_argument");
  EXPECT_THAT(error.fields().at("message").string_value(), HasSubstr("need.title"));
  const auto& details = error.fields().at("details").list_value().values();
  ASSERT_THAT(details, SizeIs(1));
  const auto& detail = details[0].struct_value().fields();
  EXPECT_EQ(detail.at("type").string_value(), "google.rpc.BadRequest");
  // The value is unpadded base64 of the binary BadRequest.
  const std::string value = detail.at("value").string_value();
  EXPECT_FALSE(absl::EndsWith(value, "="));
  std::string binary;
  ASSERT_TRUE(absl::Base64Unescape(value, &binary));
  google::rpc::BadRequest bad_request;
  ASSERT_TRUE(bad_request.ParseFromString(binary));
  std::vector<std::string> fields;
  for (const auto& violation : bad_request.field_violations()) fields.push_back(violation.field());
  EXPECT_THAT(fields, ::testing::IsSupersetOf(
                          {"need.enterprise", "need.title", "need.industries", "need.min_trl"}));
  // The same, readable, under "debug".
  EXPECT_TRUE(detail.contains("debug"));
  EXPECT_THAT(result->body, HasSubstr("\"fieldViolations\""));
}

TEST_F(ConnectTest, UnknownJsonFieldsAndMalformedJsonAreInvalidArgument) {
  for (const std::string body :
       {R"({"name": "needs/x", "nmae": "typo"})", "{not json", R"({"name": 12})"}) {
    const auto result = PostJson("techmatch.v1.NeedService/GetNeed", body);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400) << body;
    EXPECT_THAT(result->body, HasSubstr("\"code\":\"invalid_argument\"")) << body;
  }
  // A malformed binary message is refused by the server as for a gRPC client.
  const auto result = Client()->Post("/techmatch.v1.NeedService/GetNeed", Auth(),
                                     std::string("\xff\xff\xff", 3), "application/proto");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400) << result->body;
}

TEST_F(ConnectTest, MissingOrBadCredentialsAreUnauthenticated) {
  const auto none = PostJson("techmatch.v1.IndustryService/ListIndustries", "{}", {});
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_THAT(none->body, HasSubstr("\"code\":\"unauthenticated\""));
  const auto bad = PostJson("techmatch.v1.IndustryService/ListIndustries", "{}",
                            {{"Authorization", "Bearer not-a-key"}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 401);
}

TEST_F(ConnectTest, ARoleWithoutTheRightIsPermissionDenied) {
  const std::string official = CreateKey(Role::kOfficial);
  const std::string body =
      R"({"need": {"enterprise": "organizations/acme", "title": "x",
                   "industries": ["industries/liquor"]}})";
  const auto result = PostJson("techmatch.v1.NeedService/CreateNeed", body, Auth(official));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 403);
  EXPECT_THAT(result->body, HasSubstr("\"code\":\"permission_denied\""));
  // The same key may read.
  const auto read = PostJson("techmatch.v1.NeedService/ListNeeds", "{}", Auth(official));
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, 200) << read->body;
}

TEST_F(ConnectTest, SessionCookieNeedsTheConnectHeader) {
  const httplib::Headers with_header = {{"Cookie", "theme=dark; techmatch_session=" + admin_token_},
                                        {"Connect-Protocol-Version", "1"}};
  const auto ok = PostJson("techmatch.v1.IndustryService/ListIndustries", "{}", with_header);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;

  // What a cross-site form or simple fetch could send: the cookie without the header.
  const httplib::Headers forged = {{"Cookie", "techmatch_session=" + admin_token_}};
  const auto refused = PostJson("techmatch.v1.IndustryService/ListIndustries", "{}", forged);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 401);
  EXPECT_THAT(refused->body, HasSubstr("Connect-Protocol-Version"));
  // ... and with a form content type it is not a call at all.
  const auto form = Client()->Post("/techmatch.v1.IndustryService/ListIndustries", forged, "a=b",
                                   "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 415);
}

TEST_F(ConnectTest, SignOutWithoutASessionClearsTheCookie) {
  auto client = Client();
  const auto out = client->Delete("/session", {{"Connect-Protocol-Version", "1"}});
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 204);
  const std::string cookie = out->get_header_value("Set-Cookie");
  EXPECT_THAT(cookie, HasSubstr("techmatch_session=;"));
  EXPECT_THAT(cookie, HasSubstr("Max-Age=0"));
  EXPECT_THAT(cookie, HasSubstr("HttpOnly"));
  EXPECT_THAT(cookie, HasSubstr("SameSite=Strict"));
  EXPECT_THAT(cookie, Not(HasSubstr("Secure")));  // plaintext listener
  const auto forged = client->Delete("/session");
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 403);
  // Sign-in needs the header too: another site must not sign a browser in.
  const auto in = client->Post("/session", "{}", "application/json");
  ASSERT_TRUE(in);
  EXPECT_EQ(in->status, 403);
}

TEST_F(ConnectTest, SignInSetsTheSessionCookieWhichAuthenticatesUntilSignOut) {
  auto users = v1::UserService::NewStub(channel_);
  v1::CreateInvitationRequest invite;
  invite.mutable_invitation()->set_role(v1::OFFICIAL);
  invite.mutable_invitation()->set_email("zhang.wei@example.com");
  invite.mutable_invitation()->set_display_name("張偉");
  v1::Invitation invitation;
  ASSERT_TRUE(users->CreateInvitation(Ctx().get(), invite, &invitation).ok());
  v1::AcceptInvitationRequest accept;
  accept.set_code(invitation.code());
  accept.set_password("Lantern-river-2026");
  v1::User user;
  ASSERT_TRUE(users->AcceptInvitation(Ctx("").get(), accept, &user).ok());

  auto client = Client();
  const httplib::Headers connect = {{"Connect-Protocol-Version", "1"}};
  const auto wrong = client->Post(
      "/session", connect, R"({"email":"zhang.wei@example.com","password":"Wrong-password-1"})",
      "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_FALSE(wrong->has_header("Set-Cookie"));

  const auto in = client->Post(
      "/session", connect, R"({"email":"zhang.wei@example.com","password":"Lantern-river-2026"})",
      "application/json");
  ASSERT_TRUE(in);
  EXPECT_EQ(in->status, 200) << in->body;
  // The signed-in user and session; the token is in the cookie only.
  EXPECT_THAT(in->body, HasSubstr(R"("user":{"name":")" + user.name() + "\""));
  EXPECT_THAT(in->body, HasSubstr(R"("displayName":"張偉")"));
  EXPECT_THAT(in->body, HasSubstr(R"("role":"OFFICIAL")"));
  EXPECT_THAT(in->body, HasSubstr(R"("session":{"name":")" + user.name() + "/sessions/"));
  EXPECT_THAT(in->body, Not(HasSubstr("tms_")));
  EXPECT_THAT(in->body, Not(HasSubstr("token")));
  const std::string cookie = in->get_header_value("Set-Cookie");
  EXPECT_THAT(cookie, HasSubstr("techmatch_session=tms_"));
  EXPECT_THAT(cookie, HasSubstr("HttpOnly"));
  EXPECT_THAT(cookie, HasSubstr("Max-Age=43"));  // 12 hours: 43200 s, give or take a second
  const std::string token =
      cookie.substr(cookie.find('=') + 1, cookie.find(';') - cookie.find('=') - 1);

  const httplib::Headers with_cookie = {{"Cookie", "techmatch_session=" + token},
                                        {"Connect-Protocol-Version", "1"}};
  const auto listed = client->Post("/techmatch.v1.IndustryService/ListIndustries", with_cookie,
                                   "{}", "application/json");
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->status, 200);

  // Who is signed in: by the cookie, and by the header for clients that hold the token.
  const auto me = client->Get("/session", with_cookie);
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200) << me->body;
  EXPECT_EQ(me->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(me->get_header_value("Cache-Control"), "no-store");
  EXPECT_THAT(me->body, HasSubstr(R"("user":{"name":")" + user.name() + "\""));
  EXPECT_THAT(me->body, HasSubstr(R"("email":"zhang.wei@example.com")"));
  EXPECT_THAT(me->body, HasSubstr(R"("role":"OFFICIAL")"));
  EXPECT_THAT(me->body, Not(HasSubstr("tms_")));
  const auto by_header = client->Get(
      "/session", {{"Authorization", "Bearer " + token}, {"Connect-Protocol-Version", "1"}});
  ASSERT_TRUE(by_header);
  EXPECT_EQ(by_header->status, 200) << by_header->body;
  EXPECT_EQ(by_header->body, me->body);
  // The cookie alone (what another site could make the browser send) is no credential.
  const auto forged = client->Get("/session", {{"Cookie", "techmatch_session=" + token}});
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 403);

  const auto out = client->Delete("/session", with_cookie);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 204);
  EXPECT_THAT(out->get_header_value("Set-Cookie"), HasSubstr("Max-Age=0"));
  const auto after = client->Post("/techmatch.v1.IndustryService/ListIndustries", with_cookie, "{}",
                                  "application/json");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 401);
  const auto gone = client->Get("/session", with_cookie);
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->status, 401);
  EXPECT_THAT(gone->body, HasSubstr(R"("code":"unauthenticated")"));
}

TEST_F(ConnectTest, SignedInWithoutCredentialsIsUnauthenticated) {
  auto client = Client();
  const auto none = client->Get("/session", {{"Connect-Protocol-Version", "1"}});
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_THAT(none->body, HasSubstr(R"("code":"unauthenticated")"));
  const auto unknown = client->Get("/session", {{"Cookie", "techmatch_session=tms_0123_abcd"},
                                                {"Connect-Protocol-Version", "1"}});
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 401);
  const auto put =
      client->Put("/session", {{"Connect-Protocol-Version", "1"}}, "{}", "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 405);
  EXPECT_EQ(put->get_header_value("Allow"), "GET, POST, DELETE");
}

TEST_F(ConnectTest, SignedInWithAnApiKeyAnswersTheKey) {
  const std::string enterprise = CreateKey(Role::kEnterprise, "acme");
  const std::string key_id = enterprise.substr(3, enterprise.find('_', 3) - 3);
  auto client = Client();
  const auto me = client->Get("/session", {{"Cookie", "techmatch_session=" + enterprise},
                                           {"Connect-Protocol-Version", "1"}});
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200) << me->body;
  EXPECT_EQ(me->body, R"({"user":{"name":"apiKeys/)" + key_id +
                          R"(","organization":"organizations/acme","role":"ENTERPRISE"}})");
  // An administrator's key has no organization.
  const auto admin = client->Get("/session", Auth());
  ASSERT_TRUE(admin);
  EXPECT_EQ(admin->status, 200) << admin->body;
  EXPECT_THAT(admin->body, HasSubstr(R"("role":"ADMIN")"));
  EXPECT_THAT(admin->body, Not(HasSubstr("organization")));
}

TEST_F(ConnectTest, MatchEventStreamsEnvelopesAndEndsTheStream) {
  v1::Need need = SampleNeed("窖泥老化防治");
  need.add_events("events/fair");
  CreateNeed(need, "aging");
  need.set_title("白酒窖池溫度監測");
  CreateNeed(need, "temperature");

  for (const bool json : {true, false}) {
    SCOPED_TRACE(json ? "json" : "proto");
    v1::MatchEventRequest request;
    request.set_event("events/fair");
    const std::string message =
        json ? std::string(R"({"event": "events/fair"})") : request.SerializeAsString();
    const auto result =
        Client()->Post("/techmatch.v1.MatchService/MatchEvent", Auth(), Envelope(message),
                       json ? "application/connect+json" : "application/connect+proto");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200);
    EXPECT_EQ(result->get_header_value("Content-Type"),
              json ? "application/connect+json" : "application/connect+proto");
    const auto envelopes = Envelopes(result->body);
    ASSERT_THAT(envelopes, SizeIs(3));
    std::vector<std::string> needs;
    for (int i = 0; i < 2; ++i) {
      EXPECT_EQ(envelopes[i].first, 0);
      v1::MatchEventResponse response;
      if (json) {
        response = FromJson<v1::MatchEventResponse>(envelopes[i].second);
      } else {
        ASSERT_TRUE(response.ParseFromString(envelopes[i].second));
      }
      needs.push_back(response.need());
    }
    EXPECT_THAT(needs, ::testing::UnorderedElementsAre("needs/aging", "needs/temperature"));
    // End of stream: flag 2, a JSON object without an error.
    EXPECT_EQ(envelopes[2].first, 2);
    EXPECT_EQ(envelopes[2].second, "{}");
  }
}

TEST_F(ConnectTest, ExportAgreementsStreamsAndErrorsEndTheStream) {
  const std::string agreement = R"({"agreement": {
      "title": "校市科技合作协议", "kind": "FRAMEWORK_COOPERATION", "event": "events/fair",
      "parties": [{"organization": "organizations/scu", "role": "SUPPLIER"},
                  {"organization": "organizations/gov", "role": "GOVERNMENT"}],
      "signTime": "2026-11-01T00:00:00Z"}})";
  for (int i = 0; i < 2; ++i) {
    const auto created = PostJson("techmatch.v1.AgreementService/CreateAgreement", agreement);
    ASSERT_TRUE(created);
    ASSERT_EQ(created->status, 200) << created->body;
  }
  const auto result = Client()->Post("/techmatch.v1.AgreementService/ExportAgreements", Auth(),
                                     Envelope("{}"), "application/connect+json");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  const auto envelopes = Envelopes(result->body);
  ASSERT_THAT(envelopes, SizeIs(2));
  EXPECT_EQ(envelopes[0].first, 0);
  EXPECT_THAT(FromJson<v1::ExportAgreementsResponse>(envelopes[0].second).agreements(), SizeIs(2));
  EXPECT_EQ(envelopes[1], std::make_pair(2, std::string("{}")));

  // An error is the end-of-stream message's "error", under HTTP 200.
  const auto bad =
      Client()->Post("/techmatch.v1.AgreementService/ExportAgreements", Auth(),
                     Envelope(R"({"filter": "nonsense ==="})"), "application/connect+json");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 200);
  const auto end = Envelopes(bad->body);
  ASSERT_THAT(end, SizeIs(1));
  EXPECT_EQ(end[0].first, 2);
  EXPECT_THAT(end[0].second, HasSubstr("{\"error\":{\"code\":\"invalid_argument\""));
  // And so is an unauthenticated stream.
  const auto anonymous = Client()->Post("/techmatch.v1.AgreementService/ExportAgreements",
                                        Envelope("{}"), "application/connect+json");
  ASSERT_TRUE(anonymous);
  EXPECT_THAT(Envelopes(anonymous->body)[0].second, HasSubstr("\"unauthenticated\""));
}

TEST_F(ConnectTest, ImportTakesABufferedStreamOfRows) {
  std::string body;
  for (int i = 0; i < 3; ++i) {
    body += Envelope(absl::StrCat(R"({"needId": "row)", i, R"(", "need": {
        "enterprise": "organizations/acme", "title": "窖池溫度監測 )",
                                  i, R"(",
        "industries": ["industries/liquor"]}})"));
  }
  body += Envelope(R"({"need": {"title": ""}})");  // rejected row, reported by number
  const auto result = Client()->Post("/techmatch.v1.NeedService/ImportNeeds", Auth(), body,
                                     "application/connect+json");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  const auto envelopes = Envelopes(result->body);
  ASSERT_THAT(envelopes, SizeIs(2));
  const auto summary = FromJson<v1::ImportSummary>(envelopes[0].second);
  EXPECT_EQ(summary.accepted_count(), 3);
  EXPECT_EQ(summary.rejected_count(), 1);
  EXPECT_EQ(envelopes[1].second, "{}");
  const auto read = PostJson("techmatch.v1.NeedService/GetNeed", R"({"name": "needs/row2"})");
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, 200);

  // A truncated envelope is refused before anything is stored.
  const auto truncated =
      Client()->Post("/techmatch.v1.NeedService/ImportNeeds", Auth(),
                     body.substr(0, body.size() - 3), "application/connect+json");
  ASSERT_TRUE(truncated);
  EXPECT_THAT(Envelopes(truncated->body)[0].second, HasSubstr("\"invalid_argument\""));
}

TEST_F(ConnectTest, ConnectTimeoutBecomesTheCallsDeadline) {
  CreateNeed(SampleNeed(), "pit");
  // A watch waits for matches; its deadline ends it.
  httplib::Headers headers = Auth();
  headers.emplace("Connect-Timeout-Ms", "300");
  const auto start = std::chrono::steady_clock::now();
  const auto result =
      Client()->Post("/techmatch.v1.MatchService/WatchMatches", headers,
                     Envelope(R"({"need": "needs/pit"})"), "application/connect+json");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  const auto envelopes = Envelopes(result->body);
  ASSERT_THAT(envelopes, SizeIs(1));
  EXPECT_THAT(envelopes[0].second, HasSubstr("\"deadline_exceeded\""));
  EXPECT_GE(elapsed, std::chrono::milliseconds(250));
  EXPECT_LT(elapsed, std::chrono::seconds(10));

  for (const std::string bad : {"0", "-5", "12345678901", "soon"}) {
    httplib::Headers with_bad = Auth();
    with_bad.emplace("Connect-Timeout-Ms", bad);
    const auto refused =
        PostJson("techmatch.v1.NeedService/GetNeed", R"({"name":"needs/pit"})", with_bad);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 400) << bad;
  }
}

TEST_F(ConnectTest, PathsMethodsAndContentTypesThatAreNotCalls) {
  auto client = Client();
  // Unknown procedure: 404 with Connect's unimplemented.
  const auto unknown =
      client->Post("/techmatch.v1.NeedService/Nope", Auth(), "{}", "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_THAT(unknown->body, HasSubstr("\"unimplemented\""));
  // Services outside techmatch.v1 are not bridged (reflection stays gRPC-only).
  const auto reflection =
      client->Post("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", Auth(),
                   Envelope("{}"), "application/connect+json");
  ASSERT_TRUE(reflection);
  EXPECT_EQ(reflection->status, 404);
  // A procedure is POST only.
  const auto get = client->Get("/techmatch.v1.NeedService/GetNeed", Auth());
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
  EXPECT_EQ(get->get_header_value("Allow"), "POST");
  // Content types: unary wants application/json or /proto; streams application/connect+*.
  const auto text = client->Post("/techmatch.v1.NeedService/GetNeed", Auth(), "{}", "text/plain");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->status, 415);
  const auto stream_as_unary =
      client->Post("/techmatch.v1.MatchService/MatchEvent", Auth(), "{}", "application/json");
  ASSERT_TRUE(stream_as_unary);
  EXPECT_EQ(stream_as_unary->status, 415);
  const auto unary_as_stream = client->Post("/techmatch.v1.NeedService/GetNeed", Auth(),
                                            Envelope("{}"), "application/connect+json");
  ASSERT_TRUE(unary_as_stream);
  EXPECT_EQ(unary_as_stream->status, 415);
  // Other protocol versions and compression are refused.
  httplib::Headers v2 = {{"Authorization", "Bearer " + admin_token_},
                         {"Connect-Protocol-Version", "2"}};
  const auto version =
      client->Post("/techmatch.v1.NeedService/GetNeed", v2, "{}", "application/json");
  ASSERT_TRUE(version);
  EXPECT_EQ(version->status, 400);
  httplib::Headers gzip = Auth();
  gzip.emplace("Content-Encoding", "gzip");
  const auto compressed =
      client->Post("/techmatch.v1.NeedService/GetNeed", gzip, "{}", "application/json");
  ASSERT_TRUE(compressed);
  EXPECT_EQ(compressed->status, 501);
  EXPECT_THAT(compressed->body, HasSubstr("identity"));
  // Static paths take GET and HEAD only.
  const auto put = client->Put("/index.html", "x", "text/plain");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 405);
}

}  // namespace
}  // namespace techmatch::testing
