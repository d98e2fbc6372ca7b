import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, ProjectionRegistry, ReadModelWaiter, type EventStore } from '@app/event-store';
import { AppConfig, UsersService, type AuthUser } from '@app/platform';
import { JobRunner, jobId } from '@app/jobs';
import { ExecuteHandlingUnitCommand } from '@app/support';
import { demoZoneDecider, type DemoZoneState } from '../marker/demo-zone.decider';
import { DEMO_ZONE_STREAM, type DemoZoneEvent } from '../marker/demo-zone.events';
import { RecordDemoLoad } from '../marker/record-demo-load';
import { planFingerprint } from '../plan/demo-plan';
import type { DemoAccount, DemoPlan, DemoStep } from '../plan/plan.types';
import { stepIdempotencyKey } from '../plan/builder';
import { commandFor, type StepContext } from './step-commands';

export interface DemoLoadResult {
  outcome: 'loaded' | 'already_loaded';
  steps: number;
  /** Events appended by this load (0 for a second load). */
  eventsAppended: number;
  ms: number;
}

export interface DemoLoadOptions {
  /** After each step (the step just run); the bench attributes time to step kinds with it. */
  onProgress?: (done: number, total: number, step: DemoStep) => void;
}

/** The database holds events the demo did not write: loading would mix invented firms into real figures. */
export class DemoLoadRefused extends Error {}

const SYSTEM: AuthUser = { id: 'system', username: 'system', displayName: '系统', role: 'admin', unitId: null };
/** Streams written by every API start-up (the seeded working calendar), not by anyone's work. */
const START_UP_STREAMS = `stream_id LIKE 'calendar-%'`;
/** A job may wait longer than a request for the read models it reads; a bulk load keeps them busy. */
const CATCH_UP_TIMEOUT_MS = 300_000;

/**
 * Loads a demo plan through the same CommandBus handlers the API uses, step by step, under idempotency
 * keys derived from the seed: a load that stopped half-way resumes without doubling anything, and a
 * completed one (the marker stream says so) is not run again.
 */
@Injectable()
export class DemoLoader {
  private readonly logger = new Logger('DemoZone');

