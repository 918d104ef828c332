/**
 * What the schema cannot say about appointment data in a consortium file: references between
 * types and places resolve, every offered type has a desk, desk hours lie within opening hours,
 * closures are real dates. Every problem names its JSON path, like the other consortium checks.
 */
import { officesOf, type Consortium, type DeskGroup, type Office } from './consortium-schema';
import { isIsoDate } from './dates';

type Report = (path: string, message: string) => void;

export function checkAppointments(c: Consortium, report: Report): void {
  checkTypes(c, report);
  for (const [path, office] of officesOf(c)) {
    checkDesks(c, path, office, report);
    checkClosures(path, office, report);
  }
}

const servingDesks = (office: Office | undefined, code: string, urgent: boolean) =>
  (office?.desks ?? []).filter((d) => d.types.includes(code) && Boolean(d.urgentOnly) === urgent);

function checkTypes(c: Consortium, report: Report): void {
  const offices = new Map(officesOf(c).map(([, o]) => [o.id, o]));
  const codes = new Set<string>();
  c.appointments.types.forEach((type, i) => {
    const path = `/appointments/types/${i}`;
    if (codes.has(type.code)) report(`${path}/code`, `duplicate appointment type '${type.code}'`);
    codes.add(type.code);
    type.locations.forEach((id, j) => {
      const office = offices.get(id);
      if (!office) report(`${path}/locations/${j}`, `unknown place '${id}'`);
      else if (servingDesks(office, type.code, false).length === 0) {
        report(`${path}/locations/${j}`, `no desk at '${id}' serves '${type.code}' (add it to a desk group's types)`);
      }
    });
    const channels = type.channels;
    channels.forEach((ch, j) => {
      if (channels.indexOf(ch) !== j) report(`${path}/channels/${j}`, `channel '${ch}' listed twice`);
    });
    if (type.urgentCapable && !type.locations.some((id) => servingDesks(offices.get(id), type.code, true).length > 0)) {
      report(
        `${path}/urgentCapable`,
        'needs reserved urgent capacity: a desk group with urgentOnly at one of its locations',
      );
    }
  });
}

function checkDesks(c: Consortium, path: string, office: Office, report: Report): void {
  const ids = new Set<string>();
  (office.desks ?? []).forEach((desk, i) => {
    const at = `${path}/desks/${i}`;
    if (ids.has(desk.id)) report(`${at}/id`, `duplicate desk id '${desk.id}'`);
    ids.add(desk.id);
    desk.types.forEach((code, j) => {
      const type = c.appointments.types.find((t) => t.code === code);
      if (!type) report(`${at}/types/${j}`, `unknown appointment type '${code}'`);
      else if (!type.locations.includes(office.id)) {
        report(`${at}/types/${j}`, `'${code}' is not offered at '${office.id}' (add it to the type's locations)`);
      } else if (desk.urgentOnly && !type.urgentCapable) {
        report(`${at}/types/${j}`, `an urgentOnly desk can only serve urgentCapable types, not '${code}'`);
      }
    });
    checkDeskHours(at, desk, office, report);
  });
}

function checkDeskHours(at: string, desk: DeskGroup, office: Office, report: Report): void {
  desk.hours.forEach((h, i) => {
    const path = `${at}/hours/${i}`;
    if (h.from >= h.until) report(path, `from (${h.from}) must be before until (${h.until})`);
    h.days.forEach((day, j) => {
      if (h.days.indexOf(day) !== j) report(`${path}/days/${j}`, `day ${day} listed twice`);
      const open = office.openingHours.some((o) => o.day === day && o.opens <= h.from && h.until <= o.closes);
      if (!open) report(path, `${h.from}-${h.until} on day ${day} is outside the opening hours`);
      const overlap = desk.hours.findIndex(
        (o, k) => k < i && o.days.includes(day) && o.from < h.until && h.from < o.until,
      );
      if (overlap >= 0) report(path, `overlaps hours/${overlap} on day ${day}`);
    });
  });
}

function checkClosures(path: string, office: Office, report: Report): void {
  (office.closures ?? []).forEach((closure, i) => {
    const at = `${path}/closures/${i}`;
    if (!isIsoDate(closure.date)) report(`${at}/date`, `'${closure.date}' is not a calendar date`);
    if ((closure.from === undefined) !== (closure.until === undefined)) {
      report(at, 'a partial closure needs both from and until (leave both out for the whole day)');
    } else if (closure.from !== undefined && closure.until !== undefined && closure.from >= closure.until) {
      report(at, `from (${closure.from}) must be before until (${closure.until})`);
    }
  });
}
