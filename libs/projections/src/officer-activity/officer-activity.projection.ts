import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '@lib/event-store';
import type { Projection } from '../projection';
import { OFFICER_ACTIVITY_EVENT_TYPES, officerActionOf, sumActions, type OfficerAction } from './officer-activity.evolve';

/** Vietnam's legal time, as the shipped programme's calendar gives it. */
export const VIETNAM_UTC_OFFSET_MINUTES = 420;

/**
 * Steps performed per officer per day. Counters only move forward; the projector commits a
 * batch with its checkpoint, so no event is counted twice.
 */
export class OfficerActivityProjection implements Projection {
  readonly name = 'officer-activity';
  readonly version = 1;
  readonly handles = OFFICER_ACTIVITY_EVENT_TYPES;
  readonly tables = ['officer_activity'];

  constructor(private readonly utcOffsetMinutes = VIETNAM_UTC_OFFSET_MINUTES) {}

  async apply(manager: EntityManager, events: readonly StoredEvent[]): Promise<void> {
    const sums = sumActions(events.map((event) => officerActionOf(event, this.utcOffsetMinutes)).filter((action): action is OfficerAction => action !== null));
    if (sums.length === 0) return;
    await manager.query(
      `INSERT INTO officer_activity AS o (officer_id, day, step, action, count, amount)
       SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::int[], $6::bigint[])
       ON CONFLICT (officer_id, day, step, action) DO UPDATE SET count = o.count + EXCLUDED.count, amount = o.amount + EXCLUDED.amount`,
      [sums.map((s) => s.officerId), sums.map((s) => s.day), sums.map((s) => s.step), sums.map((s) => s.action), sums.map((s) => s.count), sums.map((s) => s.amount)],
    );
  }
}
