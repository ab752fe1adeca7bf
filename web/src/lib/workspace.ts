// Which role's pages the portal shows and for which organization. The server decides what the
// signed-in account may do; this only chooses the navigation (no API call names the caller).
export type Role = 'ENTERPRISE'|'INSTITUTE'|'ORGANIZER'|'OFFICIAL';
export type Route = 'needs'|'offerings'|'events'|'agreements'|'dashboard';

export interface Workspace {
  role: Role;
  organization: string;
}

export const kRoutesByRole: Record<Role, Route[]> = {
  ENTERPRISE: ['needs', 'events', 'agreements'],
  INSTITUTE: ['offerings', 'events', 'agreements'],
  ORGANIZER: ['needs', 'offerings', 'events', 'agreements', 'dashboard'],
  OFFICIAL: ['dashboard', 'agreements'],
};

const kKey = 'techmatch.workspace';

export function loadWorkspace(): Workspace|null {
  try {
    const parsed = JSON.parse(localStorage.getItem(kKey) ?? 'null');
    if (parsed && parsed.role in kRoutesByRole) {
      return {role: parsed.role, organization: String(parsed.organization ?? '')};
    }
  } catch {
    // A damaged entry is the same as none.
  }
  return null;
}

export function saveWorkspace(workspace: Workspace|null): void {
  if (workspace)
    localStorage.setItem(kKey, JSON.stringify(workspace));
  else
    localStorage.removeItem(kKey);
}
