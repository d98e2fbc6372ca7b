import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/platform';
import type { EnterpriseCommandResult } from '../enterprise-command-result';

export interface RenameEnterpriseInput {
  uscc: string;
  /** The new name. */
  name: string;
  /** Business date the new name took effect, 'YYYY-MM-DD'. */
  effectiveOn: string;
}

export class RenameEnterpriseCommand extends Command<EnterpriseCommandResult> {
  constructor(
    readonly input: RenameEnterpriseInput,
    readonly context: CommandContext,
    /** The version the caller last read; if the stream has moved on, a ConcurrencyError (409) instead. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
