/** An outbox item's state in plain words (i18n key) and the colour that goes with it. */
import type { OutboxItem } from '../../../domain/outbox';

export type Tone = 'neutral' | 'warning' | 'danger' | 'safe';

/** 'outbox.state.<word>': what the resident needs to know, not what the machine does. */
export function stateWord(item: Pick<OutboxItem, 'state' | 'lastError'>, online: boolean): string {
  switch (item.state) {
    case 'queued':
      if (item.lastError?.status === 401) return 'waitingForLogin';
      return online ? 'queued' : 'waiting';
    case 'failed':
      return item.lastError?.status === 0 ? 'waiting' : 'failed';
    case 'cancelled':
      return 'refused';
    default:
      return item.state;
  }
}

export function stateTone(item: Pick<OutboxItem, 'state'>): Tone {
  if (item.state === 'sent') return 'safe';
  if (item.state === 'refused') return 'danger';
  return item.state === 'failed' ? 'warning' : 'neutral';
}
