import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import { ConcurrencyError, DomainError, StreamBusyError } from '@app/event-store';

/** How a command ended: appended events, decided nothing, refused by a rule, lost to a stale version, or else. */
export type CommandOutcome = 'appended' | 'unchanged' | 'refused' | 'conflict' | 'busy' | 'error';

/**
 * Prometheus counters of the write side, in a registry of this application (not prom-client's global one):
 * commands by name and outcome, and appended events by type. Both label sets are bounded by the code.
 */
@Injectable()
export class CommandMetrics {
  readonly registry = new Registry();
  private readonly commands = new Counter({
    name: 'zhuqi_commands_total',
    help: 'Commands handled in this process, by command type and outcome',
    labelNames: ['command', 'outcome'],
    registers: [this.registry],
  });
  private readonly redecisions = new Counter({
    name: 'zhuqi_command_redecisions_total',
    help: 'Commands re-read and re-decided after another writer moved their stream first, by command type',
    labelNames: ['command'],
    registers: [this.registry],
  });
  private readonly appended = new Counter({
    name: 'zhuqi_events_appended_total',
    help: 'Events appended by commands in this process, by event type',
    labelNames: ['type'],
    registers: [this.registry],
  });

  succeeded(command: string, eventTypes: readonly string[]): void {
    this.commands.inc({ command, outcome: eventTypes.length > 0 ? 'appended' : 'unchanged' });
    for (const type of eventTypes) this.appended.inc({ type });
  }

  /** A command lost a race on its stream and is decided again on the newer state. */
  redecided(command: string): void {
    this.redecisions.inc({ command });
  }

  failed(command: string, error: unknown): void {
    this.commands.inc({ command, outcome: outcomeOf(error) });
  }
}

function outcomeOf(error: unknown): CommandOutcome {
  if (error instanceof DomainError) return 'refused';
  if (error instanceof ConcurrencyError) return 'conflict';
  if (error instanceof StreamBusyError) return 'busy';
  return 'error';
}
