import { storedEvent } from '@app/event-store/testing';
import { ENTERPRISE_REGISTERED, ENTERPRISE_RENAMED } from '../../domain/enterprise.events';
import { StreamOrderError } from '@app/event-store';
import { EnterpriseDirectoryProjection, evolveEnterpriseRow, type EnterpriseDirectoryRow } from './enterprise-directory.projection';

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

  it('an event the row already reflects (stream position at or below its version) is refused by the writer as out of stream order, never folded', async () => {
    const after = evolveEnterpriseRow(row, renamed)!;
    expect(after.name).toBe('星河智能');
    // The writer loads the stored row (version 2) and meets position 2 again: evolve is never asked.
    const sql = { query: jest.fn(async (text: string) => (text.startsWith('SELECT') ? [{ row: after }] : [])) };
    const apply = new EnterpriseDirectoryProjection().apply([renamed], { sql: sql as never, table: (t) => t });
    await expect(apply).rejects.toThrow(StreamOrderError);
    expect(sql.query).toHaveBeenCalledTimes(1); // the load only: nothing written
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
