// Needs (an enterprise's) as a ListingKind.
import {NeedService, Need_State, type Need} from '../gen/techmatch/v1/need_pb';
import type {ListingItem, ListingKind, ListingStatus} from '../components/listing_kind';
import {kStatusKeys, kUpdatePaths} from '../components/listing_kind';
import {MeetingRequest_Side} from '../gen/techmatch/v1/meeting_pb';
import {api} from '../lib/api';
import {clientStream} from '../lib/client_stream';
import {csvRecords} from '../lib/csv';
import * as column from './import_columns';

function status(state: Need_State): ListingStatus {
  if (state === Need_State.WITHDRAWN) return 'WITHDRAWN';
  if (state === Need_State.CLOSED) return 'CLOSED';
  if (state === Need_State.SUBMITTED) return 'SUBMITTED';
  if (state === Need_State.RETURNED) return 'RETURNED';
  return 'PUBLISHED';
}

function item(need: Need): ListingItem {
  return {
    name: need.name,
    owner: need.enterprise,
    title: need.title,
    description: need.description,
    keywords: need.keywords,
    industries: need.industries,
    amount: need.budget,
    trl: need.minTrl,
    events: need.events,
    etag: need.etag,
    status: status(need.state),
    stateKey: kStatusKeys[status(need.state)],
    returnReason: need.returnReason,
  };
}

export const kNeeds: ListingKind = {
  resource: 'need',
  titleKey: 'needsTitle',
  allTitleKey: 'needsAllTitle',
  newKey: 'newNeed',
  amountKey: 'fieldBudget',
  amountPath: 'budget',
  trlPath: 'min_trl',
  async list(owner, state) {
    const filter =
        [owner ? `enterprise = "${owner}"` : '', state ?? ''].filter(Boolean).join(' AND ');
    const response = await api.needs().listNeeds({filter, pageSize: 200});
    return response.needs.map(item);
  },
  async create(owner, input) {
    return item(await api.needs().createNeed({
      requestId: crypto.randomUUID(),
      need: {
        enterprise: owner,
        title: input.title,
        description: input.description,
        keywords: input.keywords,
        industries: input.industries,
        budget: input.amount,
        minTrl: input.trl
      },
    }));
  },
  async update(current, input) {
    const paths: string[] = [...kUpdatePaths, 'budget', 'min_trl'];
    return item(await api.needs().updateNeed({
      need: {
        name: current.name,
        etag: current.etag,
        title: input.title,
        description: input.description,
        keywords: input.keywords,
        industries: input.industries,
        budget: input.amount,
        minTrl: input.trl
      },
      updateMask: {paths},
    }));
  },
  async withdraw(current) {
    return item(await api.needs().withdrawNeed({name: current.name, etag: current.etag}));
  },
  async publish(current) {
    return item(await api.needs().publishNeed({name: current.name, etag: current.etag}));
  },
  async returnToOwner(current, reason) {
    return item(await api.needs().returnNeed({name: current.name, etag: current.etag, reason}));
  },
  async close(current) {
    return item(await api.needs().closeNeed({name: current.name, etag: current.etag}));
  },
  async match(current) {
    return (await api.matches().matchNeed({need: current.name, pageSize: 10})).matches;
  },
  async importCsv(text, late) {
    return column.importRows(
        csvRecords(text), (cells, row, problems) => ({
                            needId: cells.id ?? '',
                            rowNumber: BigInt(row),
                            lateRegistration: late,
                            need: {
                              enterprise: column.name(cells.enterprise, 'organizations'),
                              title: cells.title,
                              description: cells.description,
                              keywords: column.list(cells.keywords),
                              industries: column.names(cells.industries, 'industries'),
                              budget: column.money(cells.budget, 'budget', problems),
                              minTrl: column.integer(cells.min_trl),
                              cooperationModes: column.modes(cells.cooperation_modes),
                              events: column.names(cells.events, 'events')
                            },
                          }),
        (requests) => clientStream(NeedService.method.importNeeds, requests));
  },
  async requestMeeting(event, match) {
    await api.matches().createMeetingRequest({
      parent: event,
      requestId: crypto.randomUUID(),
      meetingRequest: {need: match.need, offering: match.offering,
                       requestedBy: MeetingRequest_Side.ENTERPRISE},
    });
  },
  counterpart: (match) => match.offering,
};
