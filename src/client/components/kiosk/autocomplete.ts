/**
 * Browsers remember what was typed in a form (phone numbers, addresses, notes) and offer it to
 * the next person. On a shared device (kiosk) personal fields say autocomplete="off"; on a
 * personal device they keep their autofill token (autocomplete="tel"), which helps the resident
 * (WCAG 1.3.5).
 *
 *   const autocomplete = useSharedAutocomplete();
 *   <input type="tel" :autocomplete="autocomplete('tel')" />
 */
import { useDeviceStore } from '../../stores/device';

export function useSharedAutocomplete(): (token: string) => string {
  const device = useDeviceStore();
  return (token) => (device.mode === 'shared' ? 'off' : token);
}
