import { DomainError, assertNever, type Decider } from '@app/event-store';
import { DemoZoneEventTypes as T, type DemoZoneEvent, type DemoZoneLoadStarted } from './demo-zone.events';

export type DemoZoneCommand =
  | ({ type: 'StartDemoLoad' } & DemoZoneLoadStarted['data'])
  | { type: 'CompleteDemoLoad'; fingerprint: string; steps: number };

export interface DemoZoneState {
  status: 'none' | 'loading' | 'loaded';
  seed: number | null;
  scale: number | null;
  fingerprint: string | null;
}

/** The database holds another demo plan (another seed, scale or version of the generator). */
export class DemoPlanDiffers extends DomainError {
  readonly code = 'DEMO_PLAN_DIFFERS';
}

export class DemoLoadNotStarted extends DomainError {
  readonly code = 'DEMO_LOAD_NOT_STARTED';
}

function assertSamePlan(state: DemoZoneState, fingerprint: string): void {
  if (state.fingerprint !== fingerprint) {
    throw new DemoPlanDiffers(
      `This database holds the demo zone of seed ${state.seed} at scale ${state.scale} (plan ${state.fingerprint?.slice(0, 12)}), not this plan (${fingerprint.slice(0, 12)}); load it into an empty database`,
    );
  }
}

export const demoZoneDecider: Decider<DemoZoneCommand, DemoZoneState, DemoZoneEvent> = {
  initialState: () => ({ status: 'none', seed: null, scale: null, fingerprint: null }),

  evolve(state, event) {
    switch (event.type) {
      case T.Started:
        return { status: 'loading', seed: event.data.seed, scale: event.data.scale, fingerprint: event.data.fingerprint };
      case T.Completed:
        return { ...state, status: 'loaded' };
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'StartDemoLoad': {
        // A load that stopped half-way is resumed under the same marker.
        if (state.status !== 'none') {
          assertSamePlan(state, command.fingerprint);
          return [];
        }
        const { seed, scale, fingerprint, steps, until } = command;
        return [{ type: T.Started, data: { seed, scale, fingerprint, steps, until } }];
      }
      case 'CompleteDemoLoad':
        if (state.status === 'none') throw new DemoLoadNotStarted('No demo load was started in this database');
        assertSamePlan(state, command.fingerprint);
        if (state.status === 'loaded') return [];
        return [{ type: T.Completed, data: { fingerprint: command.fingerprint, steps: command.steps } }];
      default:
        return assertNever(command, 'demo zone command');
    }
  },
};
