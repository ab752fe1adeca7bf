// A commissioner's outcomes as the API names them: six counts and three amounts, with their
// field paths and labels (shared by the list and the form).
import type {StringKey} from '../i18n/i18n';

export type CountOutcome = 'technologiesPromoted'|'newProducts'|'projects'|'jointVentures'|
    'cooperatives'|'enterprisesFounded';
export type MoneyOutcome = 'investment'|'profit'|'farmerIncomeIncrease';

export const kCountOutcomes: ReadonlyArray<{field: CountOutcome; path: string; key: StringKey}> = [
  {field: 'technologiesPromoted', path: 'technologies_promoted', key: 'technologiesPromoted'},
  {field: 'newProducts', path: 'new_products', key: 'newProducts'},
  {field: 'projects', path: 'projects', key: 'outcomeProjects'},
  {field: 'jointVentures', path: 'joint_ventures', key: 'jointVentures'},
  {field: 'cooperatives', path: 'cooperatives', key: 'cooperatives'},
  {field: 'enterprisesFounded', path: 'enterprises_founded', key: 'enterprisesFounded'},
];

export const kMoneyOutcomes: ReadonlyArray<{field: MoneyOutcome; path: string; key: StringKey}> = [
  {field: 'investment', path: 'investment', key: 'investment'},
  {field: 'profit', path: 'profit', key: 'profit'},
  {field: 'farmerIncomeIncrease', path: 'farmer_income_increase', key: 'farmerIncomeIncrease'},
];
