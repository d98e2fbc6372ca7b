import type { DomainEvent } from '@app/event-store';

// Stored event schema: these type names and payload shapes are in the log forever. Never edit one; add a
// new schemaVersion with an upcaster instead.
export const ENTERPRISE_REGISTERED = 'EnterpriseRegistered';
export const ENTERPRISE_RENAMED = 'EnterpriseRenamed';
export const ENTERPRISE_RELOCATED = 'EnterpriseRelocated';

export const ENTERPRISE_EVENT_TYPES = [ENTERPRISE_REGISTERED, ENTERPRISE_RENAMED, ENTERPRISE_RELOCATED] as const;

export interface EnterpriseRegisteredData {
  uscc: string;
  name: string;
  address: string;
  /** The park (园区) within the zone the enterprise sits in. */
  park: string;
  industry: string;
  /** When the bureau entered it into the registry (ISO instant). */
  registeredAt: string;
}

export interface EnterpriseRenamedData {
  from: string;
  to: string;
  /** Business date the new name took effect ('YYYY-MM-DD'); often before the day it was recorded. */
  effectiveOn: string;
}

export interface EnterpriseRelocatedData {
  address: string;
  park: string;
  effectiveOn: string;
}

export type EnterpriseRegistered = DomainEvent<typeof ENTERPRISE_REGISTERED, EnterpriseRegisteredData>;
export type EnterpriseRenamed = DomainEvent<typeof ENTERPRISE_RENAMED, EnterpriseRenamedData>;
export type EnterpriseRelocated = DomainEvent<typeof ENTERPRISE_RELOCATED, EnterpriseRelocatedData>;
export type EnterpriseEvent = EnterpriseRegistered | EnterpriseRenamed | EnterpriseRelocated;

/** An effective date as the log's business_time: the start of that day in the zone (UTC+8). */
const startOfDay = (date: string) => `${date}T00:00:00+08:00`;

export const enterpriseRegistered = (data: EnterpriseRegisteredData): EnterpriseRegistered => ({
  type: ENTERPRISE_REGISTERED,
  schemaVersion: 1,
  data,
});

export const enterpriseRenamed = (data: EnterpriseRenamedData): EnterpriseRenamed => ({
  type: ENTERPRISE_RENAMED,
  schemaVersion: 1,
  data,
  businessTime: startOfDay(data.effectiveOn),
});

export const enterpriseRelocated = (data: EnterpriseRelocatedData): EnterpriseRelocated => ({
  type: ENTERPRISE_RELOCATED,
  schemaVersion: 1,
  data,
  businessTime: startOfDay(data.effectiveOn),
});
