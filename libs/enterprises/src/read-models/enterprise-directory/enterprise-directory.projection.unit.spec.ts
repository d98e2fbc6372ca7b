import { storedEvent } from '@app/event-store/testing';
import { ENTERPRISE_REGISTERED, ENTERPRISE_RENAMED } from '../../domain/enterprise.events';
import { evolveEnterpriseRow, type EnterpriseDirectoryRow } from './enterprise-directory.projection';

const STREAM = 'enterprise-914403001922038216';
const registeredData = {
  uscc: '914403001922038216',
  name: '星河精密',
  address: 'a',
  park: 'p',
  industry: 'i',
  registeredAt: '2024-05-06T01:00:00.000Z',
};
const renamedData = { from: '星河精密', to: '星河智能', effectiveOn: '2024-06-15' };

describe('evolveEnterpriseRow', () => {
  const row = evolveEnterpriseRow(null, storedEvent(STREAM, 1, ENTERPRISE_REGISTERED, registeredData)) as EnterpriseDirectoryRow;
  const renamed = storedEvent(STREAM, 2, ENTERPRISE_RENAMED, renamedData);

  it('is a no-op for an event the row already reflects (stream position at or below its version)', () => {
    const after = evolveEnterpriseRow(row, renamed)!;
    expect(after.name).toBe('星河智能');
    expect(evolveEnterpriseRow(after, renamed)).toBe(after);
    expect(evolveEnterpriseRow(after, storedEvent(STREAM, 1, ENTERPRISE_REGISTERED, registeredData))).toBe(after);
  });

  it('does not register twice over an existing row, nor change a row it never saw registered', () => {
    const again = storedEvent(STREAM, 1, ENTERPRISE_REGISTERED, { ...registeredData, name: 'x' });
    expect(evolveEnterpriseRow({ ...row, version: 0 }, again)).toEqual({ ...row, version: 0 });
    expect(evolveEnterpriseRow(null, renamed)).toBeNull();
  });

  it('leaves other streams and unknown event types alone', () => {
    expect(evolveEnterpriseRow(null, storedEvent('visit-1', 1, ENTERPRISE_REGISTERED, registeredData))).toBeNull();
    expect(evolveEnterpriseRow(row, storedEvent(STREAM, 5, 'EnterpriseMerged', {}))).toBe(row);
  });
});
