import { describe, expect, it } from 'vitest';
import { formatDutchPhone, normalizeDutchPhone } from './appointments-phone';

describe('Dutch phone numbers', () => {
  it.each([
    ['06 12345678', '+31612345678', '06 12345678'],
    ['06-12345678', '+31612345678', '06 12345678'],
    ['+31 6 1234 5678', '+31612345678', '06 12345678'],
    ['0031612345678', '+31612345678', '06 12345678'],
    ['+31 (0)6 12345678', '+31612345678', '06 12345678'],
    ['(070) 123 45 67', '+31701234567', '070 123 4567'],
    ['0345-123456', '+31345123456', '0345 123 456'],
  ])('%s is %s, written %s', (input, e164, shown) => {
    expect(normalizeDutchPhone(input)).toBe(e164);
    expect(formatDutchPhone(e164)).toBe(shown);
  });

  it.each([
    '',
    '12345',
    '0612345',
    '061234567890',
    '+32 470 12 34 56',
    '0800 1234567',
    '0900-1234567',
    'zes twaalf',
    '06 1234567a',
  ])('refuses %j', (input) => expect(normalizeDutchPhone(input)).toBeNull());
});
