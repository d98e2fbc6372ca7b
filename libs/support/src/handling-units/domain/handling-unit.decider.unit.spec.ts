import { deciderSpec } from '@app/event-store/testing';
import type { HandlingUnitCommand, ParentLookup } from './handling-unit.commands';
import { handlingUnitDecider } from './handling-unit.decider';
import { assertUnitsUsable, HandlingUnitExists, HandlingUnitInvalid, HandlingUnitNotFound, HandlingUnitNotUsable, type UnitStanding } from './handling-unit.errors';
import type { HandlingUnitEvent } from './handling-unit.events';

const spec = deciderSpec(handlingUnitDecider);
const ID = 'district-tax';
const cityTax: ParentLookup = { unitId: 'city-tax', active: true, ancestors: ['province-tax'] };

const register = (extra: Partial<Extract<HandlingUnitCommand, { type: 'RegisterHandlingUnit' }>> = {}): HandlingUnitCommand => ({
  type: 'RegisterHandlingUnit', unitId: ID, name: '区税务局', level: 'district', parentId: null, parent: null, ...extra,
});
const change = (extra: Partial<Extract<HandlingUnitCommand, { type: 'ChangeHandlingUnit' }>>): HandlingUnitCommand => ({
  type: 'ChangeHandlingUnit', unitId: ID, parent: null, ...extra,
});
const registered = (parentId: string | null = null): HandlingUnitEvent => ({
  type: 'HandlingUnitRegistered', data: { unitId: ID, name: '区税务局', level: 'district', parentId },
});
const deactivated: HandlingUnitEvent = { type: 'HandlingUnitDeactivated', data: { unitId: ID, reason: '机构改革' } };

/** A registered unit, the builder named after its lifecycle state. */
const givenRegisteredUnit = (parentId: string | null = null) => spec.given([registered(parentId)]);
const givenDeactivatedUnit = () => spec.given([registered(), deactivated]);

