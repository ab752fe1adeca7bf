// The Connect clients of the API, on the page's own origin. The browser sends the HttpOnly
// `techmatch_session` cookie itself (same-origin fetch) and connect-web adds the
// Connect-Protocol-Version header the server requires of cookie-authenticated calls.
import {createClient, type Client} from '@connectrpc/connect';
import {createConnectTransport} from '@connectrpc/connect-web';
import type {DescService} from '@bufbuild/protobuf';
import {AgreementService} from '../gen/techmatch/v1/agreement_pb';
import {CommissionerService} from '../gen/techmatch/v1/commissioner_pb';
import {EventService} from '../gen/techmatch/v1/event_pb';
import {FinancingService} from '../gen/techmatch/v1/financing_pb';
import {IndicatorService} from '../gen/techmatch/v1/indicator_pb';
import {IndustryService} from '../gen/techmatch/v1/industry_pb';
import {MatchService} from '../gen/techmatch/v1/match_pb';
import {NeedService} from '../gen/techmatch/v1/need_pb';
import {OfferingService} from '../gen/techmatch/v1/offering_pb';
import {OrganizationService} from '../gen/techmatch/v1/organization_pb';
import {ProjectService} from '../gen/techmatch/v1/project_pb';
import {RegistrationService} from '../gen/techmatch/v1/registration_pb';
import {ReportService} from '../gen/techmatch/v1/report_pb';
import {TargetService} from '../gen/techmatch/v1/target_pb';
import {UserService} from '../gen/techmatch/v1/user_pb';
import {principalFromJson, type Principal} from './workspace';

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
  commissioners: () => client(CommissionerService),
  events: () => client(EventService),
  financings: () => client(FinancingService),
  indicators: () => client(IndicatorService),
  industries: () => client(IndustryService),
  matches: () => client(MatchService),
  needs: () => client(NeedService),
  offerings: () => client(OfferingService),
  organizations: () => client(OrganizationService),
  projects: () => client(ProjectService),
  registrations: () => client(RegistrationService),
  reports: () => client(ReportService),
  targets: () => client(TargetService),
  users: () => client(UserService),
};

// Sign-in, who is signed in and sign-out through the server's /session endpoint: the token goes
// straight into the HttpOnly cookie and never reaches page scripts; the answers carry the
// account (`user`).
const kSessionHeaders = {'Connect-Protocol-Version': '1'};

export async function signIn(email: string, password: string): Promise<Response> {
  return fetch('/session', {
    method: 'POST',
    headers: {'Content-Type': 'application/json', ...kSessionHeaders},
    body: JSON.stringify({email, password}),
  });
}

// The account the cookie belongs to; null when there is none (401: never signed in, signed
// out or expired). Any other failure throws.
export async function whoAmI(): Promise<Principal|null> {
  const response = await fetch('/session', {headers: kSessionHeaders, cache: 'no-store'});
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`GET /session: HTTP ${response.status}`);
  return principalFromJson(await response.json());
}

export async function signOut(): Promise<void> {
  await fetch('/session', {method: 'DELETE', headers: kSessionHeaders});
}