  constructor(
    private readonly commands: CommandBus,
    private readonly moduleRef: ModuleRef,
    private readonly config: AppConfig,
    private readonly waiter: ReadModelWaiter,
    private readonly projections: ProjectionRegistry,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async load(plan: DemoPlan, { onProgress }: DemoLoadOptions = {}): Promise<DemoLoadResult> {
    const started = Date.now();
    const fingerprint = planFingerprint(plan);
    const marker = await this.marker();
    if (marker.status === 'loaded' && marker.fingerprint === fingerprint) {
      // A demo loaded before the unit registry existed gets its units now; a later start finds them and appends nothing.
      const before = await this.eventCount();
      await this.ensureUnits(plan);
      return { outcome: 'already_loaded', steps: plan.steps.length, eventsAppended: (await this.eventCount()) - before, ms: Date.now() - started };
    }
    if (marker.status === 'none') await this.refuseForeignEvents();
    const before = await this.eventCount();
    // One idempotency key per marker step: the runner keys appends by (key, stream), and both go to one stream.
    const marking = (what: string) => this.context(SYSTEM, stepIdempotencyKey(plan.seed, `marker-${what}-${fingerprint.slice(0, 16)}`));
    await this.commands.execute(new RecordDemoLoad({ type: 'StartDemoLoad', seed: plan.seed, scale: plan.scale, fingerprint, steps: plan.steps.length, until: plan.until }, marking('start')));
    // Units first: every unit handler and every assignment refers to a registered, active unit.
    await this.ensureUnits(plan);
    const actors = await this.ensureAccounts(plan.accounts);
    // The working calendar seeded at start-up must be in its read model before the first deadline.
    await this.catchUp();
    for (const [i, step] of plan.steps.entries()) {
      await this.run(plan, step, actors, marker.status === 'loading');
      onProgress?.(i + 1, plan.steps.length, step);
    }
    await this.commands.execute(new RecordDemoLoad({ type: 'CompleteDemoLoad', fingerprint, steps: plan.steps.length }, marking('complete')));
    await this.catchUp();
    return { outcome: 'loaded', steps: plan.steps.length, eventsAppended: (await this.eventCount()) - before, ms: Date.now() - started };
  }

  private async run(plan: DemoPlan, step: DemoStep, actors: ReadonlyMap<string, AuthUser>, resuming: boolean): Promise<void> {
    const actor = step.actor === 'system' ? SYSTEM : actors.get(step.actor);
    if (!actor) throw new Error(`Demo step ${step.key}: no account ${step.actor}`);
    const ctx = this.context(actor, stepIdempotencyKey(plan.seed, step.key));
    const { action } = step;
    try {
      if (action.kind === 'run-job') {
        await this.catchUp();
        const runner = this.moduleRef.get(JobRunner, { strict: false });
        await runner.run(action.job, action.period, jobId(action.job, this.config.zoneId, action.period));
        return;
      }
      if (action.kind === 'correct-monthly-summary') await this.catchUp();
      const { command, expectId } = commandFor(action, ctx);
      const result = (await this.commands.execute(command)) as Record<string, unknown>;
      if (expectId && result[expectId[0]] !== expectId[1]) {
        throw new Error(`${expectId[0]} ${String(result[expectId[0]])} is not the planned ${expectId[1]}: the plan derives ids differently from the handler`);
      }
    } catch (error) {
      // Resuming, a job re-run on later state may refuse a step its first run recorded already.
      if (resuming && action.kind === 'run-job') {
        this.logger.warn(`Demo step ${step.key} (resumed): ${(error as Error).message}`);
        return;
      }
      throw new Error(`Demo step ${step.key} (${action.kind}, recorded ${step.day}) failed: ${(error as Error).message}`, { cause: error });
    }
  }

  /** Registers the zone's handling units; the same registration again decides nothing. */
  private async ensureUnits(plan: DemoPlan): Promise<void> {
    for (const unit of plan.units) {
      const ctx = this.context(SYSTEM, stepIdempotencyKey(plan.seed, `unit-${unit.id}`));
      const request = { type: 'RegisterHandlingUnit' as const, name: unit.name, level: unit.level, parentId: unit.parentId ?? null };
      await this.commands.execute(new ExecuteHandlingUnitCommand(unit.id, request, ctx));
    }
  }

  /** Creates the demo accounts that do not exist yet; an existing account of another id is not ours to reuse. */
  private async ensureAccounts(accounts: readonly DemoAccount[]): Promise<Map<string, AuthUser>> {
    const users = this.moduleRef.get(UsersService, { strict: false });
    const existing = new Map((await users.findByUsernames(accounts.map((a) => a.username))).map((u) => [u.username, u]));
    const missing = accounts.filter((a) => {
      const found = existing.get(a.username);
      if (found && found.id !== a.id) throw new DemoLoadRefused(`An account named ${a.username} exists already and is not the demo's`);
      return !found;
    });
    // argon2 hashing dominates account creation and runs on libuv's threads: hash them side by side.
    const created = await Promise.all(missing.map((a) => users.create({ id: a.id, username: a.username, displayName: a.displayName, password: a.password, role: a.role, unitId: a.unitId })));
    for (const u of created) existing.set(u.username, u);
    return new Map(accounts.map((a) => [a.username, existing.get(a.username)!]));
  }

  private async refuseForeignEvents(): Promise<void> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM es_events WHERE NOT (${START_UP_STREAMS})`);
    if (n > 0) {
      throw new DemoLoadRefused(
        `This database already holds ${n} event${n === 1 ? '' : 's'} that the demo zone did not write; the demo loads only into an empty database. ` +
          `Point DATABASE_URL (or DATA_DIR for the embedded database) at an empty one, or start the app without the demo (npm start).`,
      );
    }
  }

  private async marker(): Promise<DemoZoneState> {
    const events = await this.store.readStream(DEMO_ZONE_STREAM);
    return events.reduce((s, e) => demoZoneDecider.evolve(s, e as unknown as DemoZoneEvent), demoZoneDecider.initialState());
  }

  private async catchUp(): Promise<void> {
    const head = await this.store.settledHead(CATCH_UP_TIMEOUT_MS);
    if (head.globalPosition === 0) return;
    await this.waiter.waitFor(head.globalPosition, this.projections.all().map((p) => p.name), CATCH_UP_TIMEOUT_MS);
  }

  private async eventCount(): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM es_events`);
    return n;
  }

  private context(actor: AuthUser, key: string): StepContext {
    return { actor, correlationId: key, idempotencyKey: key };
  }
}
