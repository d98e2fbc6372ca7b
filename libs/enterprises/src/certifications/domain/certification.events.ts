import type { DomainEvent } from '@app/event-store';
import type { CertificationLevel, CertificationType } from './certification-types';
import type { AnnouncedGrant } from './announced-grant';

// Stored event schema: these type names and payload shapes are in the log forever. Never edit one; add a
// new schemaVersion with an upcaster instead.
export const CERTIFICATION_GRANTED = 'CertificationGranted';
export const CERTIFICATION_RENEWED = 'CertificationRenewed';
export const CERTIFICATION_REVOKED = 'CertificationRevoked';

export const CERTIFICATION_EVENT_TYPES = [CERTIFICATION_GRANTED, CERTIFICATION_RENEWED, CERTIFICATION_REVOKED] as const;

export interface CertificationGrantedData extends AnnouncedGrant {
  certificationId: string;
  type: CertificationType;
  level: CertificationLevel;
  validTo: string;
}

/** 复核 passed: the window now ends on validTo. */
export interface CertificationRenewedData {
  certificationId: string;
  batch: string;
  announcedOn: string;
  validTo: string;
}

/** Revoked from effectiveFrom on; may be earlier than the day it is recorded (retroactive). */
export interface CertificationRevokedData {
  certificationId: string;
  effectiveFrom: string;
  reason: string;
}

export type CertificationGranted = DomainEvent<typeof CERTIFICATION_GRANTED, CertificationGrantedData>;
export type CertificationRenewed = DomainEvent<typeof CERTIFICATION_RENEWED, CertificationRenewedData>;
export type CertificationRevoked = DomainEvent<typeof CERTIFICATION_REVOKED, CertificationRevokedData>;
export type CertificationEvent = CertificationGranted | CertificationRenewed | CertificationRevoked;

const startOfDay = (date: string) => `${date}T00:00:00+08:00`;

export const certificationGranted = (data: CertificationGrantedData): CertificationGranted => ({
  type: CERTIFICATION_GRANTED,
  schemaVersion: 1,
  data,
  businessTime: startOfDay(data.validFrom),
});

export const certificationRenewed = (data: CertificationRenewedData): CertificationRenewed => ({
  type: CERTIFICATION_RENEWED,
  schemaVersion: 1,
  data,
  businessTime: startOfDay(data.announcedOn),
});

export const certificationRevoked = (data: CertificationRevokedData): CertificationRevoked => ({
  type: CERTIFICATION_REVOKED,
  schemaVersion: 1,
  data,
  businessTime: startOfDay(data.effectiveFrom),
});
