// What differs between needs and offerings, so one set of components serves both: the API
// calls, the owner field, the money and TRL fields and their API paths.
import type {ImportSummary} from '../gen/techmatch/v1/common_pb';
import type {Match} from '../gen/techmatch/v1/match_pb';
import type {StringKey} from '../i18n/i18n';
import type {MoneyLike} from '../lib/money';

// Where a record stands in review (README "Review before publication"): an owner's write
// starts SUBMITTED; an organizer publishes it or returns it with a reason.
export type ListingStatus = 'SUBMITTED'|'RETURNED'|'PUBLISHED'|'WITHDRAWN'|'CLOSED';

export const kStatusKeys: Record<ListingStatus, StringKey> = {
  SUBMITTED: 'stateSubmitted',
  RETURNED: 'stateReturned',
  PUBLISHED: 'statePublished',
  WITHDRAWN: 'stateWithdrawn',
  CLOSED: 'stateClosed',
};

// One need or offering as the components see it.
export interface ListingItem {
  name: string;
  // The owning organization (`organizations/{id}`).
  owner: string;
  title: string;
  description: string;
  keywords: string[];
  industries: string[];
  amount?: MoneyLike;
  trl?: number;
  etag: string;
  status: ListingStatus;
  stateKey: StringKey;
  // The organizer's reason, while RETURNED.
  returnReason: string;
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
  // The owner's records (everyone's visible ones without an owner), optionally narrowed by an
  // API filter such as `state = SUBMITTED` (the review queue).
  list(owner: string, filter?: string): Promise<ListingItem[]>;
  create(owner: string, input: ListingInput): Promise<ListingItem>;
  // Sends only the fields the mask names; the etag guards against lost updates.
  update(item: ListingItem, input: ListingInput): Promise<ListingItem>;
  withdraw(item: ListingItem): Promise<ListingItem>;
  // Review (organizers): publish, or return to the owner with a reason (field `reason`).
  publish(item: ListingItem): Promise<ListingItem>;
  returnToOwner(item: ListingItem, reason: string): Promise<ListingItem>;
  // Needs only: closed once an agreement met it (the server finds the agreement).
  close?: (item: ListingItem) => Promise<ListingItem>;
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
