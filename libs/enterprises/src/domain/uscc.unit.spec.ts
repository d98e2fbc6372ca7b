import { checkUscc, isUscc, usccCheckCharacter } from './uscc';

describe('checkUscc (GB 32100-2015)', () => {
  /*
   * Huawei Technologies Co., Ltd. (华为技术有限公司), 914403001922038216, by hand:
   *   characters  9  1  4   4  0   3  0  0   1    9   2   2  0   3   8   2   1
   *   weights     1  3  9  27 19  26 16 17  20   29  25  13  8  24  10  30  28
   *   products    9  3 36 108  0  78  0  0  20  261  50  26  0  72  80  60  28   sum = 831
   *   831 mod 31 = 831 - 26 × 31 = 25;  31 - 25 = 6  →  check character '6' ✓
   */
  it('accepts real codes from business licences, Huawei’s checked by hand above', () => {
    expect(usccCheckCharacter('91440300192203821')).toBe('6');
    for (const code of [
      '914403001922038216', // 华为技术有限公司
      '91440300708461136T', // 深圳市腾讯计算机系统有限公司
      '91110108551385082Q', // 小米科技有限责任公司
    ]) {
      expect(checkUscc(code)).toEqual({ valid: true, uscc: code });
    }
  });

  it('maps a remainder of 0 (31 − 0 = 31) to check character 0, and 30 to Y, the last letter', () => {
    // All zeros: sum 0 → 31 → '0'.  '1' then zeros: sum 1 × 1 = 1 → 31 − 1 = 30 → alphabet[30] = 'Y'.
    expect(checkUscc('000000000000000000').valid).toBe(true);
    expect(checkUscc('10000000000000000Y').valid).toBe(true);
    expect(checkUscc('100000000000000000')).toMatchObject({ valid: false, expected: 'Y' });
  });

  it('refuses a wrong length, saying how long the code was', () => {
    expect(checkUscc('91440300192203821')).toMatchObject({ valid: false, reason: 'wrong_length', length: 17 });
    expect(checkUscc('9144030019220382160')).toMatchObject({ valid: false, reason: 'wrong_length', length: 19 });
    expect(checkUscc('')).toMatchObject({ valid: false, reason: 'wrong_length', length: 0 });
    // Code points, not UTF-16 units: one CJK character is one character.
    expect(checkUscc('91440300192203821华')).toMatchObject({ reason: 'illegal_character', position: 18, character: '华' });
  });

  it.each([
    ['I', '9144030019220382I6', 17],
    ['O', 'O14403001922038216', 1],
    ['Z', '91440300Z922038216', 9],
    ['S', '9144030019S2038216', 11],
    ['V', '914403001922038V16', 16],
  ])('refuses the excluded letter %s at its position', (character, code, position) => {
    expect(checkUscc(code)).toMatchObject({
      valid: false,
      reason: 'illegal_character',
      character,
      position,
      message: expect.stringContaining('never used'),
    });
  });

  it('refuses lower case and punctuation, naming the first bad position', () => {
    expect(checkUscc('91440300708461136t')).toMatchObject({
      reason: 'illegal_character',
      position: 18,
      character: 't',
      message: expect.stringContaining('upper case'),
    });
    expect(checkUscc('9144-3001922038216')).toMatchObject({ reason: 'illegal_character', position: 5, character: '-' });
  });

  it('refuses a wrong check character, naming the expected one', () => {
    const result = checkUscc('914403001922038217');
    expect(result).toEqual({
      valid: false,
      reason: 'wrong_check_character',
      expected: '6',
      actual: '7',
      message: "wrong check character '7' at position 18: expected '6'",
    });
    // A single mistyped body character is caught too (the weights differ at every position).
    expect(checkUscc('914403001922038226')).toMatchObject({ reason: 'wrong_check_character' });
  });

  it('isUscc is false for anything but a valid string', () => {
    expect(isUscc('914403001922038216')).toBe(true);
    expect(isUscc('914403001922038217')).toBe(false);
    expect(isUscc(18)).toBe(false);
    expect(isUscc(undefined)).toBe(false);
  });
});