describe('handling unit decider', () => {
  describe('RegisterHandlingUnit', () => {
    it('registers a unit, active, with its name trimmed', () => {
      spec.given([]).when(register({ name: ' 区税务局 ' })).then([registered()]);
    });

    it('registers under a known, active parent', () => {
      spec.given([]).when(register({ parentId: 'city-tax', parent: cityTax })).then([registered('city-tax')]);
    });

    it('a repeated registration with the same content decides nothing', () => {
      givenRegisteredUnit().when(register()).then([]);
    });

    it('refuses a taken code with other content (409, field id)', () => {
      givenRegisteredUnit().when(register({ name: '另一个单位' })).thenThrows(HandlingUnitExists, /district-tax is taken \(by 区税务局\)/);
    });

    it('refuses a reserved code (the digest reads managers as the escalation list), naming unitId', () => {
      spec.given([]).when(register({ unitId: 'managers' })).thenThrows(HandlingUnitInvalid, /unitId: 'managers' is reserved/);
      spec.given([]).when(register({ unitId: 'Managers' })).thenThrows(HandlingUnitInvalid, /reserved/);
    });

    it('refuses an unknown, an inactive or its own parent, naming parentId', () => {
      spec.given([]).when(register({ parentId: 'city-x', parent: 'unknown' })).thenThrows(HandlingUnitInvalid, 'parentId: no handling unit city-x is registered');
      spec.given([]).when(register({ parentId: 'city-tax', parent: { ...cityTax, active: false } })).thenThrows(HandlingUnitInvalid, /city-tax is deactivated/);
      spec.given([]).when(register({ parentId: ID, parent: null })).thenThrows(HandlingUnitInvalid, /its own parent/);
    });
  });

  describe('ChangeHandlingUnit', () => {
    it('renames, changes the level and moves, one event per change', () => {
      givenRegisteredUnit().when(change({ name: '区税务分局', level: 'city', parentId: 'city-tax', parent: cityTax })).then([
        { type: 'HandlingUnitRenamed', data: { unitId: ID, from: '区税务局', to: '区税务分局' } },
        { type: 'HandlingUnitLevelChanged', data: { unitId: ID, from: 'district', to: 'city' } },
        { type: 'HandlingUnitMoved', data: { unitId: ID, fromParentId: null, toParentId: 'city-tax' } },
      ]);
    });

    it('detaches from the parent with parentId null', () => {
      givenRegisteredUnit('city-tax').when(change({ parentId: null })).then([
        { type: 'HandlingUnitMoved', data: { unitId: ID, fromParentId: 'city-tax', toParentId: null } },
      ]);
    });

    it('the same values again decide nothing, and the parent it has is not re-checked', () => {
      givenRegisteredUnit('city-tax').when(change({ name: '区税务局', level: 'district', parentId: 'city-tax', parent: 'unknown' })).then([]);
    });

    it('refuses to move a unit under its own sub-unit (a loop)', () => {
      const child: ParentLookup = { unitId: 'district-tax-1', active: true, ancestors: ['district-tax-0', ID, 'city-tax'] };
      givenRegisteredUnit().when(change({ parentId: 'district-tax-1', parent: child })).thenThrows(HandlingUnitInvalid, /district-tax-1 is under district-tax already/);
    });

    it('can change a deactivated unit (its history keeps its name right)', () => {
      givenDeactivatedUnit().when(change({ name: '原区税务局' })).then([{ type: 'HandlingUnitRenamed', data: { unitId: ID, from: '区税务局', to: '原区税务局' } }]);
    });

    it('refuses a blank name, naming the field', () => {
      givenRegisteredUnit().when(change({ name: '   ' })).thenThrows(HandlingUnitInvalid, 'name: must be 1-60 characters');
      spec.given([]).when(register({ name: ' ' })).thenThrows(HandlingUnitInvalid, /name: must be/);
    });

    it('refuses an unregistered unit (404)', () => {
      spec.given([]).when(change({ name: 'x' })).thenThrows(HandlingUnitNotFound, 'No handling unit district-tax is registered');
    });
  });

  describe('DeactivateHandlingUnit / ReactivateHandlingUnit', () => {
    it('deactivates with a reason, and again decides nothing', () => {
      givenRegisteredUnit().when({ type: 'DeactivateHandlingUnit', unitId: ID, reason: ' 机构改革 ' }).then([deactivated]);
      givenDeactivatedUnit().when({ type: 'DeactivateHandlingUnit', unitId: ID, reason: null }).then([]);
    });

    it('a blank reason is no reason', () => {
      givenRegisteredUnit().when({ type: 'DeactivateHandlingUnit', unitId: ID, reason: '  ' }).then([{ type: 'HandlingUnitDeactivated', data: { unitId: ID, reason: null } }]);
    });

    it('reactivates a deactivated unit; an active one decides nothing', () => {
      givenDeactivatedUnit().when({ type: 'ReactivateHandlingUnit', unitId: ID }).then([{ type: 'HandlingUnitReactivated', data: { unitId: ID } }]);
      givenRegisteredUnit().when({ type: 'ReactivateHandlingUnit', unitId: ID }).then([]);
    });

    it('refuses an unregistered unit', () => {
      spec.given([]).when({ type: 'DeactivateHandlingUnit', unitId: ID, reason: null }).thenThrows(HandlingUnitNotFound);
      spec.given([]).when({ type: 'ReactivateHandlingUnit', unitId: ID }).thenThrows(HandlingUnitNotFound);
    });
  });

  it('evolve folds every event', () => {
    const events: HandlingUnitEvent[] = [
      registered(),
      { type: 'HandlingUnitRenamed', data: { unitId: ID, from: '区税务局', to: '区税务分局' } },
      { type: 'HandlingUnitLevelChanged', data: { unitId: ID, from: 'district', to: 'city' } },
      { type: 'HandlingUnitMoved', data: { unitId: ID, fromParentId: null, toParentId: 'city-tax' } },
      deactivated,
    ];
    const state = events.reduce(handlingUnitDecider.evolve, handlingUnitDecider.initialState());
    expect(state).toEqual({ unitId: ID, name: '区税务分局', level: 'city', parentId: 'city-tax', active: false });
    expect(handlingUnitDecider.evolve(state, { type: 'HandlingUnitReactivated', data: { unitId: ID } })?.active).toBe(true);
  });

  it('assertUnitsUsable names the field of the first unit that is unknown or inactive', () => {
    const standing = (id: string): UnitStanding => (id === 'a' ? 'active' : id === 'b' ? 'inactive' : 'unknown');
    expect(() => assertUnitsUsable([{ field: 'leadUnitId', unitId: 'a' }], standing)).not.toThrow();
    expect(() => assertUnitsUsable([{ field: 'leadUnitId', unitId: 'a' }, { field: 'coUnitIds[0]', unitId: 'b' }], standing)).toThrow(
      expect.objectContaining({ code: 'HANDLING_UNIT_INACTIVE', details: expect.objectContaining({ field: 'coUnitIds[0]' }) }),
    );
    try {
      assertUnitsUsable([{ field: 'unitId', unitId: 'zzz' }], standing);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(HandlingUnitNotUsable);
      expect(error).toMatchObject({ kind: 'invalid', code: 'HANDLING_UNIT_UNKNOWN', details: { field: 'unitId', errors: [{ field: 'unitId' }] } });
    }
  });
});
