import { deciderSpec } from '@app/event-store/testing';
import type { RegisterEnterprise, RelocateEnterprise, RenameEnterprise } from './enterprise.commands';
import { enterpriseDecider } from './enterprise.decider';
import {
  EffectiveDateError,
  EnterpriseAlreadyRegisteredError,
  EnterpriseNotFoundError,
  InvalidEnterpriseDataError,
  NothingChangesError,
} from './enterprise.errors';
import { enterpriseRegistered, enterpriseRelocated, enterpriseRenamed, type EnterpriseEvent } from './enterprise.events';

const spec = deciderSpec(enterpriseDecider);
const USCC = '914403001922038216';
// 2024-07-03 10:00 in Shanghai.
const AT = '2024-07-03T02:00:00.000Z';

const register = (overrides: Partial<RegisterEnterprise> = {}): RegisterEnterprise => ({
  type: 'RegisterEnterprise',
  uscc: USCC,
  name: '星河精密制造有限公司',
  address: '科创大道 88 号',
  park: '智能制造产业园',
  industry: '通用设备制造业',
  at: AT,
  ...overrides,
});
const rename = (name: string, effectiveOn: string, at = AT): RenameEnterprise => ({
  type: 'RenameEnterprise',
  uscc: USCC,
  name,
  effectiveOn,
  at,
});
const relocate = (address: string, park: string, effectiveOn: string, at = AT): RelocateEnterprise => ({
  type: 'RelocateEnterprise',
  uscc: USCC,
  address,
  park,
  effectiveOn,
  at,
});

const registered = enterpriseRegistered({
  uscc: USCC,
  name: '星河精密制造有限公司',
  address: '科创大道 88 号',
  park: '智能制造产业园',
  industry: '通用设备制造业',
  registeredAt: '2024-05-06T01:00:00.000Z',
});
const givenRegistered = (...more: EnterpriseEvent[]) => spec.given([registered, ...more]);
const renamedToGalaxy = enterpriseRenamed({ from: '星河精密制造有限公司', to: '星河智能装备股份有限公司', effectiveOn: '2024-06-15' });
const movedToBioPark = enterpriseRelocated({ address: '生物谷路 9 号', park: '生物医药产业园', effectiveOn: '2024-06-20' });

