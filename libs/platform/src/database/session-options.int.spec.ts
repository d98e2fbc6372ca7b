import { openTestDatabase, serverDatabaseKinds, type TestDatabase } from '../../../../test/support/test-database';

// Only a server has JIT (and the startup options that turn it off); the embedded database has neither.
describe.each(serverDatabaseKinds())('the sessions the apps open on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind, { poolSize: 2 });
  });
  afterAll(() => db?.close());

  it('run with JIT off, on every connection of the pool (the event store shares it)', async () => {
    const answers = await Promise.all([1, 2].map(() => db.dataSource.query<{ jit: string }[]>('SELECT current_setting($1) AS jit, pg_sleep(0.05)', ['jit'])));
    expect(answers.map(([row]) => row.jit)).toEqual(['off', 'off']);
  });
});
