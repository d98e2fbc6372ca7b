import { DomainError, assertNever, type Decider } from '@app/event-store';
import { UNIT_DIGEST_SCHEMA_VERSION, UnitDigestEventTypes as T, type UnitDigestEvent, type UnitDigestSnapshot } from './unit-digest.events';

export interface GenerateUnitDigestCommand extends UnitDigestSnapshot {
  type: 'GenerateUnitDigest';
  /** Today in Asia/Shanghai, from the caller: decide never reads the clock. */
  today: string;
}

export type UnitDigestCommand = GenerateUnitDigestCommand;

export interface UnitDigestState {
  generated: boolean;
}

/**
 * A digest reads the problems as they stand, so it is only true on its own day: one made later would show today's
 * problems under an earlier date (problems raised since, colours of problems concluded since), one made earlier a guess.
 */
export class DigestDateNotToday extends DomainError {
  readonly code = 'DIGEST_DATE_NOT_TODAY';
  override readonly kind = 'invalid';
  constructor(date: string, today: string) {
    super(
      date > today
        ? `A digest for ${date} cannot be made before that day (today is ${today})`
        : `A digest for ${date} can no longer be made: it reads the problems as they stand today (${today})`,
      { date, today },
    );
  }
}

function decide(command: UnitDigestCommand, state: UnitDigestState): UnitDigestEvent[] {
  switch (command.type) {
    case 'GenerateUnitDigest': {
      const { type: _type, today, ...snapshot } = command;
      // A digest is what was sent that morning: a second run (retry, manual trigger, even after midnight) keeps the first.
      if (state.generated) return [];
      if (snapshot.date !== today) throw new DigestDateNotToday(snapshot.date, today);
      return [{ type: T.Generated, schemaVersion: UNIT_DIGEST_SCHEMA_VERSION, data: snapshot }];
    }
    default:
      return assertNever(command.type, 'command');
  }
}

function evolve(state: UnitDigestState, event: UnitDigestEvent): UnitDigestState {
  switch (event.type) {
    case T.Generated:
      return { generated: true };
    default:
      return state;
  }
}

/** 每日提醒: one stream per zone and date; the first generation is the digest, later runs append nothing. */
export const unitDigestDecider: Decider<UnitDigestCommand, UnitDigestState, UnitDigestEvent> = {
  initialState: () => ({ generated: false }),
  decide,
  evolve,
};
