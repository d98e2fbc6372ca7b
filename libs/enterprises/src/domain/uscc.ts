/**
 * 统一社会信用代码 (unified social credit code, USCC) per GB 32100-2015: 18 characters from a 31-character
 * alphabet (no I, O, Z, S, V, so they cannot be misread as 1, 0, 2, 5, U), the last one a check character
 * over the first 17. Pure: shared by the decider, the DTO decorator and the tests.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_LENGTH = 18;

/** Weight of position i is 3^i mod 31, as the standard tabulates it. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccCheck =
  | { valid: true; uscc: string }
  | { valid: false; reason: 'wrong_length'; length: number; message: string }
  /** position is 1-based, as a person counts the characters on a business licence. */
  | { valid: false; reason: 'illegal_character'; position: number; character: string; message: string }
  | { valid: false; reason: 'wrong_check_character'; expected: string; actual: string; message: string };

export type UsccFailure = Exclude<UsccCheck, { valid: true }>;

/** The check character for the first 17 characters (which must already be from the alphabet). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += WEIGHTS[i] * USCC_ALPHABET.indexOf(first17[i]);
  const check = 31 - (sum % 31);
  return USCC_ALPHABET[check === 31 ? 0 : check];
}

/** Checks a code exactly as given: no trimming, no case folding (normalise at the boundary first). */
export function checkUscc(code: string): UsccCheck {
  // Count code points, so a stray emoji or CJK character reports a sensible length and position.
  const chars = [...code];
  if (chars.length !== USCC_LENGTH) {
    return {
      valid: false,
      reason: 'wrong_length',
      length: chars.length,
      message: `a USCC has ${USCC_LENGTH} characters, this one has ${chars.length}`,
    };
  }
  const bad = chars.findIndex((c) => !USCC_ALPHABET.includes(c));
  if (bad >= 0) {
    const character = chars[bad];
    const hint = /^[a-z]$/.test(character)
      ? ' (letters are upper case)'
      : 'IOZSV'.includes(character)
        ? ' (I, O, Z, S and V are never used)'
        : '';
    return {
      valid: false,
      reason: 'illegal_character',
      position: bad + 1,
      character,
      message: `illegal character '${character}' at position ${bad + 1}: only 0-9 and A-H J-N P Q R T U W X Y are allowed${hint}`,
    };
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  const actual = code[17];
  if (actual !== expected) {
    return {
      valid: false,
      reason: 'wrong_check_character',
      expected,
      actual,
      message: `wrong check character '${actual}' at position 18: expected '${expected}'`,
    };
  }
  return { valid: true, uscc: code };
}

export function isUscc(code: unknown): code is string {
  return typeof code === 'string' && checkUscc(code).valid;
}
