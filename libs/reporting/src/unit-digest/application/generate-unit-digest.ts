import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@app/event-store';
import { AppConfig, CommandRunner, isCalendarDate, todayInShanghai, type CommandContext } from '@app/platform';
import { digestLines, escalationLines, type ColouredProblem } from '../domain/digest-lines';
import { unitDigestDecider } from '../domain/unit-digest.decider';
import { unitDigestStreamId, type UnitDigest } from '../domain/unit-digest.events';
import { DigestSource } from './digest-source';

/** 每日提醒: generate the digest of a business date (a no-op when it exists). */
export class GenerateUnitDigest {
  constructor(
    /** 'YYYY-MM-DD', Asia/Shanghai. */
    readonly date: string,
    readonly context: CommandContext,
  ) {}
}

export interface GenerateUnitDigestResult {
  streamId: string;
  date: string;
  /** The log position of the appended event; null when nothing was appended. */
  position: number | null;
  generated: boolean;
  units: number;
  escalated: number;
}

export class InvalidDigestDate extends DomainError {
  readonly code = 'INVALID_DIGEST_DATE';
  override readonly kind = 'invalid';
  constructor(date: string) {
    super(`"${date}" is not a calendar date (YYYY-MM-DD)`, { date });
  }
}

@CommandHandler(GenerateUnitDigest)
export class GenerateUnitDigestHandler implements ICommandHandler<GenerateUnitDigest, GenerateUnitDigestResult> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly source: DigestSource,
    private readonly config: AppConfig,
  ) {}

  async execute({ date, context }: GenerateUnitDigest): Promise<GenerateUnitDigestResult> {
    if (!isCalendarDate(date)) throw new InvalidDigestDate(date);
    const zone = this.config.zoneId;
    const streamId = unitDigestStreamId(zone, date);
    const { cut, calendar, units, coloured, unaccepted } = await this.source.read(date);
    const byUnit = new Map<string, ColouredProblem[]>();
    for (const p of coloured) {
      const lines = byUnit.get(p.leadUnitId);
      if (lines) lines.push(p);
      else byUnit.set(p.leadUnitId, [p]);
    }
    // Only active units get a digest: a deactivated unit's problems are the managers' to move (they stay in the list).
    const digests: UnitDigest[] = units
      .filter((u) => byUnit.has(u.unitId))
      .map((u) => ({ unitId: u.unitId, unitName: u.name, lines: digestLines(byUnit.get(u.unitId)!, date, calendar) }));
    const escalateAfterWorkingDays = this.config.jobs.digestEscalateAfterWorkingDays;
    const command = {
      type: 'GenerateUnitDigest' as const,
      zone,
      date,
      cut,
      rules: { ...this.config.warnings, escalateAfterWorkingDays },
      units: digests,
      escalation: escalationLines(unaccepted, date, escalateAfterWorkingDays, calendar),
      today: todayInShanghai(),
    };
    const result = await this.runner.run(streamId, unitDigestDecider, command, context);
    return {
      streamId,
      date,
      position: result.append?.lastGlobalPosition ?? null,
      generated: result.events.length > 0,
      units: digests.length,
      escalated: command.escalation.length,
    };
  }
}
