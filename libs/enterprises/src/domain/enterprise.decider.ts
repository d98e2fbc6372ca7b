import { assertNever, type Decider } from '@app/event-store';
import { isCalendarDate, shanghaiDate } from '@app/platform/time';
import type { EnterpriseCommand, RegisterEnterprise, RelocateEnterprise, RenameEnterprise } from './enterprise.commands';
import {
  EffectiveDateError,
  EnterpriseAlreadyRegisteredError,
  EnterpriseNotFoundError,
  InvalidEnterpriseDataError,
  NothingChangesError,
} from './enterprise.errors';
import {
  ENTERPRISE_REGISTERED,
  ENTERPRISE_RELOCATED,
  ENTERPRISE_RENAMED,
  enterpriseRegistered,
  enterpriseRelocated,
  enterpriseRenamed,
  type EnterpriseEvent,
} from './enterprise.events';
import type { EnterpriseState, RegisteredEnterprise } from './enterprise.state';
import { checkUscc } from './uscc';

function register(command: RegisterEnterprise, state: EnterpriseState): EnterpriseEvent[] {
  if (state.status === 'registered') throw new EnterpriseAlreadyRegisteredError(state.uscc, state.name);
  const uscc = checkUscc(command.uscc);
  if (!uscc.valid) throw new InvalidEnterpriseDataError('uscc', uscc.message);
  const { name, address, park, industry, at } = command;
  requireText({ name, address, park, industry });
  return [enterpriseRegistered({ uscc: command.uscc, name, address, park, industry, registeredAt: at })];
}

function rename(command: RenameEnterprise, state: EnterpriseState): EnterpriseEvent[] {
  const current = requireRegistered(command.uscc, state);
  const { name, effectiveOn } = command;
  if (name === current.name) {
    // The same request again (a retry without a key, a double click): already done.
    const last = current.lastRename;
    if (last?.to === name && last.effectiveOn === effectiveOn) return [];
    throw new NothingChangesError('name', current.name);
  }
  requireText({ name });
  requireEffectiveDate(effectiveOn, command.at, current.lastRename?.effectiveOn, 'rename');
  return [enterpriseRenamed({ from: current.name, to: name, effectiveOn })];
}

function relocate(command: RelocateEnterprise, state: EnterpriseState): EnterpriseEvent[] {
  const current = requireRegistered(command.uscc, state);
  const { address, park, effectiveOn } = command;
  if (address === current.address && park === current.park) {
    const last = current.lastRelocation;
    if (last?.address === address && last.park === park && last.effectiveOn === effectiveOn) return [];
    throw new NothingChangesError('address', `${current.address} (${current.park})`);
  }
  requireText({ address, park });
  requireEffectiveDate(effectiveOn, command.at, current.lastRelocation?.effectiveOn, 'relocation');
  return [enterpriseRelocated({ address, park, effectiveOn })];
}

function requireRegistered(uscc: string, state: EnterpriseState): RegisteredEnterprise {
  if (state.status !== 'registered') throw new EnterpriseNotFoundError(uscc);
  return state;
}

function requireText(fields: Record<string, string>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value !== 'string' || value.trim() === '') throw new InvalidEnterpriseDataError(field, 'must not be empty');
  }
}

/**
 * A change is recorded after it happened (late is normal), never ahead of time: the directory shows the
 * current name, so a future-dated one would be shown too early. Changes of one kind must keep their
 * effective dates in order, or "the current name" would depend on the order of data entry.
 */
function requireEffectiveDate(effectiveOn: string, at: string, previous: string | undefined, change: string): void {
  if (!isCalendarDate(effectiveOn)) throw new EffectiveDateError(`effectiveOn: ${effectiveOn} is not a date`, { effectiveOn });
  const today = shanghaiDate(at);
  if (effectiveOn > today) {
    throw new EffectiveDateError(`effectiveOn ${effectiveOn} is in the future (today is ${today})`, { effectiveOn, today });
  }
  if (previous !== undefined && effectiveOn < previous) {
    throw new EffectiveDateError(`effectiveOn ${effectiveOn} is before the last ${change}, effective ${previous}`, {
      effectiveOn,
      previous,
    });
  }
}

function evolve(state: EnterpriseState, event: EnterpriseEvent): EnterpriseState {
  switch (event.type) {
    case ENTERPRISE_REGISTERED: {
      const { uscc, name, address, park, industry } = event.data;
      return { status: 'registered', uscc, name, address, park, industry, lastRename: null, lastRelocation: null };
    }
    case ENTERPRISE_RENAMED:
      if (state.status !== 'registered') return state;
      return { ...state, name: event.data.to, lastRename: { to: event.data.to, effectiveOn: event.data.effectiveOn } };
    case ENTERPRISE_RELOCATED: {
      if (state.status !== 'registered') return state;
      const { address, park, effectiveOn } = event.data;
      return { ...state, address, park, lastRelocation: { address, park, effectiveOn } };
    }
    default:
      // An event type this code does not know (written by a newer version) changes nothing here.
      return state;
  }
}

export const enterpriseDecider: Decider<EnterpriseCommand, EnterpriseState, EnterpriseEvent> = {
  initialState: () => ({ status: 'unregistered' }),
  decide(command, state) {
    switch (command.type) {
      case 'RegisterEnterprise':
        return register(command, state);
      case 'RenameEnterprise':
        return rename(command, state);
      case 'RelocateEnterprise':
        return relocate(command, state);
      default:
        return assertNever(command, 'enterprise command');
    }
  },
  evolve,
};
