import { assertNever, DomainError, type Decider, type DomainEvent, type DomainErrorKind } from '@app/event-store';
import { isCalendarDate } from '@app/platform/time';
import { certificationRule, isCertificationType, type CertificationLevel, type CertificationType } from './certification-types';

/*
 * City/province totals are event-sourced (one stream, `reference-totals`) rather than a plain admin table:
 * a share published in June must be reproducible in December, so a corrected total is a new event and
 * knownAt can still find the denominator that was used. The admin entering it is on the event's metadata.
 */
export const REFERENCE_TOTALS_STREAM = 'reference-totals';
export const REFERENCE_TOTAL_ENTERED = 'CertificationReferenceTotalEntered';

export const REFERENCE_SCOPES = ['city', 'province'] as const;
export type ReferenceScope = (typeof REFERENCE_SCOPES)[number];
/**
 * Which zone count the total is comparable with: valid firms, 累计培育, or 新增 (a 新增 total dated D is the city's
 * or province's new firms from 1 January of D's year to D). A value added to an existing field: the event shape is unchanged.
 */
export const REFERENCE_MEASURES = ['currently_valid', 'ever_certified', 'new_in_period'] as const;
export type ReferenceMeasure = (typeof REFERENCE_MEASURES)[number];

export interface ReferenceTotalData {
  type: CertificationType;
  level: CertificationLevel;
  scope: ReferenceScope;
  measure: ReferenceMeasure;
  asOf: string;
  total: number;
  /** Where the figure comes from, e.g. "市工信局 2024年6月通报". */
  source: string;
}

export type ReferenceTotalEntered = DomainEvent<typeof REFERENCE_TOTAL_ENTERED, ReferenceTotalData>;
export interface EnterReferenceTotal extends Omit<ReferenceTotalData, 'type' | 'level'> {
  type: 'EnterReferenceTotal';
  certificationType: string;
  level: string;
}

export class InvalidReferenceTotalError extends DomainError {
  readonly code = 'INVALID_REFERENCE_TOTAL';
  override readonly kind: DomainErrorKind = 'invalid';
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`, { field });
  }
}

/** The latest entry per (type, level, scope, measure, asOf): enough to recognise a repeat. */
type ReferenceTotalsState = Record<string, { total: number; source: string }>;
const keyOf = (d: Pick<ReferenceTotalData, 'type' | 'level' | 'scope' | 'measure' | 'asOf'>) =>
  `${d.type}|${d.level}|${d.scope}|${d.measure}|${d.asOf}`;

function enter(command: EnterReferenceTotal, state: ReferenceTotalsState): ReferenceTotalEntered[] {
  const { certificationType: type, level, scope, measure, asOf, total, source } = command;
  if (!isCertificationType(type)) throw new InvalidReferenceTotalError('type', `unknown certification type '${type}'`);
  if (!(certificationRule(type).levels as readonly string[]).includes(level)) {
    throw new InvalidReferenceTotalError('level', `${certificationRule(type).name} is not awarded at level ${level}`);
  }
  if (!REFERENCE_SCOPES.includes(scope)) throw new InvalidReferenceTotalError('scope', `must be city or province`);
  if (!REFERENCE_MEASURES.includes(measure)) throw new InvalidReferenceTotalError('measure', `must be currently_valid, ever_certified or new_in_period`);
  if (!isCalendarDate(asOf)) throw new InvalidReferenceTotalError('asOf', `${asOf} is not a date`);
  if (!Number.isSafeInteger(total) || total < 1) throw new InvalidReferenceTotalError('total', 'must be a positive whole number');
  if (source.trim() === '') throw new InvalidReferenceTotalError('source', 'must not be empty');
  const data = { type, level: level as CertificationLevel, scope, measure, asOf, total, source: source.trim() };
  const current = state[keyOf(data)];
  // The same figure again (a retry): nothing to record. A different one is a correction: a new event.
  if (current && current.total === total && current.source === data.source) return [];
  return [{ type: REFERENCE_TOTAL_ENTERED, schemaVersion: 1, data, businessTime: `${asOf}T00:00:00+08:00` }];
}

export const referenceTotalsDecider: Decider<EnterReferenceTotal, ReferenceTotalsState, ReferenceTotalEntered> = {
  initialState: () => ({}),
  decide(command, state) {
    switch (command.type) {
      case 'EnterReferenceTotal':
        return enter(command, state);
      default:
        return assertNever(command.type, 'reference total command');
    }
  },
  evolve: (state, event) =>
    event.type === REFERENCE_TOTAL_ENTERED ? { ...state, [keyOf(event.data)]: { total: event.data.total, source: event.data.source } } : state,
};
