import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExecuteSubsidyCommandHandler } from './cases/application/execute-subsidy-command';
import { OpenSubsidyCaseHandler } from './cases/application/open-subsidy-case';
import { GetSubsidyCaseHandler, ListSubsidyCasesHandler } from './cases/queries/subsidy-case.queries';
import { SubsidyCaseRow } from './cases/read-models/subsidy-case.row';
import { SubsidyCasesProjection } from './cases/read-models/subsidy-cases.projection';
import { SubsidyPaymentRow } from './cases/read-models/subsidy-payment.row';
import { SubsidyPaymentsProjection } from './cases/read-models/subsidy-payments.projection';
import { GetSubsidyMetricsHandler } from './metrics/subsidy-metrics.query';
import { PublishPolicyItemHandler } from './policy-items/application/publish-policy-item';
import { ListPolicyItemsHandler } from './policy-items/read-model/list-policy-items.query';
import { SubsidyPolicyItemRow } from './policy-items/read-model/subsidy-policy-item.row';
import { SubsidyPolicyItemsProjection } from './policy-items/read-model/subsidy-policy-items.projection';

/** 惠企政策奖补: policy items and subsidy cases — command handlers (API), projections (worker), queries and metrics. */
@Module({
  imports: [TypeOrmModule.forFeature([SubsidyPolicyItemRow, SubsidyCaseRow, SubsidyPaymentRow])],
  providers: [
    PublishPolicyItemHandler,
    OpenSubsidyCaseHandler,
    ExecuteSubsidyCommandHandler,
    ListPolicyItemsHandler,
    ListSubsidyCasesHandler,
    GetSubsidyCaseHandler,
    GetSubsidyMetricsHandler,
    SubsidyPolicyItemsProjection,
    SubsidyCasesProjection,
    SubsidyPaymentsProjection,
  ],
})
export class SubsidiesModule {}
