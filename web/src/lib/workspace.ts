// Who is signed in (the server's answer to GET /session) and which pages that account's role
// sees. The server decides what the account may do; the navigation only follows its role.
export type Role = 'ENTERPRISE'|'INSTITUTE'|'ORGANIZER'|'OFFICIAL';
// The account's own role: an ADMIN sees the organizer's pages.
export type AccountRole = Role|'ADMIN';
export type Route = 'needs'|'offerings'|'review'|'applications'|'events'|'agreements'|'dashboard'|
    'ledger'|'report';
// Pages for everyone, signed in or not.
export type PublicRoute = 'sign-in'|'apply'|'accept';
export const kPublicRoutes: PublicRoute[] = ['sign-in', 'apply', 'accept'];

// The pages' view of the account: the role whose pages to show, and its organization.
export interface Workspace {
  role: Role;
  organization: string;
}

// A signed-in user, or an API key (`apiKeys/…`, without email or display name).
export interface Principal {
  name: string;
  displayName: string;
  email: string;
  role: AccountRole;
  organization: string;
  regionCode: string;
}

const kOrganizerRoutes: Route[] = [
  'needs', 'offerings', 'review', 'applications', 'events', 'agreements', 'dashboard', 'ledger',
  'report'
];

// The ledger: enterprises and institutes see their own organization's projects and financing.
export const kRoutesByRole: Record<AccountRole, Route[]> = {
  ENTERPRISE: ['needs', 'events', 'agreements', 'ledger'],
  INSTITUTE: ['offerings', 'events', 'agreements', 'ledger'],
  ORGANIZER: kOrganizerRoutes,
  ADMIN: kOrganizerRoutes,
  OFFICIAL: ['dashboard', 'agreements', 'ledger', 'report'],
};

export function workspaceOf(principal: Principal): Workspace {
  return {
    role: principal.role === 'ADMIN' ? 'ORGANIZER' : principal.role,
    organization: principal.organization,
  };
}

export function isApiKey(principal: Principal): boolean {
  return principal.name.startsWith('apiKeys/');
}

// The `user` of a /session answer (proto3 JSON), or null when it names no known role.
export function principalFromJson(json: unknown): Principal|null {
  const user = (json as {user?: Record<string, unknown>} | null)?.user;
  const role = String(user?.role ?? '');
  if (!user || !(role in kRoutesByRole)) return null;
  const text = (key: string) => String(user[key] ?? '');
  return {
    name: text('name'),
    displayName: text('displayName'),
    email: text('email'),
    role: role as AccountRole,
    organization: text('organization'),
    regionCode: text('regionCode'),
  };
}
