import { describe, expect, it } from 'vitest';
import {
  HOME_VISIT_STATES,
  isFinalHomeVisitState,
  nextHomeVisitState,
  normalizeAtHome,
  type HomeVisitEvent,
  type HomeVisitState,
} from './home-visits';

describe('home-visit states', () => {
  it.each<[HomeVisitState, HomeVisitEvent, HomeVisitState | null]>([
    ['requested', 'plan', 'planned'],
    ['requested', 'offer_alternative', 'alternative_offered'],
    ['requested', 'decline', 'declined'],
    ['requested', 'cancel', 'cancelled'],
    ['requested', 'mark_done', null],
    ['requested', 'accept_alternative', null],
    ['alternative_offered', 'accept_alternative', 'planned'],
    ['alternative_offered', 'plan', 'planned'],
    ['alternative_offered', 'cancel', 'cancelled'],
    ['planned', 'plan', 'planned'],
    ['planned', 'mark_done', 'done'],
    ['planned', 'cancel', 'cancelled'],
    ['planned', 'decline', null],
    ['done', 'cancel', null],
    ['declined', 'plan', null],
    ['cancelled', 'plan', null],
  ])('%s + %s -> %s', (state, event, next) => {
    expect(nextHomeVisitState(state, event)).toBe(next);
  });

  it('knows the final states', () => {
    expect(HOME_VISIT_STATES.filter(isFinalHomeVisitState)).toEqual(['declined', 'done', 'cancelled']);
  });

  it('keeps each part of a day once, ordered by day and morning first', () => {
    expect(
      normalizeAtHome([
        { day: 3, part: 'afternoon' },
        { day: 1, part: 'afternoon' },
        { day: 3, part: 'morning' },
        { day: 1, part: 'afternoon' },
      ]),
    ).toEqual([
      { day: 1, part: 'afternoon' },
      { day: 3, part: 'morning' },
      { day: 3, part: 'afternoon' },
    ]);
  });
});
