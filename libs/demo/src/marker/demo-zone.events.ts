/*
 * Stored event schema of the demo marker stream (`demo-zone`). Version it, never edit it. The marker says
 * that this database holds the demo zone, which plan (seed, scale, fingerprint) and whether it is complete:
 * what makes a second load a no-op and a load into a real bureau's database impossible.
 */
import type { DomainEvent } from '@app/event-store';

export const DEMO_ZONE_STREAM = 'demo-zone';

export const DemoZoneEventTypes = { Started: 'DemoZoneLoadStarted', Completed: 'DemoZoneLoadCompleted' } as const;

interface PlanIdentity {
  seed: number;
  scale: number;
  fingerprint: string;
  steps: number;
}

export type DemoZoneLoadStarted = DomainEvent<'DemoZoneLoadStarted', PlanIdentity & { until: string }>;
export type DemoZoneLoadCompleted = DomainEvent<'DemoZoneLoadCompleted', { fingerprint: string; steps: number }>;
export type DemoZoneEvent = DemoZoneLoadStarted | DemoZoneLoadCompleted;
