import { DataSource } from 'typeorm';
import { schemaDrift } from '@app/platform';
import { startTestApi } from './support/test-app';
import { testDatabaseKinds } from './support/test-database';

/** Schema changes only through migrations: a fresh database migrated up must match every entity. */
describe.each(testDatabaseKinds())('migrations on %s', (kind) => {
  it('create exactly the schema the entities describe', async () => {
    const api = await startTestApi(kind, { PROJECTIONS_IN_API: 'false' });
    try {
      const dataSource = api.app.get(DataSource);
      expect(await schemaDrift(dataSource)).toEqual([]);
      expect(dataSource.options.synchronize).toBe(false);
      const pending = await dataSource.showMigrations();
      expect(pending).toBe(false);
    } finally {
      await api.close();
    }
  });

  it('are reversible: down then up again leaves no drift', async () => {
    const api = await startTestApi(kind, { PROJECTIONS_IN_API: 'false' });
    try {
      const dataSource = api.app.get(DataSource);
      for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration({ transaction: 'all' });
      await dataSource.runMigrations({ transaction: 'all' });
      expect(await schemaDrift(dataSource)).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
