// Offerings (a university's or institute's) as a ListingKind.
import {Offering_State, type Offering} from '../gen/techmatch/v1/offering_pb';
import type {ListingItem, ListingKind} from '../components/listing_kind';
import {kUpdatePaths} from '../components/listing_kind';
import {api} from '../lib/api';

function item(offering: Offering): ListingItem {
  return {
    name: offering.name,
    title: offering.title,
    description: offering.description,
    keywords: offering.keywords,
    industries: offering.industries,
    amount: offering.askingPrice,
    trl: offering.trl || undefined,
    etag: offering.etag,
    stateKey: offering.state === Offering_State.WITHDRAWN ? 'stateWithdrawn' : 'stateOpen',
  };
}

export const kOfferings: ListingKind = {
  resource: 'offering',
  titleKey: 'offeringsTitle',
  newKey: 'newOffering',
  amountKey: 'fieldAskingPrice',
  amountPath: 'asking_price',
  trlPath: 'trl',
  async list(owner) {
    const filter = owner ? `institute = "${owner}"` : '';
    const response = await api.offerings().listOfferings({filter, pageSize: 200});
    return response.offerings.map(item);
  },
  async create(owner, input) {
    return item(await api.offerings().createOffering({
      requestId: crypto.randomUUID(),
      offering: {institute: owner, title: input.title, description: input.description,
                 keywords: input.keywords, industries: input.industries,
                 askingPrice: input.amount, trl: input.trl ?? 0},
    }));
  },
  async update(current, input) {
    const paths: string[] = [...kUpdatePaths, 'asking_price', 'trl'];
    return item(await api.offerings().updateOffering({
      offering: {name: current.name, etag: current.etag, title: input.title,
                 description: input.description, keywords: input.keywords,
                 industries: input.industries, askingPrice: input.amount, trl: input.trl ?? 0},
      updateMask: {paths},
    }));
  },
  async withdraw(current) {
    return item(await api.offerings().withdrawOffering({name: current.name, etag: current.etag}));
  },
  async match(current) {
    return (await api.matches().matchOffering({offering: current.name, pageSize: 10})).matches;
  },
  counterpart: (match) => match.need,
};
