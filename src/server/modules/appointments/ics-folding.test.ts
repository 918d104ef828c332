/**
 * RFC 5545 3.1 folding by octets, checked with an independent parser (ical.js): no line longer
 * than 75 octets, no fold inside a UTF-8 character, and the text reads back unchanged.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldByOctets } from './ics-folding';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

function calendarWith(description: string): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:loket/test',
    'BEGIN:VEVENT',
    'UID:1@loket',
    'DTSTAMP:20260323T070000Z',
    `DESCRIPTION:${description}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
}

const readBack = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!.getFirstPropertyValue('description');

describe('iCalendar folding by octets', () => {
  it.each([
    ['an en dash near the fold', `${'a'.repeat(60)} – Werk en Inkomen – ${'b'.repeat(80)}`],
    ['two-octet letters across every fold', 'é'.repeat(200)],
    ['three-octet characters across every fold', '€'.repeat(200)],
    ['four-octet characters (emoji, surrogate pairs in JavaScript)', '📅'.repeat(100)],
    ['a mix, offset by one octet', `x${'ë–📅'.repeat(50)}`],
  ])('keeps every line within 75 octets and the text intact: %s', (_, description) => {
    const folded = foldByOctets(calendarWith(description));
    for (const line of folded.split('\r\n')) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      // A fold inside a character would leave a replacement character after decoding the bytes.
      expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(line, 'utf8'))).toBe(line);
      expect(line).not.toMatch(/\uFFFD/);
    }
    expect(readBack(folded)).toBe(description);
  });

  it('uses the room a line has: folds only where the next character would pass 75 octets', () => {
    const folded = foldByOctets(calendarWith('é'.repeat(100)));
    const lines = folded.split('\r\n').filter((l) => l.includes('é'));
    // 'DESCRIPTION:' is 12 octets, leaving room for 31 two-octet letters (74: a 32nd would make 76);
    // a continuation line holds its space and 37 letters (75 octets); the last 32 letters remain.
    expect(lines.map(octets)).toEqual([74, 75, 65]);
  });

  it('refolds text that was folded by characters before', () => {
    // How the `ics` package folds: after 75 characters, continuation with a tab.
    const byCharacters = `DESCRIPTION:${'–'.repeat(63)}\r\n\t${'–'.repeat(20)}`;
    const folded = foldByOctets(calendarWith('x').replace('DESCRIPTION:x', byCharacters));
    expect(folded.split('\r\n').every((line) => octets(line) <= 75)).toBe(true);
    expect(readBack(folded)).toBe('–'.repeat(83));
  });
});
