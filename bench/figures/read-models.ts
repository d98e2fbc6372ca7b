/**
 * Every read model the worker keeps, constructed as the worker's module does (none takes a dependency), for the
 * bench's rebuild of all of them. A new @ReadModelProjection() belongs here too.
 */
import type { Projection } from '@app/event-store';
import { CertificationWindowsProjection } from '../../libs/enterprises/src/certifications/read-models/certification-windows/certification-windows.projection';
import { ReferenceTotalsProjection } from '../../libs/enterprises/src/certifications/read-models/reference-totals/reference-totals.projection';
import { EnterpriseDirectoryProjection } from '../../libs/enterprises/src/read-models/enterprise-directory/enterprise-directory.projection';
import { EnterpriseTimelineProjection } from '../../libs/enterprises/src/read-models/enterprise-timeline/enterprise-timeline.projection';
import { MonthlySummariesProjection } from '../../libs/reporting/src/monthly-summary/read-model/monthly-summaries.projection';
import { UnitDigestsProjection } from '../../libs/reporting/src/unit-digest/read-model/unit-digests.projection';
import { SubsidyCasesProjection } from '../../libs/subsidies/src/cases/read-models/subsidy-cases.projection';
import { SubsidyPaymentsProjection } from '../../libs/subsidies/src/cases/read-models/subsidy-payments.projection';
import { SubsidyPolicyItemsProjection } from '../../libs/subsidies/src/policy-items/read-model/subsidy-policy-items.projection';
import { HandlingUnitsProjection } from '../../libs/support/src/handling-units/read-model/handling-units.projection';
import { ProblemDetailsProjection } from '../../libs/support/src/problems/read-models/problem-details/problem-details.projection';
import { ProblemFactsProjection } from '../../libs/support/src/problems/read-models/problem-facts/problem-facts.projection';
import { VisitsProjection } from '../../libs/support/src/visits/read-models/visits.projection';
import { WorkingCalendarDaysProjection } from '../../libs/support/src/working-calendar/read-model/working-calendar-days.projection';

export const allReadModels = (): Projection[] => [
  new ProblemFactsProjection(),
  new ProblemDetailsProjection(),
  new VisitsProjection(),
  new HandlingUnitsProjection(),
  new WorkingCalendarDaysProjection(),
  new EnterpriseDirectoryProjection(),
  new EnterpriseTimelineProjection(),
  new CertificationWindowsProjection(),
  new ReferenceTotalsProjection(),
  new SubsidyCasesProjection(),
  new SubsidyPaymentsProjection(),
  new SubsidyPolicyItemsProjection(),
  new MonthlySummariesProjection(),
  new UnitDigestsProjection(),
];
