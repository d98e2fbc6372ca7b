/*
 * Stored event schema of the visit stream (`visit-<id>`). Version it, never edit it.
 * visitedOn is the business date (Asia/Shanghai): a June visit logged in July belongs to June.
 */
import type { DomainEvent } from '@app/event-store';

export const VISIT_FORMS = ['on_site', 'symposium', 'phone', 'online'] as const; // 实地走访 / 座谈会 / 电话 / 线上
export type VisitForm = (typeof VISIT_FORMS)[number];

export const VisitEventTypes = { Logged: 'VisitLogged', Voided: 'VisitVoided' } as const;

export type VisitLogged = DomainEvent<'VisitLogged', {
  visitId: string;
  enterpriseUscc: string;
  visitedOn: string;
  caseworkerIds: string[];
  form: VisitForm;
  notes: string;
  /** Problems registered from this visit (each on its own stream). */
  problemIds: string[];
}> & { businessTime: string };

export type VisitVoided = DomainEvent<'VisitVoided', { reason: string; voidedOn: string }> & { businessTime: string };

export type VisitEvent = VisitLogged | VisitVoided;

export const visitStreamId = (visitId: string) => `visit-${visitId}`;
