import { deciderSpec } from '@app/event-store/testing';
import type { GrantCertification } from './certification.commands';
import { certificationDecider } from './certification.decider';
import {
  CertificationAlreadyGrantedError,
  CertificationDatesOutOfOrderError,
  CertificationNotFoundError,
  CertificationNotRenewableError,
  CertificationRevokedError,
  InvalidCertificationError,
  OverlappingCertificationError,
} from './certification.errors';
import {
  certificationGranted,
  certificationRenewed,
  certificationRevoked,
  type CertificationEvent,
  type CertificationGranted,
} from './certification.events';
import { certificationIdFor } from './certification.state';

const spec = deciderSpec(certificationDecider);
const USCC = '914403001922038216';

const grant = (overrides: Partial<GrantCertification> = {}): GrantCertification => {
  const base = { certificationType: 'specialized_sme', level: 'province', batch: '2024年第一批', ...overrides };
  return {
    type: 'GrantCertification',
    uscc: USCC,
    certificationId: certificationIdFor(USCC, base.certificationType, base.level, base.batch),
    documentNumber: '豫工信企业〔2024〕12号',
    announcedOn: '2024-03-20',
    validFrom: '2024-03-01',
    ...base,
    ...overrides,
  };
};
const SME_ID = certificationIdFor(USCC, 'specialized_sme', 'province', '2024年第一批');
const smeGranted = certificationGranted({
  certificationId: SME_ID,
  uscc: USCC,
  type: 'specialized_sme',
  level: 'province',
  batch: '2024年第一批',
  documentNumber: '豫工信企业〔2024〕12号',
  announcedOn: '2024-03-20',
  validFrom: '2024-03-01',
  validTo: '2027-02-28',
});
const givenSme = (...more: CertificationEvent[]) => spec.given([smeGranted, ...more]);
const renew = (batch = '2027年复核第一批', validTo?: string) => ({
  type: 'RenewCertification' as const,
  certificationId: SME_ID,
  batch,
  announcedOn: '2027-02-10',
  validTo,
});
const revoke = (effectiveFrom = '2025-01-01', reason = '弄虚作假', certificationId = SME_ID) => ({
  type: 'RevokeCertification' as const,
  certificationId,
  effectiveFrom,
  reason,
});
const renewed = certificationRenewed({ certificationId: SME_ID, batch: '2027年复核第一批', announcedOn: '2027-02-10', validTo: '2030-02-28' });
const revoked = certificationRevoked({ certificationId: SME_ID, effectiveFrom: '2025-01-01', reason: '弄虚作假' });

