// What differs between needs and offerings, so one set of components serves both: the API
// calls, the owner field, the money and TRL fields and their API paths.
import type {ImportSummary} from '../gen/techmatch/v1/common_pb';
import type {Match} from '../gen/techmatch/v1/match_pb';
import type {StringKey} from '../i18n/i18n';
import type {MoneyLike} from '../lib/money';

// One need or offering as the components see it.
export interface ListingItem {
  name: string;
  title: string;
  description: string;
  keywords: string[];
  industries: string[];
  amount?: MoneyLike;
  trl?: number;
  etag: string;
  stateKey: StringKey;
  // The fairs it is registered for (`events/{id}`).
  events: string[];
}

// What a form submits; `amount` and `trl` already parsed.
export interface ListingInput {
  title: string;
  description: string;
  keywords: string[];
  industries: string[];
  amount?: MoneyLike;
  trl?: number;
}

export interface ListingKind {
  // The API's name of the resource in field paths ("need", "offering").
  resource: string;
  titleKey: StringKey;
  // The title when the list is everyone's (no owner: organizers, officials).
  allTitleKey: StringKey;
  newKey: StringKey;
  amountKey: StringKey;
  // Field paths (after `resource.`) of the amount and the TRL.
  amountPath: string;
  trlPath: string;
  list(owner: string): Promise<ListingItem[]>;
  create(owner: string, input: ListingInput): Promise<ListingItem>;
  // Sends only the fields the mask names; the etag guards against lost updates.
  update(item: ListingItem, input: ListingInput): Promise<ListingItem>;
  withdraw(item: ListingItem): Promise<ListingItem>;
  match(item: ListingItem): Promise<Match[]>;
  // Imports a CSV file with the CLI's columns; per-row refusals come back in the summary.
  importCsv(text: string, late: boolean): Promise<ImportSummary>;
  // Asks for a meeting at `event` about a match, on this kind's side (the enterprise's for a
  // need, the institute's for an offering).
  requestMeeting(event: string, match: Match): Promise<void>;
  // The counterpart of a match (the offering of a need's match, and so on).
  counterpart(match: Match): string;
}

export const kUpdatePaths = ['title', 'description', 'keywords', 'industries'] as const;
