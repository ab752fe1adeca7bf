#include "server/report_conversion.h"

#include "core/common/resource_id.h"
#include "core/ledger/project.h"
#include "server/agreement_conversion.h"
#include "server/indicator_conversion.h"
#include "server/proto_fields.h"

namespace techmatch::server {
namespace {

void ChangeToProto(const YearChange& change, bool money, const Currency& currency,
                   v1::YearChange& out) {
  if (money) {
    MoneyToProto(change.difference, currency, *out.mutable_amount());
  } else {
    out.set_count(change.difference);
  }
  if (change.percent_bp) out.set_percent_bp(*change.percent_bp);
}

void ProjectLineToProto(const ProjectLine& line, const Currency& currency,
                        v1::ProjectLevelReport& out) {
  // ProjectLevel's values are the API enum's numbers.
  if (line.level) out.set_level(static_cast<v1::Project::Level>(*line.level));
  out.set_project_count(line.current.count);
  MoneyToProto(line.current.approved, currency, *out.mutable_approved_funds());
  MoneyToProto(line.current.arrived, currency, *out.mutable_arrived_funds());
  out.set_previous_project_count(line.previous.count);
  MoneyToProto(line.previous.approved, currency, *out.mutable_previous_approved_funds());
  MoneyToProto(line.previous.arrived, currency, *out.mutable_previous_arrived_funds());
  ChangeToProto(line.count_change, false, currency, *out.mutable_project_count_change());
  ChangeToProto(line.approved_change, true, currency, *out.mutable_approved_funds_change());
  ChangeToProto(line.arrived_change, true, currency, *out.mutable_arrived_funds_change());
}

void IndicatorLineToProto(const IndicatorLine& line, const Currency& currency,
                          v1::IndicatorReport& out) {
  const Indicator& indicator = line.indicator;
  out.set_indicator(IndicatorName(indicator.meta.id));
  out.set_display_name_zh(indicator.display_name_zh);
  out.set_display_name_en(indicator.display_name_en);
  out.set_unit(static_cast<v1::IndicatorUnit>(indicator.unit));
  if (line.target) {
    FigureToProto(Figure{indicator.unit, *line.target}, currency, *out.mutable_target());
  }
  if (line.actual) {
    FigureToProto(Figure{indicator.unit, *line.actual}, currency, *out.mutable_actual());
  }
  if (line.completion_bp) out.set_completion(*line.completion_bp);
  if (line.assessment) out.set_assessment(static_cast<v1::Assessment>(*line.assessment));
}

void FinancingToProto(const FinancingTotals& totals, const Currency& currency,
                      v1::FinancingKindReport& out) {
  out.set_financing_count(totals.count);
  out.set_recipient_count(totals.recipient_count);
  MoneyToProto(totals.amount, currency, *out.mutable_amount());
}

void RegionToProto(const RegionProgrammeReport& region, const Currency& currency,
                   v1::RegionProgrammeFigures& out) {
  out.set_region_code(region.region_code);
  for (const IndicatorLine& line : region.indicators) {
    IndicatorLineToProto(line, currency, *out.add_indicators());
  }
  TotalsToProto(region.agreements, currency, *out.mutable_agreements());
  v1::ProjectsReport& projects = *out.mutable_projects();
  for (const ProjectLine& line : region.projects.levels) {
    ProjectLineToProto(line, currency, *projects.add_levels());
  }
  ProjectLineToProto(region.projects.total, currency, *projects.mutable_total());
  for (const OverArrivedProject& p : region.projects.over_arrived) {
    v1::OverArrivedProject& entry = *projects.add_over_arrived();
    entry.set_project(ResourceName(kProjects, p.id));
    entry.set_title(p.title);
    entry.set_level(static_cast<v1::Project::Level>(p.level));
    entry.set_region_code(p.region_code);
    MoneyToProto(p.approved, currency, *entry.mutable_approved_funds());
    MoneyToProto(p.arrived, currency, *entry.mutable_arrived_funds());
    MoneyToProto(p.arrived - p.approved, currency, *entry.mutable_excess());
  }
  const CommissionerTotals& c = region.commissioners;
  v1::CommissionersReport& commissioners = *out.mutable_commissioners();
  commissioners.set_commissioner_count(c.count);
  commissioners.set_home_organization_count(c.home_organization_count);
  commissioners.set_technologies_promoted(c.count_of(OutcomeCount::kTechnologiesPromoted));
  commissioners.set_new_products(c.count_of(OutcomeCount::kNewProducts));
  commissioners.set_projects(c.count_of(OutcomeCount::kProjects));
  commissioners.set_joint_ventures(c.count_of(OutcomeCount::kJointVentures));
  commissioners.set_cooperatives(c.count_of(OutcomeCount::kCooperatives));
  commissioners.set_enterprises_founded(c.count_of(OutcomeCount::kEnterprisesFounded));
  MoneyToProto(c.amount_of(OutcomeAmount::kInvestment), currency,
               *commissioners.mutable_investment());
  MoneyToProto(c.amount_of(OutcomeAmount::kProfit), currency, *commissioners.mutable_profit());
  MoneyToProto(c.amount_of(OutcomeAmount::kFarmerIncomeIncrease), currency,
               *commissioners.mutable_farmer_income_increase());
  v1::FinancingReport& financing = *out.mutable_financing();
  for (const auto& [kind, totals] : region.financing) {
    v1::FinancingKindReport& entry = *financing.add_kinds();
    // FinancingKind's values are the API enum's numbers.
    entry.set_kind(static_cast<v1::Financing::Kind>(kind));
    FinancingToProto(totals, currency, entry);
  }
  FinancingToProto(region.financing_total, currency, *financing.mutable_total());
}

}  // namespace

void EventSummaryToProto(const usecases::EventSummary& summary, const Currency& currency,
                         v1::EventSummary& out) {
  const EventFigures& figures = summary.figures;
  out.set_event(ResourceName(kEvents, summary.event_id));
  out.set_needs_count(figures.needs_count);
  out.set_offerings_count(figures.offerings_count);
  out.set_enterprise_count(figures.enterprise_count);
  out.set_university_count(figures.university_count);
  out.set_research_institute_count(figures.research_institute_count);
  out.set_government_count(figures.government_count);
  out.set_other_count(figures.other_count);
  for (const auto& [kind, totals] : figures.by_kind) {
    v1::KindSummary* entry = out.add_agreements_by_kind();
    entry->set_kind(static_cast<v1::Agreement::Kind>(kind));
    TotalsToProto(totals, currency, *entry->mutable_summary());
  }
  TotalsToProto(figures.technology, currency, *out.mutable_technology_contracts());
  TotalsToProto(figures.total, currency, *out.mutable_total());
  for (const std::string& name : figures.framework_partners) out.add_framework_partners(name);
  out.set_narrative(summary.narrative);
  out.set_language_code(std::string(NarrativeLanguageCode(summary.language)));
}

void ProgrammeReportToProto(const usecases::ProgrammeReportView& view, const Currency& currency,
                            v1::ProgrammeReport& out) {
  const ProgrammeReport& report = view.report;
  out.set_year(report.year);
  RegionToProto(report.region, currency, *out.mutable_region());
  for (size_t i = 0; i < report.events.size(); ++i) {
    usecases::EventSummary summary;
    summary.event_id = report.events[i].first;
    summary.figures = report.events[i].second;
    summary.language = view.language;
    if (i < view.event_narratives.size()) summary.narrative = view.event_narratives[i];
    EventSummaryToProto(summary, currency, *out.add_events());
  }
  for (const RegionProgrammeReport& region : report.subordinates) {
    RegionToProto(region, currency, *out.add_subordinate_regions());
  }
  for (const std::string& paragraph : view.narrative) out.add_narrative(paragraph);
  out.set_language_code(std::string(NarrativeLanguageCode(view.language)));
}

}  // namespace techmatch::server
