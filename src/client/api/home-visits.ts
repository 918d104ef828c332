/** Home-visit requests (issue 5): read with GET, every change through the outbox. */
import type { HomeVisitList, NewHomeVisit } from '../../domain/home-visits-api';
import type { NewOutboxItem } from '../../domain/outbox';
import { getJson } from './http';

export const getHomeVisits = () => getJson<HomeVisitList>('/api/home-visits');

export function requestHomeVisit(body: NewHomeVisit): NewOutboxItem<NewHomeVisit> {
  return { kind: 'home-visit', method: 'POST', url: '/api/home-visits', body, subject: null };
}

export function cancelHomeVisit(id: string): NewOutboxItem<Record<string, never>> {
  return {
    kind: 'cancel-home-visit',
    method: 'POST',
    url: `/api/home-visits/${encodeURIComponent(id)}/cancel`,
    body: {},
    subject: id,
  };
}

export function acceptAlternative(id: string): NewOutboxItem<Record<string, never>> {
  return {
    kind: 'accept-home-visit',
    method: 'POST',
    url: `/api/home-visits/${encodeURIComponent(id)}/accept-alternative`,
    body: {},
    subject: id,
  };
}
