import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CommandContext } from '@app/platform';
import type { GenerateUnitDigestResult } from '@app/reporting';

/** What GenerateUnitDigest's handler answers: `generated` is false when the date's digest already existed (a no-op). */
export type UnitDigestOutcome = GenerateUnitDigestResult;

/** Generates one date's digest; bound to the reporting context's command (unit-digest.generator.ts). */
export interface UnitDigestGenerator {
  generate(date: string, context: CommandContext): Promise<UnitDigestOutcome>;
}
export const UNIT_DIGEST_GENERATOR = Symbol('UnitDigestGenerator');

/**
 * 每日提醒: each morning, every active unit's red, yellow and blue problems, and the managers' list of problems no
 * unit has taken. Idempotent by the digest stream's version: a second run for the same date appends nothing.
 */
@Injectable()
export class UnitDigestJob {
  private readonly logger = new Logger('UnitDigest');

  constructor(@Inject(UNIT_DIGEST_GENERATOR) private readonly generator: UnitDigestGenerator) {}

  async run(date: string, runId: string): Promise<UnitDigestOutcome> {
    const outcome = await this.generator.generate(date, { actor: { id: 'system' }, correlationId: runId });
    this.logger.log(
      `Unit digest ${date}: ${outcome.generated ? `generated for ${outcome.units} unit(s), ${outcome.escalated} escalated` : 'already generated, nothing appended'}`,
    );
    return outcome;
  }
}
