import type { PublicConfig } from '../../domain/api';
import { getJson } from './http';

/** Public facts about the consortium: name, look, offices. No login needed. */
export function fetchPublicConfig(): Promise<PublicConfig> {
  return getJson<PublicConfig>('/api/config');
}
