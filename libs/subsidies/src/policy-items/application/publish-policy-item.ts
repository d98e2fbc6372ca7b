import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, newId, type CommandContext } from '@app/platform';
import { policyItemDecider } from '../domain/policy-item.decider';
import { policyItemStreamId, type PolicyMode } from '../domain/policy-item.events';

export interface NewPolicyItem {
  name: string;
  policyYear: number;
  issuingUnit: string;
  mode: PolicyMode;
}

export class PublishPolicyItem {
  constructor(
    readonly item: NewPolicyItem,
    readonly context: CommandContext,
  ) {}
}

export interface PolicyItemResult {
  policyItemId: string;
  version: number;
  position: number | null;
}

@CommandHandler(PublishPolicyItem)
export class PublishPolicyItemHandler implements ICommandHandler<PublishPolicyItem, PolicyItemResult> {
  constructor(private readonly runner: CommandRunner) {}

  async execute({ item, context }: PublishPolicyItem): Promise<PolicyItemResult> {
    // Derived from the Idempotency-Key when there is one, so a retried request addresses the same item.
    const policyItemId = newId(context.idempotencyKey, 'policy-item');
    const result = await this.runner.run(policyItemStreamId(policyItemId), policyItemDecider, { type: 'PublishPolicyItem', policyItemId, ...item }, context, {
      newStream: true,
    });
    return { policyItemId, version: result.version, position: result.append?.lastGlobalPosition ?? null };
  }
}
