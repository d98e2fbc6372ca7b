import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/platform';
import type { EnterpriseCommandResult } from '../enterprise-command-result';

export interface RelocateEnterpriseInput {
  uscc: string;
  address: string;
  park: string;
  /** Business date of the move, 'YYYY-MM-DD'. */
  effectiveOn: string;
}

export class RelocateEnterpriseCommand extends Command<EnterpriseCommandResult> {
  constructor(
    readonly input: RelocateEnterpriseInput,
    readonly context: CommandContext,
    /** The version the caller last read; if the stream has moved on, a ConcurrencyError (409) instead. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
