import { DomainError, type DomainErrorKind } from '@app/event-store';

/** A field and what is wrong with it, in the HTTP layer's error shape. */
export interface UnitFieldError {
  field: string;
  messages: string[];
}

function bodyOf(field: string, message: string) {
  return { field, errors: [{ field, messages: [message] }] };
}

export class HandlingUnitNotFound extends DomainError {
  readonly code = 'HANDLING_UNIT_NOT_FOUND';
  override readonly kind: DomainErrorKind = 'not_found';
  constructor(unitId: string) {
    super(`No handling unit ${unitId} is registered`, { unitId });
  }
}

/** Registering a code that is taken, with other content: a unit's code is its identity for good. */
export class HandlingUnitExists extends DomainError {
  readonly code = 'HANDLING_UNIT_EXISTS';
  constructor(unitId: string, name: string) {
    const message = `The unit code ${unitId} is taken (by ${name}); choose another code, or change that unit`;
    super(message, { unitId, ...bodyOf('id', message) });
  }
}

/** A rule on a unit's values (its parent, mostly), naming the field so a form can show it in place. */
export class HandlingUnitInvalid extends DomainError {
  readonly code = 'HANDLING_UNIT_INVALID';
  override readonly kind: DomainErrorKind = 'invalid';
  constructor(unitId: string, field: string, message: string) {
    super(message, { unitId, ...bodyOf(field, message) });
  }
}

/**
 * A problem assigned, or a unit handler bound, to a unit that is not registered or no longer active.
 * `field` is the request's field (leadUnitId, coUnitIds[1], unitId).
 */
export class HandlingUnitNotUsable extends DomainError {
  override readonly kind: DomainErrorKind = 'invalid';
  readonly code: 'HANDLING_UNIT_UNKNOWN' | 'HANDLING_UNIT_INACTIVE';
  constructor(field: string, unitId: string, standing: 'unknown' | 'inactive') {
    const message =
      standing === 'unknown'
        ? `${field}: no handling unit ${unitId} is registered (an administrator registers units under 处理单位)`
        : `${field}: the handling unit ${unitId} is deactivated; choose an active unit`;
    super(message, { unitId, ...bodyOf(field, message) });
    this.code = standing === 'unknown' ? 'HANDLING_UNIT_UNKNOWN' : 'HANDLING_UNIT_INACTIVE';
  }
}

/** Whether a unit may be given new work: registered and active. */
export type UnitStanding = 'active' | 'inactive' | 'unknown';

/** Refuses the first unit (in the order given) that is not active, naming its field. */
export function assertUnitsUsable(units: readonly { field: string; unitId: string }[], standing: (unitId: string) => UnitStanding): void {
  for (const { field, unitId } of units) {
    const s = standing(unitId);
    if (s !== 'active') throw new HandlingUnitNotUsable(field, unitId, s);
  }
}
