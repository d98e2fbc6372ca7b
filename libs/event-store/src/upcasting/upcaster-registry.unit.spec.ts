import { UnknownSchemaVersionError, UpcasterRegistry } from './upcaster-registry';

describe('UpcasterRegistry', () => {
  const v1ToV2 = { type: 'ProblemRegistered', fromVersion: 1, upcast: (d: any) => ({ ...d, channel: 'visit' }) };
  const v2ToV3 = {
    type: 'ProblemRegistered',
    fromVersion: 2,
    upcast: ({ title, ...rest }: any) => ({ ...rest, summary: title }),
  };

  it('refuses an event stored at a version newer than its upcasters produce, instead of handing it on as stored', () => {
    const registry = new UpcasterRegistry([v1ToV2, v2ToV3]);

    expect(() => registry.upcast('ProblemRegistered', 4, { title: '用地' }, 'problem-1')).toThrow(UnknownSchemaVersionError);
    expect(() => registry.upcast('ProblemRegistered', 4, {}, 'problem-1')).toThrow('stored at schema version 4; this code knows up to version 3');
    expect(registry.upcast('ProblemRegistered', 3, { summary: '用地' }, 'problem-1')).toEqual({ schemaVersion: 3, data: { summary: '用地' } });
  });

  it('leaves an event with no upcaster as stored', () => {
    const registry = new UpcasterRegistry([v1ToV2]);
    const data = { title: '用地' };

    expect(registry.upcast('VisitLogged', 1, data, 'visit-1')).toEqual({ schemaVersion: 1, data });
    expect(new UpcasterRegistry().upcast('ProblemRegistered', 1, data, 'problem-1')).toEqual({ schemaVersion: 1, data });
  });

  it('chains upcasters one version at a time, in order, up to the newest shape', () => {
    // Registered newest first: order of registration must not matter.
    const registry = new UpcasterRegistry([v2ToV3, v1ToV2]);

    expect(registry.upcast('ProblemRegistered', 1, { title: '用地' }, 'problem-1')).toEqual({
      schemaVersion: 3,
      data: { channel: 'visit', summary: '用地' },
    });
  });

  it('starts from the stored version: a version-2 event only goes through 2 → 3', () => {
    const seen: number[] = [];
    const registry = new UpcasterRegistry()
      .register({ ...v1ToV2, upcast: (d) => (seen.push(1), d) })
      .register({ ...v2ToV3, upcast: (d) => (seen.push(2), d) });

    expect(registry.upcast('ProblemRegistered', 2, { title: 'x' }, 'problem-1').schemaVersion).toBe(3);
    expect(seen).toEqual([2]);
  });

  it('stops at a missing step rather than skipping it', () => {
    const registry = new UpcasterRegistry([v1ToV2, { type: 'ProblemRegistered', fromVersion: 3, upcast: () => 'never' }]);

    expect(registry.upcast('ProblemRegistered', 1, {}, 'problem-1')).toEqual({ schemaVersion: 2, data: { channel: 'visit' } });
  });

  it('gives each upcaster the event type and stream id', () => {
    const upcast = jest.fn((d: unknown) => d);
    new UpcasterRegistry([{ type: 'VisitLogged', fromVersion: 1, upcast }]).upcast('VisitLogged', 1, { a: 1 }, 'visit-9');

    expect(upcast).toHaveBeenCalledWith({ a: 1 }, { type: 'VisitLogged', streamId: 'visit-9' });
  });

  it('refuses two upcasters for the same type and version', () => {
    const registry = new UpcasterRegistry([v1ToV2]);

    expect(() => registry.register({ ...v1ToV2 })).toThrow('ProblemRegistered@1 is already registered');
    expect(() => new UpcasterRegistry([v1ToV2, v1ToV2])).toThrow(/already registered/);
  });
});
