// Offerings (a university's or institute's) as a ListingKind.
import {OfferingService, Offering_State, type Offering} from '../gen/techmatch/v1/offering_pb';
import type {ListingItem, ListingKind, ListingStatus} from '../components/listing_kind';
import {kStatusKeys, kUpdatePaths} from '../components/listing_kind';
import {MeetingRequest_Side} from '../gen/techmatch/v1/meeting_pb';
import {api} from '../lib/api';
import {clientStream} from '../lib/client_stream';
import {csvRecords} from '../lib/csv';
import * as column from './import_columns';

function status(state: Offering_State): ListingStatus {
  if (state === Offering_State.WITHDRAWN) return 'WITHDRAWN';
  if (state === Offering_State.SUBMITTED) return 'SUBMITTED';
  if (state === Offering_State.RETURNED) return 'RETURNED';
  return 'PUBLISHED';
}

function item(offering: Offering): ListingItem {
  return {
    name: offering.name,
    owner: offering.institute,
    title: offering.title,
    description: offering.description,
    keywords: offering.keywords,
    industries: offering.industries,
    amount: offering.askingPrice,
    trl: offering.trl || undefined,
    events: offering.events,
    etag: offering.etag,
    status: status(offering.state),
    stateKey: kStatusKeys[status(offering.state)],
    returnReason: offering.returnReason,
  };
}

export const kOfferings: ListingKind = {
  resource: 'offering',
  titleKey: 'offeringsTitle',
  allTitleKey: 'offeringsAllTitle',
  newKey: 'newOffering',
  amountKey: 'fieldAskingPrice',
  amountPath: 'asking_price',
  trlPath: 'trl',
  async list(owner, state) {
    const filter =
        [owner ? `institute = "${owner}"` : '', state ?? ''].filter(Boolean).join(' AND ');
    const response = await api.offerings().listOfferings({filter, pageSize: 200});
    return response.offerings.map(item);
  },
  async create(owner, input) {
    return item(await api.offerings().createOffering({
      requestId: crypto.randomUUID(),
      offering: {
        institute: owner,
        title: input.title,
        description: input.description,
        keywords: input.keywords,
        industries: input.industries,
        askingPrice: input.amount,
        trl: input.trl ?? 0
      },
    }));
  },
  async update(current, input) {
    const paths: string[] = [...kUpdatePaths, 'asking_price', 'trl'];
    return item(await api.offerings().updateOffering({
      offering: {
        name: current.name,
        etag: current.etag,
        title: input.title,
        description: input.description,
        keywords: input.keywords,
        industries: input.industries,
        askingPrice: input.amount,
        trl: input.trl ?? 0
      },
      updateMask: {paths},
    }));
  },
  async withdraw(current) {
    return item(await api.offerings().withdrawOffering({name: current.name, etag: current.etag}));
  },
  async publish(current) {
    return item(await api.offerings().publishOffering({name: current.name, etag: current.etag}));
  },
  async returnToOwner(current, reason) {
    return item(
        await api.offerings().returnOffering({name: current.name, etag: current.etag, reason}));
  },
  async match(current) {
    return (await api.matches().matchOffering({offering: current.name, pageSize: 10})).matches;
  },
  async importCsv(text, late) {
    return column.importRows(
        csvRecords(text),
        (cells, row, problems) => ({
          offeringId: cells.id ?? '',
          rowNumber: BigInt(row),
          lateRegistration: late,
          offering: {
            institute: column.name(cells.institute, 'organizations'),
            title: cells.title,
            description: cells.description,
            keywords: column.list(cells.keywords),
            industries: column.names(cells.industries, 'industries'),
            trl: column.integer(cells.trl) ?? 0,
            patents: column.list(cells.patents),
            cooperationModes: column.modes(cells.cooperation_modes),
            askingPrice: column.money(cells.asking_price, 'asking_price', problems),
            events: column.names(cells.events, 'events')
          },
        }),
        (requests) => clientStream(OfferingService.method.importOfferings, requests));
  },
  async requestMeeting(event, match) {
    await api.matches().createMeetingRequest({
      parent: event,
      requestId: crypto.randomUUID(),
      meetingRequest: {need: match.need, offering: match.offering,
                       requestedBy: MeetingRequest_Side.INSTITUTE},
    });
  },
  counterpart: (match) => match.need,
};
