#include "storage/filter_columns.h"

namespace techmatch::storage {
namespace {

constexpr SqlField kOrganization[] = {
    Column("kind", FilterFieldType::kEnum, "kind"),
    Column("region_code", FilterFieldType::kString, "region_code"),
    Column("parent", FilterFieldType::kResource, "parent_id"),
    Column("region", FilterFieldType::kRegion, "region_code"),
};

constexpr SqlField kEvent[] = {
    Column("start_time", FilterFieldType::kTime, "start_time"),
};

constexpr SqlField kParticipant[] = {
    // A participant's kind is its organization's.
    Column("kind", FilterFieldType::kEnum, "o.kind"),
};

constexpr SqlField kNeed[] = {
    Column("enterprise", FilterFieldType::kResource, "enterprise_id"),
    // need_industries and need_events hold each (need, value) once (their primary keys), so
    // they can drive a list (SqlField::driver_join).
    Membership(
        "industry", FilterFieldType::kResource,
        "SELECT need_id FROM need_industries WHERE industry_code",
        " JOIN need_industries AS driver ON driver.need_id = needs.id AND driver.industry_code",
        "driver.need_id"),
    // The API state of a row: an open need under review reads as its review state.
    Column("state", FilterFieldType::kEnum,
           "(CASE WHEN needs.state = 'OPEN' AND needs.review <> '' THEN needs.review "
           "ELSE needs.state END)"),
    Membership("event", FilterFieldType::kResource,
               "SELECT need_id FROM need_events WHERE event_id",
               " JOIN need_events AS driver ON driver.need_id = needs.id AND driver.event_id",
               "driver.need_id"),
    Column("create_time", FilterFieldType::kTime, "create_time"),
    // The enterprise's region.
    Column("region", FilterFieldType::kRegion,
           "(SELECT ro.region_code FROM organizations AS ro WHERE ro.id = needs.enterprise_id)"),
};

constexpr SqlField kOffering[] = {
    Column("institute", FilterFieldType::kResource, "institute_id"),
    // offering_industries and offering_events hold each (offering, value) once (their primary
    // keys), so they can drive a list (SqlField::driver_join).
    Membership("industry", FilterFieldType::kResource,
               "SELECT offering_id FROM offering_industries WHERE industry_code",
               " JOIN offering_industries AS driver ON driver.offering_id = offerings.id AND "
               "driver.industry_code",
               "driver.offering_id"),
    // The API state of a row: an available offering under review reads as its review state.
    Column("state", FilterFieldType::kEnum,
           "(CASE WHEN offerings.state = 'AVAILABLE' AND offerings.review <> '' "
           "THEN offerings.review ELSE offerings.state END)"),
    Membership("event", FilterFieldType::kResource,
               "SELECT offering_id FROM offering_events WHERE event_id",
               " JOIN offering_events AS driver ON driver.offering_id = offerings.id AND "
               "driver.event_id",
               "driver.offering_id"),
    Column("trl", FilterFieldType::kInteger, "trl"),
    // The institute's region.
    Column("region", FilterFieldType::kRegion,
           "(SELECT ro.region_code FROM organizations AS ro WHERE ro.id = offerings.institute_id)"),
};

// Shared by ListAgreements, ExportAgreements and SummarizeAgreements: the table is `a`.
constexpr SqlField kAgreement[] = {
    Column("event", FilterFieldType::kResource, "a.event_id"),
    Column("kind", FilterFieldType::kEnum, "a.kind"),
    Column("state", FilterFieldType::kEnum, "a.state"),
    Membership("industry", FilterFieldType::kResource,
               "SELECT agreement_id FROM agreement_industries WHERE industry_code"),
    Membership("supplier", FilterFieldType::kResource,
               "SELECT agreement_id FROM agreement_parties WHERE role = 'SUPPLIER' AND "
               "organization_id"),
    Membership("demander", FilterFieldType::kResource,
               "SELECT agreement_id FROM agreement_parties WHERE role = 'DEMANDER' AND "
               "organization_id"),
    Membership("region_code", FilterFieldType::kString,
               "SELECT fp.agreement_id FROM agreement_parties AS fp JOIN organizations AS fo "
               "ON fo.id = fp.organization_id WHERE fo.region_code"),
    Column("sign_time", FilterFieldType::kTime, "a.sign_time"),
    Column("need", FilterFieldType::kResource, "a.need_id"),
    Column("offering", FilterFieldType::kResource, "a.offering_id"),
    // An amount not given compares as zero, as it counts in sums.
    Column("contract_amount", FilterFieldType::kAmount, "coalesce(a.contract_amount, 0)"),
    Column("total_investment", FilterFieldType::kAmount, "coalesce(a.total_investment, 0)"),
    Column("expected_sales_revenue", FilterFieldType::kAmount,
           "coalesce(a.expected_sales_revenue, 0)"),
    Column("expected_profit_tax", FilterFieldType::kAmount, "coalesce(a.expected_profit_tax, 0)"),
    Column("realized_output_value", FilterFieldType::kAmount,
           "coalesce(a.realized_output_value, 0)"),
    Column("realized_profit_tax", FilterFieldType::kAmount, "coalesce(a.realized_profit_tax, 0)"),
    // A party's region.
    Membership("region", FilterFieldType::kRegion,
               "SELECT rp.agreement_id FROM agreement_parties AS rp JOIN organizations AS ro "
               "ON ro.id = rp.organization_id WHERE ro.region_code"),
};

constexpr SqlField kAuditEvent[] = {
    Column("principal", FilterFieldType::kString, "principal"),
    Column("role", FilterFieldType::kEnum, "role"),
    Column("method", FilterFieldType::kString, "method"),
    Column("resource", FilterFieldType::kString, "resource"),
    Column("outcome", FilterFieldType::kEnum, "outcome"),
    Column("event_time", FilterFieldType::kTime, "event_time"),
};

constexpr SqlField kUser[] = {
    Column("organization", FilterFieldType::kResource, "organization_id"),
    Column("role", FilterFieldType::kEnum, "role"),
    Column("state", FilterFieldType::kEnum, "state"),
    Column("region", FilterFieldType::kString, "region_code"),
};

constexpr SqlField kApplication[] = {
    Column("state", FilterFieldType::kEnum, "state"),
};

constexpr SqlField kMeetingRequest[] = {
    Column("state", FilterFieldType::kEnum, "state"),
    Column("need", FilterFieldType::kResource, "need_id"),
    Column("offering", FilterFieldType::kResource, "offering_id"),
    Column("enterprise", FilterFieldType::kResource, "enterprise_id"),
    Column("institute", FilterFieldType::kResource, "institute_id"),
    Column("requested_by", FilterFieldType::kEnum, "requested_by"),
};

// The programme ledger's tables are aliased: projects `p`, commissioners `c`, financings `f`.
constexpr absl::string_view kOverApproved =
    "(CASE WHEN p.approved_funds IS NOT NULL AND p.arrived_funds > p.approved_funds "
    "THEN 'true' ELSE 'false' END)";

constexpr SqlField kProject[] = {
    Column("region_code", FilterFieldType::kRegion, "p.region_code"),
    Column("region", FilterFieldType::kRegion, "p.region_code"),
    Column("year", FilterFieldType::kInteger, "p.year"),
    Column("level", FilterFieldType::kEnum, "p.level"),
    Membership("organization", FilterFieldType::kResource,
               "SELECT project_id FROM project_organizations WHERE organization_id"),
    Column("lead_organization", FilterFieldType::kResource, "p.lead_organization_id"),
    Column("programme", FilterFieldType::kString, "p.programme"),
    // Funds not given compare as zero, as they count in sums.
    Column("approved_funds", FilterFieldType::kAmount, "coalesce(p.approved_funds, 0)"),
    Column("arrived_funds", FilterFieldType::kAmount, "p.arrived_funds"),
    Column("over_approved", FilterFieldType::kEnum, kOverApproved),
};

constexpr SqlField kCommissioner[] = {
    Column("region_code", FilterFieldType::kRegion, "c.region_code"),
    Column("region", FilterFieldType::kRegion, "c.region_code"),
    Column("year", FilterFieldType::kInteger, "c.year"),
    Column("service_model", FilterFieldType::kEnum, "c.service_model"),
    Column("organization", FilterFieldType::kResource, "c.home_organization_id"),
};

constexpr SqlField kFinancing[] = {
    Column("region_code", FilterFieldType::kRegion, "f.region_code"),
    Column("region", FilterFieldType::kRegion, "f.region_code"),
    Column("year", FilterFieldType::kInteger, "f.grant_year"),
    Column("kind", FilterFieldType::kEnum, "f.kind"),
    // Either side of a financing; each side's index serves its half of the union.
    Membership("organization", FilterFieldType::kResource,
               "SELECT fo.id FROM (SELECT id, provider_id AS organization_id FROM financings "
               "UNION ALL SELECT id, recipient_id FROM financings) AS fo WHERE fo.organization_id"),
    Column("provider", FilterFieldType::kResource, "f.provider_id"),
    Column("recipient", FilterFieldType::kResource, "f.recipient_id"),
    Column("agreement", FilterFieldType::kResource, "f.agreement_id"),
    Column("grant_time", FilterFieldType::kTime, "f.grant_time"),
    Column("amount", FilterFieldType::kAmount, "f.amount"),
};

}  // namespace

SqlFields OrganizationFilterColumns() { return kOrganization; }
SqlFields EventFilterColumns() { return kEvent; }
SqlFields ParticipantFilterColumns() { return kParticipant; }
SqlFields NeedFilterColumns() { return kNeed; }
SqlFields OfferingFilterColumns() { return kOffering; }
SqlFields AgreementFilterColumns() { return kAgreement; }
SqlFields AuditEventFilterColumns() { return kAuditEvent; }
SqlFields UserFilterColumns() { return kUser; }
SqlFields ApplicationFilterColumns() { return kApplication; }
SqlFields MeetingRequestFilterColumns() { return kMeetingRequest; }
SqlFields ProjectFilterColumns() { return kProject; }
SqlFields CommissionerFilterColumns() { return kCommissioner; }
SqlFields FinancingFilterColumns() { return kFinancing; }

}  // namespace techmatch::storage
