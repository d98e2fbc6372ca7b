import { DemoLoader, DemoLoadRefused, generateDemoPlan } from '@app/demo';
import { RegisterEnterpriseCommand, usccCheckCharacter } from '@app/enterprises';
import { CommandBus } from '@nestjs/cqrs';
import { DEMO_TEST_SCALE, demoZoneSpec } from '../../../../test/support/demo-zone-spec';
import { startTestApi } from '../../../../test/support/test-app';

describe('the demo zone on embedded PGlite', () => demoZoneSpec('pglite'));

describe('the demo zone refuses a database with real data', () => {
  it('says so, and appends nothing', async () => {
    const api = await startTestApi('pglite', {}, { demo: true });
    try {
      const uscc = `91360191MA0000001`;
      await api.app.get(CommandBus).execute(
        new RegisterEnterpriseCommand({ uscc: uscc + usccCheckCharacter(uscc), name: '真实企业有限公司', address: '科创大道1号', park: '科创孵化园', industry: '软件和信息技术服务业' }, { actor: { id: 'someone' }, correlationId: 'real' }),
      );
      const load = api.app.get(DemoLoader).load(generateDemoPlan({ scale: DEMO_TEST_SCALE }));
      await expect(load).rejects.toThrow(DemoLoadRefused);
      await expect(load).rejects.toThrow(/already holds 1 event that the demo zone did not write/);
    } finally {
      await api.close();
    }
  });
});
