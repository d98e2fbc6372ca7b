import type { CertificationChange } from '../read-models/certification-windows/certification-window.row';
import type { AnnouncedGrant } from '../domain/announced-grant';

/** A certification as the read model holds it, with what was recorded when. */
export interface WindowFacts extends AnnouncedGrant {
  certificationId: string;
  grantedValidTo: string;
  /** ISO instant the grant was recorded. */
  recordedAt: string;
  history: CertificationChange[];
}

/** A certification as known at some instant: what every count is computed from. */
export interface KnownWindow extends AnnouncedGrant {
  certificationId: string;
  validTo: string;
  revokedFrom: string | null;
  revocationRecordedAt: string | null;
}

const instant = (iso: string) => Date.parse(iso);

/**
 * The window as it stood at knownAt: only the grant, 复核 and revocation recorded by then. Null: not yet
 * recorded. Without knownAt, everything recorded so far counts.
 */
export function asKnownAt(facts: WindowFacts, knownAt: string | null): KnownWindow | null {
  const limit = knownAt === null ? Infinity : instant(knownAt);
  if (instant(facts.recordedAt) > limit) return null;
  const known = facts.history.filter((c) => instant(c.recordedAt) <= limit);
  const lastRenewal = known.filter((c) => c.change === 'renewed').at(-1);
  const revocation = known.find((c) => c.change === 'revoked');
  const { certificationId, uscc, type, level, batch, documentNumber, announcedOn, validFrom } = facts;
  return {
    certificationId,
    uscc,
    type,
    level,
    batch,
    documentNumber,
    announcedOn,
    validFrom,
    validTo: lastRenewal?.validTo ?? facts.grantedValidTo,
    revokedFrom: revocation?.effectiveFrom ?? null,
    revocationRecordedAt: revocation?.recordedAt ?? null,
  };
}

/** Currently valid on D: the window contains D and no revocation took effect on or before D. */
export const isValidOn = (w: KnownWindow, date: string): boolean =>
  w.validFrom <= date && date <= w.validTo && (w.revokedFrom === null || w.revokedFrom > date);

/**
 * Granted by D means valid-from ≤ D (the certificate date), not announced-on: a count of firms granted
 * can then never be lower than the count of firms valid on the same day.
 */
export const isGrantedBy = (w: KnownWindow, date: string): boolean => w.validFrom <= date;
