/**
 * Every certification type the bureau counts, as data: its Chinese name, the levels it is awarded at and
 * its validity rule. The decider, the import and the counts all read this table; change a rule here only.
 */
export const CERTIFICATION_LEVELS = ['province', 'national'] as const;
export type CertificationLevel = (typeof CERTIFICATION_LEVELS)[number];

export const LEVEL_NAMES: Record<CertificationLevel, string> = { province: '省级', national: '国家级' };

export type ValidityRule =
  /** A window of N years from valid-from, last day included (2024-01-01 → 2026-12-31). */
  | { kind: 'years'; years: number }
  /** 入库 per year: valid from valid-from to 31 December of the same year. */
  | { kind: 'calendar_year' };

export interface CertificationTypeRule {
  name: string;
  levels: readonly CertificationLevel[];
  validity: ValidityRule;
  /** 复核 by batch extends the window by another validity period; otherwise the firm re-applies (a new grant). */
  renewable: boolean;
  /**
   * Re-application before the old window ends is normal for 高企 (the new certificate supersedes); for the
   * others an overlapping second grant is a mistake (it should have been a 复核).
   */
  reapplicationMayOverlap: boolean;
  /** Other spellings seen on announced lists (the import accepts them). */
  aliases: readonly string[];
}

const THREE_YEARS: ValidityRule = { kind: 'years', years: 3 };

export const CERTIFICATION_TYPES = {
  innovative_sme: {
    name: '创新型中小企业',
    levels: ['province'],
    validity: THREE_YEARS,
    renewable: true,
    reapplicationMayOverlap: false,
    aliases: [],
  },
  specialized_sme: {
    name: '省级专精特新中小企业',
    levels: ['province'],
    validity: THREE_YEARS,
    renewable: true,
    reapplicationMayOverlap: false,
    aliases: ['专精特新中小企业'],
  },
  little_giant: {
    name: '国家级专精特新"小巨人"',
    levels: ['national'],
    validity: THREE_YEARS,
    renewable: true,
    reapplicationMayOverlap: false,
    aliases: ['国家级专精特新“小巨人”', '专精特新"小巨人"', '专精特新“小巨人”', '专精特新小巨人', '小巨人'],
  },
  single_champion: {
    name: '单项冠军',
    levels: ['province', 'national'],
    validity: THREE_YEARS,
    renewable: true,
    reapplicationMayOverlap: false,
    aliases: ['制造业单项冠军'],
  },
  high_tech: {
    name: '高新技术企业',
    levels: ['national'],
    validity: THREE_YEARS,
    renewable: false,
    reapplicationMayOverlap: true,
    aliases: ['高企'],
  },
  tech_sme: {
    name: '科技型中小企业',
    levels: ['national'],
    validity: { kind: 'calendar_year' },
    renewable: false,
    reapplicationMayOverlap: false,
    aliases: ['国家科技型中小企业'],
  },
} as const satisfies Record<string, CertificationTypeRule>;

export type CertificationType = keyof typeof CERTIFICATION_TYPES;
export const CERTIFICATION_TYPE_CODES = Object.keys(CERTIFICATION_TYPES) as CertificationType[];

export function isCertificationType(value: unknown): value is CertificationType {
  return typeof value === 'string' && Object.hasOwn(CERTIFICATION_TYPES, value);
}

export function certificationRule(type: CertificationType): CertificationTypeRule {
  return CERTIFICATION_TYPES[type];
}

/** The last day a window may reach when it starts on validFrom. */
export function maximumValidTo(type: CertificationType, validFrom: string): string {
  const rule = certificationRule(type).validity;
  if (rule.kind === 'calendar_year') return `${validFrom.slice(0, 4)}-12-31`;
  return lastDayOfYears(validFrom, rule.years);
}

/** Where a passed 复核 takes the window: one more validity period after the current end. */
export function renewedValidTo(type: CertificationType, currentValidTo: string): string {
  return maximumValidTo(type, addDays(currentValidTo, 1));
}

export function lastDayOfYears(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number);
  // Date.UTC rolls 29 February into 1 March in a common year, so the day before is 28 February.
  return addDays(new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10), -1);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
