import type { DomainEvent } from '@app/event-store';
import type { LogCut } from '../../monthly-summary/domain/monthly-summary.events';

// Stored event schema: version it, never edit it.
export const UnitDigestEventTypes = { Generated: 'UnitDigestGenerated' } as const;
export const UNIT_DIGEST_SCHEMA_VERSION = 1;

export const UNIT_DIGEST_STREAM_PREFIX = 'unit-digest-';

/**
 * One stream per zone and business date, holding one event with every unit's lines: the day's digest is read at
 * one cut of the log, so it is appended whole or not at all, and "already generated for this date" is one
 * stream's version — per-unit streams would need an atomic append over all of them to say the same.
 */
export function unitDigestStreamId(zone: string, date: string): string {
  return `${UNIT_DIGEST_STREAM_PREFIX}${zone}-${date}`;
}

/** The managers' digest (problems no unit has accepted) is listed under this id beside the units' ids. */
export const MANAGERS_DIGEST = 'managers';

export type DigestColour = 'red' | 'yellow' | 'blue';

/** Why a problem is on a unit's digest, as data (the Chinese text is derived from it, and stored beside it). */
export type DigestCause =
  | { kind: 'overdue'; workingDays: number | null }
  | { kind: 'extension_pending'; workingDays: number }
  | { kind: 'not_accepted'; workingDays: number | null }
  | { kind: 'due_soon'; workingDays: number | null };

/** Why a problem is on the managers' digest. */
export type EscalationCause = { kind: 'assigned_not_accepted'; workingDays: number; since: string } | { kind: 'returned_not_reassigned'; workingDays: number; since: string };

export interface DigestLine {
  problemId: string;
  title: string;
  enterpriseUscc: string;
  enterpriseName: string | null;
  deadline: string | null;
  colour: DigestColour;
  cause: DigestCause;
  reason: string;
}

export interface EscalationLine {
  problemId: string;
  title: string;
  enterpriseUscc: string;
  enterpriseName: string | null;
  /** The unit it sits with (assigned, not accepted); null once returned. */
  unitId: string | null;
  cause: EscalationCause;
  reason: string;
}

export interface UnitDigest {
  unitId: string;
  unitName: string;
  lines: DigestLine[];
}

export interface UnitDigestSnapshot {
  zone: string;
  /** The business date the colours are for (Asia/Shanghai); recorded-at is the event's own. */
  date: string;
  /** The problems read model's checkpoint the lines were read at, and the instant of its last event. */
  cut: LogCut;
  rules: { blueWithinWorkingDays: number; acceptanceLimitWorkingDays: number; escalateAfterWorkingDays: number };
  /** Active units with at least one coloured problem they lead, in unit id order. */
  units: UnitDigest[];
  escalation: EscalationLine[];
}

export type UnitDigestGenerated = DomainEvent<typeof UnitDigestEventTypes.Generated, UnitDigestSnapshot>;
export type UnitDigestEvent = UnitDigestGenerated;
