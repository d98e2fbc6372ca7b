import { assertNever, type Decider } from '@app/event-store';
import { isCalendarDate } from '@app/platform/time';
import type { CertificationCommand, GrantCertification, RenewCertification, RevokeCertification } from './certification.commands';
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
  CERTIFICATION_GRANTED,
  CERTIFICATION_RENEWED,
  CERTIFICATION_REVOKED,
  certificationGranted,
  certificationRenewed,
  certificationRevoked,
  type CertificationEvent,
} from './certification.events';
import type { CertificationsState, CertificationWindow } from './certification.state';
import { addDays, certificationRule, renewedValidTo } from './certification-types';
import { checkGrant } from './grant-rules';

function grant(command: GrantCertification, state: CertificationsState): CertificationEvent[] {
  const checked = checkGrant(command);
  if (checked.grant === null) {
    const [first] = checked.errors;
    if (first.problem === 'dates') throw new CertificationDatesOutOfOrderError(first.message, { field: first.field });
    throw new InvalidCertificationError(first.field, first.message);
  }
  const data = { certificationId: command.certificationId, uscc: command.uscc, ...checked.grant };
  const existing = state.certifications[command.certificationId];
  if (existing) {
    // The same list imported again, or a retry: already recorded. Anything else under this id is a conflict.
    const fields = ['type', 'level', 'batch', 'documentNumber', 'announcedOn', 'validFrom'] as const;
    const differs = fields.filter((f) => existing[f] !== data[f]);
    if (differs.length === 0) return [];
    throw new CertificationAlreadyGrantedError(command.certificationId, differs);
  }
  const rule = certificationRule(data.type);
  for (const other of Object.values(state.certifications)) {
    if (other.type !== data.type || other.level !== data.level) continue;
    const otherEnd = other.revocation && other.revocation.effectiveFrom <= other.validTo ? addDays(other.revocation.effectiveFrom, -1) : other.validTo;
    const overlaps = data.validFrom <= otherEnd && other.validFrom <= data.validTo;
    // 高企: a re-application granted before the old certificate ends supersedes it.
    const supersedes = rule.reapplicationMayOverlap && data.validFrom > other.validFrom;
    if (overlaps && !supersedes) throw new OverlappingCertificationError({ ...other, validTo: otherEnd }, rule.renewable);
  }
  return [certificationGranted(data)];
}

function renew(command: RenewCertification, state: CertificationsState): CertificationEvent[] {
  const current = requireCertification(command.certificationId, state);
  const rule = certificationRule(current.type);
  if (!rule.renewable) throw new CertificationNotRenewableError(rule.name);
  if (current.renewalBatches.includes(command.batch.trim())) return [];
  if (current.revocation) throw new CertificationRevokedError(current.certificationId, current.revocation.effectiveFrom);
  if (command.batch.trim() === '') throw new InvalidCertificationError('batch', 'must not be empty');
  requireDate('announcedOn', command.announcedOn);
  const longest = renewedValidTo(current.type, current.validTo);
  const validTo = command.validTo ?? longest;
  requireDate('validTo', validTo);
  if (validTo <= current.validTo) {
    throw new CertificationDatesOutOfOrderError(`A 复核 extends the window: validTo ${validTo} is not after the current end ${current.validTo}`, {
      field: 'validTo',
      currentValidTo: current.validTo,
    });
  }
  if (validTo > longest) {
    throw new InvalidCertificationError('validTo', `a 复核 extends ${rule.name} at most until ${longest}, not ${validTo}`);
  }
  return [certificationRenewed({ certificationId: current.certificationId, batch: command.batch.trim(), announcedOn: command.announcedOn, validTo })];
}

function revoke(command: RevokeCertification, state: CertificationsState): CertificationEvent[] {
  const current = requireCertification(command.certificationId, state);
  const { effectiveFrom, reason } = command;
  if (current.revocation) {
    const same = current.revocation.effectiveFrom === effectiveFrom && current.revocation.reason === reason;
    if (same) return [];
    throw new CertificationRevokedError(current.certificationId, current.revocation.effectiveFrom);
  }
  requireDate('effectiveFrom', effectiveFrom);
  if (typeof reason !== 'string' || reason.trim() === '') throw new InvalidCertificationError('reason', 'must not be empty');
  if (effectiveFrom < current.validFrom || effectiveFrom > current.validTo) {
    throw new CertificationDatesOutOfOrderError(
      `effectiveFrom ${effectiveFrom} is outside the window ${current.validFrom}–${current.validTo}`,
      { field: 'effectiveFrom', validFrom: current.validFrom, validTo: current.validTo },
    );
  }
  return [certificationRevoked({ certificationId: current.certificationId, effectiveFrom, reason: reason.trim() })];
}

function requireCertification(certificationId: string, state: CertificationsState): CertificationWindow {
  const found = state.certifications[certificationId];
  if (!found) throw new CertificationNotFoundError(certificationId);
  return found;
}

function requireDate(field: string, value: string): void {
  if (!isCalendarDate(value)) throw new InvalidCertificationError(field, `${value} is not a date (YYYY-MM-DD)`);
}

function evolve(state: CertificationsState, event: CertificationEvent): CertificationsState {
  const put = (window: CertificationWindow) => ({ certifications: { ...state.certifications, [window.certificationId]: window } });
  switch (event.type) {
    case CERTIFICATION_GRANTED: {
      const { certificationId, type, level, batch, documentNumber, announcedOn, validFrom, validTo } = event.data;
      return put({ certificationId, type, level, batch, documentNumber, announcedOn, validFrom, validTo, renewalBatches: [], revocation: null });
    }
    case CERTIFICATION_RENEWED: {
      const current = state.certifications[event.data.certificationId];
      if (!current) return state;
      return put({ ...current, validTo: event.data.validTo, renewalBatches: [...current.renewalBatches, event.data.batch] });
    }
    case CERTIFICATION_REVOKED: {
      const current = state.certifications[event.data.certificationId];
      if (!current) return state;
      return put({ ...current, revocation: { effectiveFrom: event.data.effectiveFrom, reason: event.data.reason } });
    }
    default:
      // An event type this code does not know (written by a newer version) changes nothing here.
      return state;
  }
}

export const certificationDecider: Decider<CertificationCommand, CertificationsState, CertificationEvent> = {
  initialState: () => ({ certifications: {} }),
  decide(command, state) {
    switch (command.type) {
      case 'GrantCertification':
        return grant(command, state);
      case 'RenewCertification':
        return renew(command, state);
      case 'RevokeCertification':
        return revoke(command, state);
      default:
        return assertNever(command, 'certification command');
    }
  },
  evolve,
};
