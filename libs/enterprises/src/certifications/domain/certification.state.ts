import { createHash } from 'node:crypto';
import type { CertificationLevel, CertificationType } from './certification-types';

export interface CertificationWindow {
  certificationId: string;
  type: CertificationType;
  level: CertificationLevel;
  batch: string;
  documentNumber: string;
  announcedOn: string;
  validFrom: string;
  validTo: string;
  /** Batches whose 复核 has been recorded, to recognise a repeated renewal. */
  renewalBatches: string[];
  revocation: { effectiveFrom: string; reason: string } | null;
}

/** One enterprise's certifications, keyed by certificationId. */
export interface CertificationsState {
  certifications: Record<string, CertificationWindow>;
}

export const CERTIFICATIONS_STREAM_PREFIX = 'certifications-';

/** One stream per enterprise, so rules across its certifications (overlaps) are checked in one place. */
export const certificationsStreamId = (uscc: string): string => `${CERTIFICATIONS_STREAM_PREFIX}${uscc}`;

export function usccOfCertificationsStream(streamId: string): string | null {
  return streamId.startsWith(CERTIFICATIONS_STREAM_PREFIX) ? streamId.slice(CERTIFICATIONS_STREAM_PREFIX.length) : null;
}

/**
 * A grant's id from what identifies it on an announced list. Deterministic, so importing the same list
 * again (or granting by hand what a list later brings) addresses the same certification and appends nothing.
 */
export function certificationIdFor(uscc: string, type: string, level: string, batch: string): string {
  const h = createHash('sha256').update(`${uscc}|${type}|${level}|${batch.trim()}`).digest('hex');
  return `cert-${h.slice(0, 24)}`;
}
