import { validateSync } from 'class-validator';
import { IsCalendarDate } from '@app/platform';
import { IsUscc } from './is-uscc';

class Body {
  @IsUscc()
  uscc: unknown;

  @IsCalendarDate()
  effectiveOn: unknown;
}

function messages(uscc: unknown, ...date: unknown[]): Record<string, string[]> {
  const body = Object.assign(new Body(), { uscc, effectiveOn: date.length > 0 ? date[0] : '2024-02-29' });
  return Object.fromEntries(validateSync(body).map((e) => [e.property, Object.values(e.constraints ?? {})]));
}

describe('DTO validators', () => {
  it('@IsUscc passes a valid code', () => {
    expect(messages('91440300708461136T')).toEqual({});
  });

  it('@IsUscc names the reason in its message', () => {
    expect(messages('914403001922038217')).toEqual({ uscc: ["uscc: wrong check character '7' at position 18: expected '6'"] });
    expect(messages('9144030019220382')).toEqual({ uscc: ['uscc: a USCC has 18 characters, this one has 16'] });
    expect(messages('91440300I922038216')).toEqual({ uscc: [expect.stringContaining("illegal character 'I' at position 9")] });
    expect(messages(18)).toEqual({ uscc: [expect.stringContaining('must be a string')] });
  });

  it('@IsCalendarDate refuses impossible dates and other shapes, saying which', () => {
    expect(messages('914403001922038216', '2024-02-30')).toEqual({
      effectiveOn: ['effectiveOn: 2024-02-30 is not a date in the calendar'],
    });
    expect(messages('914403001922038216', '30/02/2024')).toEqual({ effectiveOn: ['effectiveOn must be a date written YYYY-MM-DD'] });
    expect(messages('914403001922038216', undefined)).toEqual({ effectiveOn: [expect.stringContaining('YYYY-MM-DD')] });
  });
});