describe('certification decider', () => {
  describe('GrantCertification', () => {
    it('grants with validTo derived from the type rule (3 years, last day included), keeping announcedOn apart', () => {
      spec.given([]).when(grant()).then([smeGranted]);
    });

    it('accepts an announcement before the window starts, and an explicit validTo within the rule', () => {
      const command = grant({ announcedOn: '2024-02-01', validTo: '2026-12-31' });
      spec.given([]).when(command).then([certificationGranted({ ...smeGranted.data, announcedOn: '2024-02-01', validTo: '2026-12-31' })]);
    });

    it('科技型中小企业 is valid for its calendar year only', () => {
      const command = grant({ certificationType: 'tech_sme', level: 'national', batch: '2024年第三批', validFrom: '2024-05-01' });
      spec.given([]).when(command).then([
        certificationGranted({ ...smeGranted.data, certificationId: command.certificationId, type: 'tech_sme', level: 'national', batch: '2024年第三批', validFrom: '2024-05-01', validTo: '2024-12-31' }),
      ]);
      spec.given([]).when({ ...command, validTo: '2025-04-30' }).thenThrows(InvalidCertificationError, 'at most until 2024-12-31');
    });

    it('an identical grant (the same list again) decides nothing; the same id with other data is a conflict', () => {
      givenSme().when(grant()).then([]);
      givenSme().when(grant({ documentNumber: '另一个文号' })).thenThrows(CertificationAlreadyGrantedError, 'documentNumber');
    });

    it('refuses validFrom after validTo, and a validTo beyond the type rule', () => {
      spec.given([]).when(grant({ validTo: '2024-02-01' })).thenThrows(CertificationDatesOutOfOrderError, 'before validFrom 2024-03-01');
      spec.given([]).when(grant({ validTo: '2027-03-01' })).thenThrows(InvalidCertificationError, 'at most until 2027-02-28');
    });

    it('refuses an unknown type, a level the type is not awarded at, impossible dates and a blank batch', () => {
      spec.given([]).when(grant({ certificationType: 'gazelle' })).thenThrows(InvalidCertificationError, "unknown certification type 'gazelle'");
      spec.given([]).when(grant({ level: 'national' })).thenThrows(InvalidCertificationError, 'not awarded at level national');
      spec.given([]).when(grant({ level: 'city' })).thenThrows(InvalidCertificationError, "unknown level 'city'");
      spec.given([]).when(grant({ validFrom: '2023-02-29' })).thenThrows(InvalidCertificationError, 'validFrom');
      spec.given([]).when(grant({ batch: ' ' })).thenThrows(InvalidCertificationError, 'batch');
    });

    it('refuses a second grant of the same type and level overlapping a window (it should be a 复核)', () => {
      givenSme().when(grant({ batch: '2025年第一批', validFrom: '2025-06-01' })).thenThrows(OverlappingCertificationError, '复核');
    });

    it('re-certification after the window lapsed is a new grant with a new id', () => {
      const again = grant({ batch: '2027年第二批', validFrom: '2027-06-01', announcedOn: '2027-06-15' });
      spec.given([smeGranted]).when(again).then([
        certificationGranted({ ...smeGranted.data, certificationId: again.certificationId, batch: '2027年第二批', validFrom: '2027-06-01', announcedOn: '2027-06-15', validTo: '2030-05-31' }),
      ]);
    });

    it('a revoked window only blocks a new grant up to the day before the revocation', () => {
      givenSme(revoked).when(grant({ batch: '2025年第一批', validFrom: '2025-01-01' })).then([
        certificationGranted({ ...smeGranted.data, certificationId: certificationIdFor(USCC, 'specialized_sme', 'province', '2025年第一批'), batch: '2025年第一批', validFrom: '2025-01-01', validTo: '2027-12-31' }),
      ]);
    });

    it('高企: re-application before the old certificate ends supersedes it', () => {
      const first = grant({ certificationType: 'high_tech', level: 'national', batch: '2021年第一批', validFrom: '2021-11-15' });
      const granted = certificationDecider.decide(first, certificationDecider.initialState()) as CertificationGranted[];
      const second = grant({ certificationType: 'high_tech', level: 'national', batch: '2024年第一批', validFrom: '2024-10-28' });
      spec.given(granted).when(second).then([
        certificationGranted({ ...granted[0].data, certificationId: second.certificationId, batch: '2024年第一批', validFrom: '2024-10-28', validTo: '2027-10-27' }),
      ]);
    });

    it('an upgrade 省级 → 小巨人 is a grant of another type and does not end the lower tier', () => {
      const giant = grant({ certificationType: 'little_giant', level: 'national', batch: '2024年第六批', validFrom: '2024-07-01' });
      spec.given([smeGranted]).when(giant).then([
        certificationGranted({ ...smeGranted.data, certificationId: giant.certificationId, type: 'little_giant', level: 'national', batch: '2024年第六批', validFrom: '2024-07-01', validTo: '2027-06-30' }),
      ]);
      const state = [smeGranted, certificationDecider.decide(giant, { certifications: {} })[0]].reduce(
        certificationDecider.evolve,
        certificationDecider.initialState(),
      );
      expect(state.certifications[SME_ID]).toMatchObject({ validTo: '2027-02-28', revocation: null });
    });
  });

  describe('RenewCertification (复核)', () => {
    it('extends the window by one more validity period', () => {
      givenSme().when(renew()).then([renewed]);
    });

    it('a repeated renewal of the same batch decides nothing', () => {
      givenSme(renewed).when(renew()).then([]);
    });

    it('refuses a validTo that does not extend the window, or extends it beyond the rule', () => {
      givenSme().when(renew('2027年复核第一批', '2027-01-01')).thenThrows(CertificationDatesOutOfOrderError, 'not after the current end');
      givenSme().when(renew('2027年复核第一批', '2030-03-01')).thenThrows(InvalidCertificationError, 'at most until 2030-02-28');
    });

    it('refuses renewing a type without 复核 (高企 re-applies)', () => {
      const hightech = grant({ certificationType: 'high_tech', level: 'national', batch: '2021年第一批', validFrom: '2021-11-15' });
      const history = certificationDecider.decide(hightech, certificationDecider.initialState());
      spec.given(history).when({ ...renew(), certificationId: hightech.certificationId }).thenThrows(CertificationNotRenewableError, '高新技术企业');
    });

    it('refuses renewing a revoked or unknown certification', () => {
      givenSme(revoked).when(renew()).thenThrows(CertificationRevokedError, 'revoked from 2025-01-01');
      spec.given([]).when(renew()).thenThrows(CertificationNotFoundError);
    });
  });

  describe('RevokeCertification', () => {
    it('revokes from a date, which may be in the past', () => {
      givenSme().when(revoke()).then([revoked]);
    });

    it('the same revocation again decides nothing; a second, different one is refused', () => {
      givenSme(revoked).when(revoke()).then([]);
      givenSme(revoked).when(revoke('2025-06-01')).thenThrows(CertificationRevokedError);
    });

    it('refuses an effective date outside the window, a blank reason and an unknown certification', () => {
      givenSme().when(revoke('2024-02-01')).thenThrows(CertificationDatesOutOfOrderError, 'outside the window');
      givenSme(renewed).when(revoke('2029-01-01')).then([certificationRevoked({ certificationId: SME_ID, effectiveFrom: '2029-01-01', reason: '弄虚作假' })]);
      givenSme().when(revoke('2025-01-01', ' ')).thenThrows(InvalidCertificationError, 'reason');
      givenSme().when(revoke('2025-01-01', 'x', 'cert-unknown')).thenThrows(CertificationNotFoundError);
    });
  });

  describe('evolve', () => {
    it('folds grant, renewal and revocation; ignores unknown types and changes to unknown ids', () => {
      const state = [smeGranted, renewed, revoked].reduce(certificationDecider.evolve, certificationDecider.initialState());
      expect(state.certifications[SME_ID]).toMatchObject({
        validTo: '2030-02-28',
        renewalBatches: ['2027年复核第一批'],
        revocation: { effectiveFrom: '2025-01-01', reason: '弄虚作假' },
      });
      const initial = certificationDecider.initialState();
      expect(certificationDecider.evolve(initial, renewed)).toEqual(initial);
      expect(certificationDecider.evolve(initial, { type: 'Other', data: {} } as unknown as CertificationEvent)).toEqual(initial);
    });
  });
});
