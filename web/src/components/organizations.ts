// Every organization (name → record), loaded once per page load and shared by the pages that
// show display names or let organizers pick parties. Up to 10 pages of 1,000.
import {useEffect, useState} from 'preact/hooks';
import type {Organization} from '../gen/techmatch/v1/organization_pb';
import {api} from '../lib/api';

export type Organizations = Map<string, Organization>;

let loading: Promise<Organizations>|null = null;

async function loadAll(): Promise<Organizations> {
  const found: Organizations = new Map();
  let pageToken = '';
  for (let page = 0; page < 10; ++page) {
    const response = await api.organizations().listOrganizations({pageSize: 1000, pageToken});
    for (const organization of response.organizations) found.set(organization.name, organization);
    pageToken = response.nextPageToken;
    if (!pageToken) break;
  }
  return found;
}

// The organizations, empty until they arrive (or when they cannot be read: names then show
// as resource names).
export function useOrganizations(): Organizations {
  const [organizations, setOrganizations] = useState<Organizations>(new Map());
  useEffect(() => {
    if (!loading) {
      loading = loadAll();
      loading.catch(() => { loading = null; });
    }
    loading.then(setOrganizations, () => {});
  }, []);
  return organizations;
}

export function displayName(organizations: Organizations, name: string): string {
  return organizations.get(name)?.displayName || name;
}
