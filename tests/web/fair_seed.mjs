// The fair both fair journeys start from, made by the admin through the API: 泸州老窖 (an
// enterprise) and 四川大学 (a university) registered at 产学研合作洽谈会 a month ahead, the
// enterprise's need `pit-mud` and the university's offering `culture`, which match.
export const kDay = 86400;
export const kStart = Math.floor(Date.now() / 1000 / kDay) * kDay + 30 * kDay + 3600;
export const ts = (seconds) => new Date(seconds * 1000).toISOString();

export async function seedFair(call, {registrationCloseTime} = {}) {
  await call('OrganizationService/CreateOrganization', {
    organizationId: 'lzlj',
    organization: {displayName: '泸州老窖', kind: 'ENTERPRISE', regionCode: '510500'}
  });
  await call('OrganizationService/CreateOrganization', {
    organizationId: 'scu',
    organization: {displayName: '四川大学', kind: 'UNIVERSITY', regionCode: '510100'}
  });
  await call('EventService/CreateEvent', {
    eventId: 'fair',
    event: {
      displayName: '产学研合作洽谈会',
      location: '泸州',
      startTime: ts(kStart),
      endTime: ts(kStart + 8 * 3600),
      ...(registrationCloseTime ? {registrationCloseTime} : {}),
    }
  });
  for (const organization of ['organizations/lzlj', 'organizations/scu']) {
    await call('EventService/RegisterParticipant', {event: 'events/fair', organization});
  }
  await call('NeedService/CreateNeed', {
    needId: 'pit-mud',
    need: {
      enterprise: 'organizations/lzlj',
      title: '窖泥老化防治',
      keywords: ['窖泥', '老化'],
      industries: ['industries/liquor'],
      events: ['events/fair']
    }
  });
  await call('OfferingService/CreateOffering', {
    offeringId: 'culture',
    offering: {
      institute: 'organizations/scu',
      title: '窖泥功能菌群培养技术',
      keywords: ['窖泥', '功能菌'],
      industries: ['industries/liquor'],
      trl: 6,
      events: ['events/fair']
    }
  });
}
