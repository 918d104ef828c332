import type { ApplicationDetail, ApplicationList } from '../../domain/api';
import { getJson } from './http';

export function fetchApplications(): Promise<ApplicationList> {
  return getJson<ApplicationList>('/api/applications');
}

export function fetchApplication(id: string): Promise<ApplicationDetail> {
  return getJson<ApplicationDetail>(`/api/applications/${encodeURIComponent(id)}`);
}
