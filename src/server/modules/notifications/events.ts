/**
 * Records a notification event in the same transaction as the change that caused it (issue 8
 * point 5). Callers pass the transaction they are in (`dbFor(request, ctx)` in a route).
 */
import type { Kysely } from 'kysely';
import type { NotificationEvent } from '../../../domain/notification-events';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';

export async function recordNotificationEvent(_db: Kysely<Database>, _clock: Clock, _event: NotificationEvent): Promise<void> {
  // Filled in by the notifications module: inbox message + delivery jobs.
}
