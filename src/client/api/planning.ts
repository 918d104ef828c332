/**
 * The planner's API (/api/staff/planning): places, the day's agenda, closures, capacity
 * changes and the home-visit queue. Lazily loaded with the staff area. Changes carry an
 * Idempotency-Key made once per action (see api/staff.ts).
 */
import type {
  CapacityChanged,
  CapacityChangeList,
  ClosureCreated,
  ClosureList,
  DayAgenda,
  HomeVisitAlternative,
  HomeVisitPlanning,
  HomeVisitQueue,
  NewCapacityChange,
  NewClosure,
  PlanningLocationList,
  QueuedHomeVisitResponse,
} from '../../domain/planning-api';
import { staffRequest } from './staff';

const BASE = '/api/staff/planning';
const place = (locationId: string) => `${BASE}/locations/${encodeURIComponent(locationId)}`;
const visit = (visitId: string) => `${BASE}/home-visits/${encodeURIComponent(visitId)}`;

export const fetchLocations = () => staffRequest<PlanningLocationList>('GET', `${BASE}/locations`);

export const fetchAgenda = (locationId: string, date: string) =>
  staffRequest<DayAgenda>('GET', `${place(locationId)}/agenda?${new URLSearchParams({ date }).toString()}`);

export const fetchClosures = (locationId: string) => staffRequest<ClosureList>('GET', `${place(locationId)}/closures`);

export const createClosure = (locationId: string, closure: NewClosure, key: string) =>
  staffRequest<ClosureCreated>('POST', `${place(locationId)}/closures`, closure, key);

export const deleteClosure = (locationId: string, closureId: string, key: string) =>
  staffRequest<void>('DELETE', `${place(locationId)}/closures/${encodeURIComponent(closureId)}`, undefined, key);

export const fetchCapacityChanges = (locationId: string) =>
  staffRequest<CapacityChangeList>('GET', `${place(locationId)}/capacity-changes`);

export const createCapacityChange = (locationId: string, change: NewCapacityChange, key: string) =>
  staffRequest<CapacityChanged>('POST', `${place(locationId)}/capacity-changes`, change, key);

export const fetchHomeVisitQueue = () => staffRequest<HomeVisitQueue>('GET', `${BASE}/home-visits`);

export const planHomeVisit = (visitId: string, window: HomeVisitPlanning, key: string) =>
  staffRequest<QueuedHomeVisitResponse>('POST', `${visit(visitId)}/plan`, window, key);

export const offerAlternative = (visitId: string, offer: HomeVisitAlternative, key: string) =>
  staffRequest<QueuedHomeVisitResponse>('POST', `${visit(visitId)}/offer-alternative`, offer, key);

export const declineHomeVisit = (visitId: string, reason: string, key: string) =>
  staffRequest<QueuedHomeVisitResponse>('POST', `${visit(visitId)}/decline`, { reason }, key);

export const markHomeVisitDone = (visitId: string, key: string) =>
  staffRequest<QueuedHomeVisitResponse>('POST', `${visit(visitId)}/done`, undefined, key);
