import { rebuildProjection } from '@app/event-store';
import { projectionSpec, storedEvent } from '@app/event-store/testing';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../../../../test/support/test-database';
import { certificationGranted, certificationRenewed, certificationRevoked } from '../../domain/certification.events';
import { certificationIdFor, certificationsStreamId } from '../../domain/certification.state';
import { CertificationWindowsProjection } from './certification-windows.projection';

const HUAWEI = '914403001922038216';
const XIAOMI = '91110108551385082Q';
const grant = (uscc: string, type: 'specialized_sme' | 'little_giant', level: 'province' | 'national', validFrom: string, validTo: string) =>
  certificationGranted({
    certificationId: certificationIdFor(uscc, type, level, '2024年第一批'),
    uscc,
    type,
    level,
    batch: '2024年第一批',
    documentNumber: '文号1',
    announcedOn: '2024-03-20',
    validFrom,
    validTo,
  });
const sme = grant(HUAWEI, 'specialized_sme', 'province', '2024-03-01', '2027-02-28');
const giant = grant(HUAWEI, 'little_giant', 'national', '2024-07-01', '2027-06-30');
const renewed = certificationRenewed({ certificationId: sme.data.certificationId, batch: '2027年复核', announcedOn: '2027-02-01', validTo: '2030-02-28' });
const revoked = certificationRevoked({ certificationId: sme.data.certificationId, effectiveFrom: '2025-01-01', reason: '弄虚作假' });

describe.each(testDatabaseKinds())('certification windows projection on %s', (kind) => {
  let db: TestDatabase;
  const projection = new CertificationWindowsProjection();
  const spec = () => projectionSpec(db.sql, projection);
  const rows = () => db.sql.query<Record<string, unknown>>('SELECT * FROM certification_windows ORDER BY uscc, type');

  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(() => db?.close());
  beforeEach(() => spec().reset());

  it('folds grant, 复核 and revocation into the row, keeps the upgrade as its own row; a duplicate delivery changes nothing', async () => {
    const stream = certificationsStreamId(HUAWEI);
    const e1 = storedEvent(stream, 1, sme.type, sme.data);
    const e2 = storedEvent(stream, 2, giant.type, giant.data);
    const e3 = storedEvent(stream, 3, renewed.type, renewed.data);
    const e4 = storedEvent(stream, 4, revoked.type, revoked.data);
    await spec().given([e1, e2], [e2, e3], [e3], [e4], [e1, e2, e3, e4]);

    const [giantRow, smeRow] = await rows();
    expect(smeRow).toEqual({
      certification_id: sme.data.certificationId,
      uscc: HUAWEI,
      type: 'specialized_sme',
      level: 'province',
      batch: '2024年第一批',
      document_number: '文号1',
      announced_on: expect.anything(),
      valid_from: expect.anything(),
      granted_valid_to: expect.anything(),
      valid_to: expect.anything(),
      revoked_from: expect.anything(),
      revocation_reason: '弄虚作假',
      recorded_at: e1.recordedAt,
      updated_at: e4.recordedAt,
      version: 4,
      history: [
        { change: 'renewed', batch: '2027年复核', announcedOn: '2027-02-01', validTo: '2030-02-28', recordedAt: e3.recordedAt.toISOString() },
        { change: 'revoked', effectiveFrom: '2025-01-01', reason: '弄虚作假', recordedAt: e4.recordedAt.toISOString() },
      ],
    });
    const dates = await db.sql.query<Record<string, string>>(
      `SELECT announced_on::text a, valid_from::text f, granted_valid_to::text g, valid_to::text t, revoked_from::text r
       FROM certification_windows WHERE certification_id = $1`,
      [sme.data.certificationId],
    );
    expect(dates).toEqual([{ a: '2024-03-20', f: '2024-03-01', g: '2027-02-28', t: '2030-02-28', r: '2025-01-01' }]);
    expect(giantRow).toMatchObject({ type: 'little_giant', level: 'national', revoked_from: null, version: 2, history: [] });
  });

  it('a rebuild from the log gives the same rows', async () => {
    const store = db.store();
    await store.append(certificationsStreamId(HUAWEI), [sme, giant]);
    await store.append(certificationsStreamId(XIAOMI), [grant(XIAOMI, 'specialized_sme', 'province', '2024-03-01', '2027-02-28')]);
    await store.append(certificationsStreamId(HUAWEI), [renewed, revoked]);
    await store.append('enterprise-x', [{ type: 'EnterpriseRegistered', data: {} }]);
    const { events } = await store.readAll();
    await spec().given(events.slice(0, 2), events, events.slice(3));
    const live = await rows();
    expect(live).toHaveLength(3);

    await db.sql.query(`UPDATE certification_windows SET valid_to = '2000-01-01', history = '[]'`);
    await db.sql.query('DELETE FROM certification_windows WHERE uscc = $1', [XIAOMI]);
    await rebuildProjection(db.sql, projection, { batchSize: 2 });
    expect(await rows()).toEqual(live);
  });
});
