import { EventStore1764300000000 } from './1764300000000-event-store';
import { UsersAndHttpIdempotency1764300000100 } from './1764300000100-users-and-http-idempotency';
import { Enterprises1764300000200 } from './1764300000200-enterprises';
import { WorkingCalendar1764300000300 } from './1764300000300-working-calendar';
import { Support1764300000400 } from './1764300000400-support';
import { Certifications1764300000500 } from './1764300000500-certifications';
import { Subsidies1764300000600 } from './1764300000600-subsidies';
import { EnterpriseTimeline1764300000700 } from './1764300000700-enterprise-timeline';
import { Reporting1764300000800 } from './1764300000800-reporting';
import { HandlingUnits1764300000950 } from './1764300000950-handling-units';
import { UserCredentialsGeneration1764300001100 } from './1764300001100-user-credentials-generation';
import { ProblemRegisteredBy1764300001200 } from './1764300001200-problem-registered-by';
import { VisitVoidedAt1764300001300 } from './1764300001300-visit-voided-at';
import { MonthlySummaryCut1764300001400 } from './1764300001400-monthly-summary-cut';
import { IdempotencyClaims1764300001800 } from './1764300001800-idempotency-claims';
import { ProblemHistoryRows1764300002100 } from './1764300002100-problem-history-rows';
import { ProjectionFailures1764300002200 } from './1764300002200-projection-failures';
import { UnitDigests1764300002600 } from './1764300002600-unit-digests';
import { StreamSnapshots1764300002700 } from './1764300002700-stream-snapshots';
import { ProblemSnapshots1764300002800 } from './1764300002800-problem-snapshots';
import { TimelineWithoutData1764300002900 } from './1764300002900-timeline-without-data';
import { ProblemSnapshotCohortKeys1764300003000 } from './1764300003000-problem-snapshot-cohort-keys';
import { VisitsMonthIndex1764300003100 } from './1764300003100-visits-month-index';
import { ProblemsListOrderIndex1764300003200 } from './1764300003200-problems-list-order-index';
import { ProblemSnapshotFigureIndexes1764300003300 } from './1764300003300-problem-snapshots-figure-indexes';

/** Every migration, in order. A new migration is a new file added here; an applied one is never edited. */
export const ALL_MIGRATIONS = [
  EventStore1764300000000,
  UsersAndHttpIdempotency1764300000100,
  Enterprises1764300000200,
  WorkingCalendar1764300000300,
  Support1764300000400,
  Certifications1764300000500,
  Subsidies1764300000600,
  EnterpriseTimeline1764300000700,
  Reporting1764300000800,
  HandlingUnits1764300000950,
  UserCredentialsGeneration1764300001100,
  ProblemRegisteredBy1764300001200,
  VisitVoidedAt1764300001300,
  MonthlySummaryCut1764300001400,
  IdempotencyClaims1764300001800,
  ProblemHistoryRows1764300002100,
  ProjectionFailures1764300002200,
  UnitDigests1764300002600,
  StreamSnapshots1764300002700,
  ProblemSnapshots1764300002800,
  TimelineWithoutData1764300002900,
  ProblemSnapshotCohortKeys1764300003000,
  VisitsMonthIndex1764300003100,
  ProblemsListOrderIndex1764300003200,
  ProblemSnapshotFigureIndexes1764300003300,
];
