import { deciderSpec } from '@app/event-store/testing';
import { DemoLoadNotStarted, DemoPlanDiffers, demoZoneDecider, type DemoZoneCommand } from './demo-zone.decider';
import type { DemoZoneEvent } from './demo-zone.events';

const spec = deciderSpec(demoZoneDecider);
const plan = { seed: 7, scale: 0.1, fingerprint: 'a'.repeat(64), steps: 100, until: '2024-07-15' };
const start: DemoZoneCommand = { type: 'StartDemoLoad', ...plan };
const complete: DemoZoneCommand = { type: 'CompleteDemoLoad', fingerprint: plan.fingerprint, steps: 100 };
const started: DemoZoneEvent = { type: 'DemoZoneLoadStarted', data: plan };
const completed: DemoZoneEvent = { type: 'DemoZoneLoadCompleted', data: { fingerprint: plan.fingerprint, steps: 100 } };

describe('the demo zone marker', () => {
  it('starts a load on an empty stream', () => spec.given([]).when(start).then([started]));
  it('resumes a load of the same plan without a second start', () => spec.given([started]).when(start).then([]));
  it('completes once', () => {
    spec.given([started]).when(complete).then([completed]);
    spec.given([started, completed]).when(complete).then([]);
  });
  it('refuses another plan, naming the one the database holds', () => {
    spec.given([started, completed]).when({ ...start, fingerprint: 'b'.repeat(64), seed: 8 }).thenThrows(DemoPlanDiffers, /seed 7 at scale 0.1/);
    spec.given([started]).when({ ...complete, fingerprint: 'b'.repeat(64) }).thenThrows(DemoPlanDiffers);
  });
  it('cannot complete a load never started', () => spec.given([]).when(complete).thenThrows(DemoLoadNotStarted));
});
