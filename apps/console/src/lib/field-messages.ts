/**
 * The API's field messages are English, for API users; each comes with the rule it names (`codes`). The console
 * says them in Chinese from the rule, keeping the numbers the English message gives (lengths, bounds). A message
 * that is already Chinese, or whose rule has no entry here, is shown as the API wrote it.
 */
type Say = (numbers: string[], english: string) => string;

const RULES: Record<string, Say> = {
  isNotEmpty: () => '必填',
  isDefined: () => '必填',
  whitelistValidation: () => '不允许提交此字段',
  isString: () => '应填写文字',
  isLength: (n, en) =>
    n.length >= 2 ? `长度应为 ${n[0]}–${n[1]} 个字符` : /shorter|at most/.test(en) ? `长度不能超过 ${n[0]} 个字符` : n.length ? `长度不能少于 ${n[0]} 个字符` : '长度不符合要求',
  matches: () => '格式不正确',
  isIn: () => '不是可选的值',
  isEnum: () => '不是可选的值',
  isInt: () => '应为整数',
  isNumber: () => '应为数字',
  min: (n) => (n.length ? `不能小于 ${n[0]}` : '数值过小'),
  max: (n) => (n.length ? `不能大于 ${n[0]}` : '数值过大'),
  isBoolean: () => '应为“是”或“否”',
  isUuid: () => '编号格式不正确',
  isUUID: () => '编号格式不正确',
  isCalendarDate: (_n, en) => (/required/.test(en) ? '必填（日期）' : /not a date in the calendar/.test(en) ? '日历上没有这一天' : '日期格式应为 YYYY-MM-DD'),
  isDate: () => '时间格式不正确',
  isIso8601: () => '时间格式不正确',
  isOnOrAfter: () => '结束日期不能早于开始日期',
  isUscc: (_n, en) => (/check character/.test(en) ? '统一社会信用代码校验位不正确' : '统一社会信用代码应为 18 位'),
  isArray: () => '应为列表',
  arrayMinSize: (n) => (n.length ? `至少需要 ${n[0]} 项` : '至少需要一项'),
  arrayMaxSize: (n) => (n.length ? `最多 ${n[0]} 项` : '项数过多'),
};

/** Written in Chinese: its first word is (an English message may quote Chinese values, e.g. the categories). */
const WRITTEN_IN_CHINESE = /^\s*[\u4e00-\u9fff]/;

/** One field's messages in Chinese, joined for display next to the field. */
export function sayFieldMessages(messages: readonly string[], codes: readonly string[] | undefined): string {
  return messages
    .map((english, i) => {
      const say = codes?.[i] ? RULES[codes[i]] : undefined;
      if (WRITTEN_IN_CHINESE.test(english) || WRITTEN_IN_CHINESE.test(stripFieldName(english))) return english;
      if (!say) return english;
      return say(english.match(/\d+(?:\.\d+)?/g) ?? [], english);
    })
    .join('；');
}

/** "title: …" and "title must …" start with the field's own name, which may itself contain digits or CJK. */
function stripFieldName(message: string): string {
  return message.replace(/^[\w.[\]]+(:| must| should)/, '');
}
