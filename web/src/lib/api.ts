// The Connect clients of the API, on the page's own origin. The browser sends the HttpOnly
// `techmatch_session` cookie itself (same-origin fetch) and connect-web adds the
// Connect-Protocol-Version header the server requires of cookie-authenticated calls.
import {createClient, type Client} from '@connectrpc/connect';
import {createConnectTransport} from '@connectrpc/connect-web';
import type {DescService} from '@bufbuild/protobuf';
import {AgreementService} from '../gen/techmatch/v1/agreement_pb';
import {EventService} from '../gen/techmatch/v1/event_pb';
import {IndustryService} from '../gen/techmatch/v1/industry_pb';
import {MatchService} from '../gen/techmatch/v1/match_pb';
import {NeedService} from '../gen/techmatch/v1/need_pb';
import {OfferingService} from '../gen/techmatch/v1/offering_pb';
import {OrganizationService} from '../gen/techmatch/v1/organization_pb';
import {ReportService} from '../gen/techmatch/v1/report_pb';

const transport = createConnectTransport({baseUrl: location.origin, useBinaryFormat: true});

const cache = new Map<DescService, unknown>();
function client<T extends DescService>(service: T): Client<T> {
  let found = cache.get(service) as Client<T>| undefined;
  if (!found) {
    found = createClient(service, transport);
    cache.set(service, found);
  }
  return found;
}

export const api = {
  agreements: () => client(AgreementService),
  events: () => client(EventService),
  industries: () => client(IndustryService),
  matches: () => client(MatchService),
  needs: () => client(NeedService),
  offerings: () => client(OfferingService),
  organizations: () => client(OrganizationService),
  reports: () => client(ReportService),
};

// Sign-in and sign-out through the server's /session endpoint: the token goes straight into the
// HttpOnly cookie and never reaches page scripts. 204 is success; anything else failed.
export async function signIn(email: string, password: string): Promise<Response> {
  return fetch('/session', {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'Connect-Protocol-Version': '1'},
    body: JSON.stringify({email, password}),
  });
}

export async function signOut(): Promise<void> {
  await fetch('/session', {method: 'DELETE', headers: {'Connect-Protocol-Version': '1'}});
}
