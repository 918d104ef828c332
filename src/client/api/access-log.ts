import type { AccessLog } from '../../domain/staff-api';
import { getJson } from './http';

/** "Wie keek in mijn gegevens": the signed-in resident's access log, newest first. */
export function fetchAccessLog(): Promise<AccessLog> {
  return getJson<AccessLog>('/api/me/access-log');
}
