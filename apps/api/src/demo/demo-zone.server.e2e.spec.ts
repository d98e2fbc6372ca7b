import { demoZoneSpec } from '../../../../test/support/demo-zone-spec';
import { serverDatabaseKinds } from '../../../../test/support/test-database';

describe.each(serverDatabaseKinds())('the demo zone on %s', (kind) => demoZoneSpec(kind));
