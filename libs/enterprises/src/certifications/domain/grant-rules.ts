import { isCalendarDate } from '@app/platform/time';
import {
  CERTIFICATION_LEVELS,
  CERTIFICATION_TYPE_CODES,
  certificationRule,
  isCertificationType,
  LEVEL_NAMES,
  maximumValidTo,
  type CertificationLevel,
  type CertificationType,
} from './certification-types';

export interface GrantFieldError {
  field: string;
  message: string;
  /** 'dates' when the fields are fine alone but out of order together. */
  problem: 'invalid' | 'dates';
}

export interface GrantInput {
  certificationType: string;
  level: string;
  batch: string;
  documentNumber: string;
  announcedOn: string;
  validFrom: string;
  validTo?: string;
}

export interface CheckedGrant {
  type: CertificationType;
  level: CertificationLevel;
  batch: string;
  documentNumber: string;
  announcedOn: string;
  validFrom: string;
  validTo: string;
}

/**
 * The rules a grant must pass on its own (without the enterprise's other certifications). Every error is
 * reported, so an import preview can list them all; the decider throws the first.
 */
export function checkGrant(input: GrantInput): { grant: CheckedGrant; errors: [] } | { grant: null; errors: GrantFieldError[] } {
  const errors: GrantFieldError[] = [];
  const invalid = (field: string, message: string) => errors.push({ field, message, problem: 'invalid' });
  const type = input.certificationType;
  if (!isCertificationType(type)) invalid('type', `unknown certification type '${type}' (known: ${CERTIFICATION_TYPE_CODES.join(', ')})`);
  const level = input.level as CertificationLevel;
  if (!CERTIFICATION_LEVELS.includes(level)) {
    invalid('level', `unknown level '${input.level}' (known: province 省级, national 国家级)`);
  } else if (isCertificationType(type) && !certificationRule(type).levels.includes(level)) {
    const allowed = certificationRule(type).levels.map((l) => `${l} ${LEVEL_NAMES[l]}`).join(', ');
    invalid('level', `${certificationRule(type).name} is not awarded at level ${level} (only ${allowed})`);
  }
  for (const field of ['batch', 'documentNumber'] as const) {
    if (typeof input[field] !== 'string' || input[field].trim() === '') invalid(field, 'must not be empty');
  }
  for (const field of ['announcedOn', 'validFrom'] as const) {
    if (!isCalendarDate(input[field])) invalid(field, `${String(input[field])} is not a date (YYYY-MM-DD)`);
  }
  if (input.validTo !== undefined && !isCalendarDate(input.validTo)) invalid('validTo', `${input.validTo} is not a date (YYYY-MM-DD)`);
  if (errors.length > 0 || !isCertificationType(type)) return { grant: null, errors };

  const longest = maximumValidTo(type, input.validFrom);
  const validTo = input.validTo ?? longest;
  // announcedOn may fall before or after validFrom (lists are published late, or ahead): no order between them.
  if (validTo < input.validFrom) {
    errors.push({ field: 'validTo', message: `validTo ${validTo} is before validFrom ${input.validFrom}`, problem: 'dates' });
  } else if (validTo > longest) {
    const rule = certificationRule(type);
    const span = rule.validity.kind === 'years' ? `${rule.validity.years} years` : 'the calendar year';
    invalid('validTo', `${rule.name} is valid for ${span}: from ${input.validFrom} at most until ${longest}, not ${validTo}`);
  }
  if (errors.length > 0) return { grant: null, errors };
  const { batch, documentNumber, announcedOn, validFrom } = input;
  return { grant: { type, level, batch: batch.trim(), documentNumber: documentNumber.trim(), announcedOn, validFrom, validTo }, errors: [] };
}
