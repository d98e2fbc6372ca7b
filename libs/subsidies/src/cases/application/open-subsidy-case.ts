import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { CommandRunner, type CommandContext } from '@app/platform';
import { enterpriseRequired } from '@app/support';
import { policyItemDecider } from '../../policy-items/domain/policy-item.decider';
import { policyItemStreamId, type PolicyItemEvent } from '../../policy-items/domain/policy-item.events';
import { subsidyCaseId } from '../domain/subsidy-case-id';
import type { PolicyItemFacts } from '../domain/subsidy.commands';
import { subsidyDecider } from '../domain/subsidy.decider';
import { subsidyStreamId } from '../domain/subsidy.events';
import type { SubsidyCommandResult } from './subsidy-command-result';

/** 免申即享 matching ('match') or an enterprise's 申报 ('apply'); the policy item's mode decides which is allowed. */
export class OpenSubsidyCase {
  constructor(
    readonly how: 'match' | 'apply',
    readonly enterpriseUscc: string,
    readonly policyItemId: string,
    /** Business date of the match or application. */
    readonly on: string,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(OpenSubsidyCase)
export class OpenSubsidyCaseHandler implements ICommandHandler<OpenSubsidyCase, SubsidyCommandResult> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ how, enterpriseUscc, policyItemId, on, context }: OpenSubsidyCase): Promise<SubsidyCommandResult> {
    const caseId = subsidyCaseId(enterpriseUscc, policyItemId);
    const policyItem = await this.policyItem(policyItemId);
    const type = how === 'match' ? 'MatchSubsidy' : 'ApplyForSubsidy';
    const result = await this.runner.run(subsidyStreamId(caseId), subsidyDecider, { type, caseId, enterpriseUscc, policyItemId, policyItem, on }, context, {
      requires: [enterpriseRequired(enterpriseUscc)],
    });
    return { caseId, status: result.state.status, version: result.version, position: result.append?.lastGlobalPosition ?? null };
  }

  /** From the log, not the read model: an item published a moment ago already counts. */
  private async policyItem(policyItemId: string): Promise<PolicyItemFacts | null> {
    const events = await this.store.readStream(policyItemStreamId(policyItemId));
    const item = events.reduce((s, e) => policyItemDecider.evolve(s, e as unknown as PolicyItemEvent), policyItemDecider.initialState());
    return item && { policyItemId: item.policyItemId, policyYear: item.policyYear, mode: item.mode };
  }
}
