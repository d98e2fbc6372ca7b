/** What a caller asks of one enterprise's certifications stream. No clock is needed by any rule. */
export interface GrantCertification {
  type: 'GrantCertification';
  uscc: string;
  /** Derived from uscc + type + level + batch (certificationIdFor), so the same grant twice is one grant. */
  certificationId: string;
  certificationType: string;
  level: string;
  batch: string;
  documentNumber: string;
  announcedOn: string;
  validFrom: string;
  /** Omitted: the longest window the type's rule allows. */
  validTo?: string;
}

export interface RenewCertification {
  type: 'RenewCertification';
  certificationId: string;
  batch: string;
  announcedOn: string;
  /** Omitted: one more validity period after the current end. */
  validTo?: string;
}

export interface RevokeCertification {
  type: 'RevokeCertification';
  certificationId: string;
  effectiveFrom: string;
  reason: string;
}

export type CertificationCommand = GrantCertification | RenewCertification | RevokeCertification;
