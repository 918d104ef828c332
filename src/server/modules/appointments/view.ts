/** Stored appointments as the resident reads them (src/domain/appointments-api.ts). */
import { changeDeadline, canChange, routeLink } from '../../../domain/appointments';
import type { Appointment, AppointmentPlace } from '../../../domain/appointments-api';
import { formatDutchPhone } from '../../../domain/appointments-phone';
import { amsterdamWallClock } from '../../../domain/availability-time';
import { findAppointmentType, findOffice, type Consortium, type Office } from '../../../domain/consortium';
import type { AppointmentRow } from '../../db/schema';

export function toAppointmentPlace(office: Office): AppointmentPlace {
  return {
    id: office.id,
    name: office.name,
    address: { ...office.address },
    accessibility: { ...office.accessibility },
    routeUrl: routeLink(office.address),
    ...(office.phone ? { phone: office.phone } : {}),
    openingHours: office.openingHours.map((h) => ({ ...h })),
  };
}

/** A place the data no longer has (removed desk): show what we know, never another address. */
function unknownPlace(id: string): AppointmentPlace {
  return {
    id,
    name: id,
    address: { street: '', postalCode: '', city: '' },
    accessibility: { nl: '', en: '' },
    routeUrl: '',
    openingHours: [],
  };
}

export function toAppointment(row: AppointmentRow, consortium: Consortium, now: Date): Appointment {
  const type = findAppointmentType(consortium, row.type_code);
  const office = findOffice(consortium, row.place_id);
  const start = amsterdamWallClock(row.starts_at);
  const end = amsterdamWallClock(row.ends_at);
  const cutOff = consortium.appointments.changeCutOffHours;
  const place = office ? toAppointmentPlace(office) : unknownPlace(row.place_id);
  return {
    id: row.id,
    reference: row.reference,
    state: row.state,
    type: {
      code: row.type_code,
      name: type?.name ?? { nl: row.type_code, en: row.type_code },
      durationMinutes: Math.round((row.ends_at.getTime() - row.starts_at.getTime()) / 60_000),
    },
    channel: row.channel,
    place,
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    date: start.date,
    time: start.time,
    endTime: end.time,
    urgency: row.urgency,
    needs: {
      interpreter: row.needs_interpreter,
      wheelchair: row.needs_wheelchair,
      companion: row.needs_companion,
      note: row.needs_note,
    },
    phone: row.phone ? formatDutchPhone(row.phone) : null,
    whatToBring: (type?.whatToBring ?? []).map((t) => ({ ...t })),
    caseId: row.case_id,
    changeableUntil: changeDeadline(row.starts_at, cutOff).toISOString(),
    canChange: canChange(row.state, row.starts_at, now, cutOff),
    past: row.ends_at <= now,
    bookedAt: row.booked_at.toISOString(),
    rescheduledAt: row.rescheduled_at?.toISOString() ?? null,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    cancelReason: row.cancel_reason,
    links: {
      calendar: `/api/appointments/${row.id}/calendar.ics`,
      qr: `/api/appointments/${row.id}/qr.svg`,
      route: place.routeUrl,
    },
  };
}

/** Upcoming booked ones first (soonest first), then the rest (newest first). */
export function orderForResident(rows: AppointmentRow[], now: Date): AppointmentRow[] {
  const upcoming = rows.filter((r) => r.state === 'booked' && r.ends_at > now);
  const rest = rows.filter((r) => !upcoming.includes(r)).sort((a, b) => b.starts_at.getTime() - a.starts_at.getTime());
  return [...upcoming.sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime()), ...rest];
}
