import { checkUscc } from '../../../../libs/enterprises/src/domain/uscc';

/**
 * The API's own USCC rule (GB 32100-2015, libs/enterprises/src/domain/uscc.ts — the same file, not a copy),
 * with its refusals in Chinese. Null when the code is valid.
 */
export function usccProblem(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code === '') return '请填写统一社会信用代码';
  const check = checkUscc(code);
  if (check.valid) return null;
  switch (check.reason) {
    case 'wrong_length':
      return `统一社会信用代码为18位，当前为${check.length}位`;
    case 'illegal_character':
      return `第${check.position}位“${check.character}”不是合法字符（不使用 I、O、Z、S、V）`;
    case 'wrong_check_character':
      return `校验位错误：第18位应为“${check.expected}”，实为“${check.actual}”`;
  }
}

export const normalizeUscc = (raw: string): string => raw.trim().toUpperCase();
