/**
 * Which desk units are busy when: the bookings of one place indexed per unit, sorted, so a
 * slot asks "is unit 2 of 'spreekkamers' free from 09:00 to 09:45?" with a binary search.
 */
import type { DeskGroup } from './consortium-schema';

/** One desk unit: bookings claim exactly one (migration 004 keeps them from overlapping). */
export interface Unit {
  deskId: string;
  unit: number;
}

export interface BookedUnit extends Unit {
  start: Date;
  end: Date;
  typeCode: string;
}

interface Timeline {
  starts: number[];
  ends: number[];
}

export class Occupancy {
  private readonly units = new Map<string, Map<number, Timeline>>();
  /** Bookings on a desk the data no longer has (renamed, removed, or from before migration 004) */
  private readonly orphans: BookedUnit[] = [];

  constructor(bookings: readonly BookedUnit[], knownDesks: readonly string[]) {
    const known = new Set(knownDesks);
    const sorted = [...bookings].sort((a, b) => a.start.getTime() - b.start.getTime());
    for (const booking of sorted) {
      if (!known.has(booking.deskId)) {
        this.orphans.push(booking);
        continue;
      }
      let desk = this.units.get(booking.deskId);
      if (!desk) this.units.set(booking.deskId, (desk = new Map()));
      let timeline = desk.get(booking.unit);
      if (!timeline) desk.set(booking.unit, (timeline = { starts: [], ends: [] }));
      timeline.starts.push(booking.start.getTime());
      timeline.ends.push(booking.end.getTime());
    }
  }

  /**
   * The units of `group` a booking may take for [start, end), lowest numbers first, and no more
   * than the capacity allows. Busy units numbered above `capacity` (capacity was lowered after
   * they were booked) and orphaned bookings of a type this group serves still count against it,
   * so offering "the first `free` units" keeps the database constraint the arbiter under a race.
   */
  freeUnits(group: DeskGroup, capacity: number, start: Date, end: Date): Unit[] {
    const from = start.getTime();
    const to = end.getTime();
    let busyAbove = 0;
    const busy = new Set<number>();
    for (const [unit, timeline] of this.units.get(group.id) ?? []) {
      if (!overlaps(timeline, from, to)) continue;
      if (unit <= capacity) busy.add(unit);
      else busyAbove += 1;
    }
    const orphaned = this.orphans.filter(
      (o) => group.types.includes(o.typeCode) && o.start.getTime() < to && from < o.end.getTime(),
    ).length;
    let free = capacity - busy.size - busyAbove - orphaned;
    const result: Unit[] = [];
    for (let unit = 1; unit <= capacity && free > 0; unit += 1) {
      if (busy.has(unit)) continue;
      result.push({ deskId: group.id, unit });
      free -= 1;
    }
    return result;
  }
}

/** Does any booking on this unit overlap [from, to)? Bookings on one unit never overlap each other. */
function overlaps(timeline: Timeline, from: number, to: number): boolean {
  const { starts, ends } = timeline;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && starts[lo]! < to;
}