describe('enterprise decider', () => {
  describe('RegisterEnterprise', () => {
    it('registers a new enterprise, stamped with the recorded instant', () => {
      spec.given([]).when(register()).then([
        enterpriseRegistered({
          uscc: USCC,
          name: '星河精密制造有限公司',
          address: '科创大道 88 号',
          park: '智能制造产业园',
          industry: '通用设备制造业',
          registeredAt: AT,
        }),
      ]);
    });

    it('refuses a USCC that is already registered (even with the same data)', () => {
      givenRegistered().when(register()).thenThrows(EnterpriseAlreadyRegisteredError, 'already registered (as 星河精密制造有限公司)');
    });

    it('refuses a wrong check character, naming the expected one', () => {
      spec.given([]).when(register({ uscc: '914403001922038217' })).thenThrows(InvalidEnterpriseDataError, "expected '6'");
    });

    it.each(['name', 'address', 'park', 'industry'] as const)('refuses a blank %s', (field) => {
      spec.given([]).when(register({ [field]: '  ' })).thenThrows(InvalidEnterpriseDataError, `${field}: must not be empty`);
    });
  });

  describe('RenameEnterprise', () => {
    it('renames, keeping the old name in the event', () => {
      givenRegistered().when(rename('星河智能装备股份有限公司', '2024-06-15')).then([renamedToGalaxy]);
    });

    it('accepts a rename effective today (Shanghai), though it is still yesterday in UTC', () => {
      // 2024-07-02T16:30Z is 2024-07-03 00:30 in Shanghai.
      givenRegistered()
        .when(rename('星河智能', '2024-07-03', '2024-07-02T16:30:00.000Z'))
        .then([enterpriseRenamed({ from: '星河精密制造有限公司', to: '星河智能', effectiveOn: '2024-07-03' })]);
    });

    it('a repeated identical rename decides nothing', () => {
      givenRegistered(renamedToGalaxy).when(rename('星河智能装备股份有限公司', '2024-06-15')).then([]);
    });

    it('renames back to an earlier name', () => {
      givenRegistered(renamedToGalaxy)
        .when(rename('星河精密制造有限公司', '2024-07-01'))
        .then([enterpriseRenamed({ from: '星河智能装备股份有限公司', to: '星河精密制造有限公司', effectiveOn: '2024-07-01' })]);
    });

    it('refuses renaming to the current name when that is not a repeat of the last rename', () => {
      givenRegistered().when(rename('星河精密制造有限公司', '2024-06-15')).thenThrows(NothingChangesError, 'already 星河精密制造有限公司');
      givenRegistered(renamedToGalaxy).when(rename('星河智能装备股份有限公司', '2024-06-16')).thenThrows(NothingChangesError);
    });

    it('refuses an unknown enterprise', () => {
      spec.given([]).when(rename('新名称', '2024-06-15')).thenThrows(EnterpriseNotFoundError, USCC);
    });

    it('refuses a blank name and an impossible date', () => {
      givenRegistered().when(rename(' ', '2024-06-15')).thenThrows(InvalidEnterpriseDataError, 'name: must not be empty');
      givenRegistered().when(rename('新名称', '2024-02-30')).thenThrows(EffectiveDateError, 'not a date');
    });

    it('refuses a rename effective after the day it is recorded', () => {
      givenRegistered().when(rename('新名称', '2024-07-04')).thenThrows(EffectiveDateError, 'in the future (today is 2024-07-03)');
    });

    it('refuses a rename effective before the last one', () => {
      givenRegistered(renamedToGalaxy)
        .when(rename('新名称', '2024-06-14'))
        .thenThrows(EffectiveDateError, 'before the last rename, effective 2024-06-15');
    });
  });

  describe('RelocateEnterprise', () => {
    it('relocates to a new address and park', () => {
      givenRegistered().when(relocate('生物谷路 9 号', '生物医药产业园', '2024-06-20')).then([movedToBioPark]);
    });

    it('moves within the same park', () => {
      givenRegistered()
        .when(relocate('科创大道 100 号', '智能制造产业园', '2024-06-20'))
        .then([enterpriseRelocated({ address: '科创大道 100 号', park: '智能制造产业园', effectiveOn: '2024-06-20' })]);
    });

    it('a repeated identical relocation decides nothing', () => {
      givenRegistered(movedToBioPark).when(relocate('生物谷路 9 号', '生物医药产业园', '2024-06-20')).then([]);
    });

    it('refuses moving to where it already is', () => {
      givenRegistered().when(relocate('科创大道 88 号', '智能制造产业园', '2024-06-20')).thenThrows(NothingChangesError, '科创大道 88 号');
    });

    it('orders relocation dates among relocations only: a rename on 06-15 does not block a move on 06-10', () => {
      givenRegistered(renamedToGalaxy)
        .when(relocate('生物谷路 9 号', '生物医药产业园', '2024-06-10'))
        .then([enterpriseRelocated({ address: '生物谷路 9 号', park: '生物医药产业园', effectiveOn: '2024-06-10' })]);
    });

    it('refuses an unknown enterprise', () => {
      spec.given([]).when(relocate('生物谷路 9 号', '生物医药产业园', '2024-06-20')).thenThrows(EnterpriseNotFoundError);
    });

    it('refuses a blank park, an impossible date, a future date and an out-of-order date', () => {
      givenRegistered().when(relocate('生物谷路 9 号', '', '2024-06-20')).thenThrows(InvalidEnterpriseDataError, 'park');
      givenRegistered().when(relocate('生物谷路 9 号', '生物医药产业园', '2023-02-29')).thenThrows(EffectiveDateError, 'not a date');
      givenRegistered().when(relocate('生物谷路 9 号', '生物医药产业园', '2024-08-01')).thenThrows(EffectiveDateError, 'future');
      givenRegistered(movedToBioPark)
        .when(relocate('科创大道 88 号', '智能制造产业园', '2024-06-19'))
        .thenThrows(EffectiveDateError, 'before the last relocation, effective 2024-06-20');
    });
  });

  describe('evolve', () => {
    it('folds the whole history into the current name and location', () => {
      const state = [registered, renamedToGalaxy, movedToBioPark].reduce(enterpriseDecider.evolve, enterpriseDecider.initialState());
      expect(state).toEqual({
        status: 'registered',
        uscc: USCC,
        name: '星河智能装备股份有限公司',
        address: '生物谷路 9 号',
        park: '生物医药产业园',
        industry: '通用设备制造业',
        lastRename: { to: '星河智能装备股份有限公司', effectiveOn: '2024-06-15' },
        lastRelocation: { address: '生物谷路 9 号', park: '生物医药产业园', effectiveOn: '2024-06-20' },
      });
    });

    it('ignores event types it does not know, and changes before registration', () => {
      const initial = enterpriseDecider.initialState();
      expect(enterpriseDecider.evolve(initial, renamedToGalaxy)).toEqual(initial);
      expect(enterpriseDecider.evolve(initial, { type: 'EnterpriseMerged', data: {} } as unknown as EnterpriseEvent)).toEqual(initial);
    });
  });
});
