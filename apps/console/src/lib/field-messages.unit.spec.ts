import { sayFieldMessages } from './field-messages';

describe('the console says the API’s field messages in Chinese', () => {
  it('from the rule, keeping the numbers the message gives', () => {
    expect(sayFieldMessages(['password must be 12-200 characters'], ['isLength'])).toBe('长度应为 12–200 个字符');
    expect(sayFieldMessages(['notes must be shorter than or equal to 5000 characters'], ['isLength'])).toBe('长度不能超过 5000 个字符');
    expect(sayFieldMessages(['limit must not be greater than 100'], ['max'])).toBe('不能大于 100');
    expect(sayFieldMessages(['visitedOn: 2024-02-30 is not a date in the calendar'], ['isCalendarDate'])).toBe('日历上没有这一天');
    expect(sayFieldMessages(['priority: property priority should not exist'], ['whitelistValidation'])).toBe('不允许提交此字段');
  });

  it('an English message quoting Chinese values is still translated; a Chinese one is kept', () => {
    expect(sayFieldMessages(['category must be one of the following values: 融资, 用工'], ['isIn'])).toBe('不是可选的值');
    expect(sayFieldMessages(['已有同名单位'], ['isUnique'])).toBe('已有同名单位');
  });

  it('keeps what it cannot translate, and joins several messages', () => {
    expect(sayFieldMessages(['The current password is wrong'], undefined)).toBe('The current password is wrong');
    expect(sayFieldMessages(['a must be an integer number', 'a must not be less than 1'], ['isInt', 'min'])).toBe('应为整数；不能小于 1');
  });
});
