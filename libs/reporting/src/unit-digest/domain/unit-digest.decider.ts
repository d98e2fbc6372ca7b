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

export class DigestDateInFuture extends DomainError {
  readonly code = 'DIGEST_DATE_IN_FUTURE';
  override readonly kind = 'invalid';
  constructor(date: string, today: string) {
    super(`A digest for ${date} cannot be made before that day (today is ${today})`, { date, today });
  }
}

function decide(command: UnitDigestCommand, state: UnitDigestState): UnitDigestEvent[] {
  switch (command.type) {
    case 'GenerateUnitDigest': {
      const { type: _type, today, ...snapshot } = command;
      // The colours are read from the problems as they stand: a digest of a day not yet begun would be a guess.
      if (snapshot.date > today) throw new DigestDateInFuture(snapshot.date, today);
      // A digest is what was sent that morning: a second run (retry, manual trigger) keeps the first.
      if (state.generated) return [];
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
