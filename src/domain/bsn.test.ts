import { describe, expect, it } from 'vitest';
import { isValidBsn, maskBsn } from './bsn';

describe('isValidBsn (elfproef)', () => {
  it.each(['999990019', '999990032', '999990044', '999990056', '999990068', '111222333', '123456782'])(
    'accepts %s',
    (bsn) => expect(isValidBsn(bsn)).toBe(true),
  );

  it.each([
    ['999990018', 'wrong check digit'],
    ['123456789', 'fails the eleven test'],
    ['12345678', 'eight digits'],
    ['1234567890', 'ten digits'],
    ['99999001a', 'a letter'],
    [' 99999001', 'a space'],
    ['000000000', 'all zeros'],
    ['', 'empty'],
  ])('refuses %s (%s)', (bsn) => expect(isValidBsn(bsn)).toBe(false));

  it('masks all but the last three digits', () => {
    expect(maskBsn('999990019')).toBe('******019');
  });
});
