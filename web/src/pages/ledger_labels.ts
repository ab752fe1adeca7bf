// The ledger's enums by their names in the string tables, and the year a page opens on.
import {Commissioner_ServiceModel} from '../gen/techmatch/v1/commissioner_pb';
import {Financing_Kind} from '../gen/techmatch/v1/financing_pb';
import {Project_Level} from '../gen/techmatch/v1/project_pb';
import {Assessment} from '../gen/techmatch/v1/target_pb';
import type {StringKey} from '../i18n/i18n';

export const kLevels: ReadonlyArray<readonly[Project_Level, StringKey]> = [
  [Project_Level.NATIONAL, 'levelNational'],
  [Project_Level.PROVINCIAL, 'levelProvincial'],
  [Project_Level.MUNICIPAL, 'levelMunicipal'],
  [Project_Level.COUNTY, 'levelCounty'],
];

export const kServiceModels: ReadonlyArray<readonly[Commissioner_ServiceModel, StringKey]> = [
  [Commissioner_ServiceModel.MARKET_LED, 'modelMarketLed'],
  [Commissioner_ServiceModel.TECHNOLOGY_PUSHED, 'modelTechnologyPushed'],
  [Commissioner_ServiceModel.VENTURE, 'modelVenture'],
];

export const kFinancingKinds: ReadonlyArray<readonly[Financing_Kind, StringKey]> = [
  [Financing_Kind.LOAN, 'financingLoan'],
  [Financing_Kind.GUARANTEE, 'financingGuarantee'],
  [Financing_Kind.EQUITY, 'financingEquity'],
  [Financing_Kind.AWARD, 'financingAward'],
  [Financing_Kind.SUBSIDY, 'financingSubsidy'],
];

export const kAssessments: ReadonlyArray<readonly[Assessment, StringKey]> = [
  [Assessment.MET, 'assessmentMet'],
  [Assessment.NOT_MET, 'assessmentNotMet'],
  [Assessment.PENDING, 'assessmentPending'],
];

// The string key of `value` in one of the tables above.
export function labelOf<T>(table: ReadonlyArray<readonly[T, StringKey]>, value: T): StringKey|
    undefined {
  return table.find(([v]) => v === value)?.[1];
}

// This year in China Standard Time, as the ledger counts years.
export function thisYear(): number {
  return new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
}
