import { DataSource } from 'typeorm';
import { useSupportWorld } from '../../../../test/support/support-fixtures';
import { createUser, type TestUser } from '../../../../test/support/auth';
import { testDatabaseKinds } from '../../../../test/support/test-database';

const PUBLICITY = { from: '2024-03-01', to: '2024-03-07' };

describe.each(testDatabaseKinds())('subsidies (惠企政策奖补) over HTTP on %s', (kind) => {
  const w = useSupportWorld(kind);
  const post = (path: string, body: object, user: TestUser = w.users.manager) =>
    w.http().post(`/api/v1/subsidies${path}`).set('Authorization', user.auth).send(body);
  const get = (path: string, query: object = {}, user: TestUser = w.users.manager) =>
    w.http().get(`/api/v1/subsidies${path}`).query(query).set('Authorization', user.auth);
  /** Every event of every stream: a refusal must append nothing anywhere. */
  const allEvents = async () => {
    const [{ n }] = await w.api.app.get(DataSource).query('SELECT count(*)::int AS n FROM es_events');
    return n as number;
  };
  const publish = async (policyYear: number, mode: 'automatic' | 'application') =>
    (await post('/policy-items', { name: `${policyYear}年区级研发费用补助`, policyYear, issuingUnit: '区科技局', mode }).expect(201)).body as {
      policyItemId: string;
      position: number;
    };
  /** A case approved for `approvedAmountFen` and through its 公示 (1–7 March 2024). */
  const announcedCase = async (policyItemId: string, approvedAmountFen: number, how: 'match' | 'apply' = 'match') => {
    const uscc = await w.registerEnterprise();
    const { caseId } = (await post('/cases', { how, enterpriseUscc: uscc, policyItemId, on: '2024-01-10' }, w.users.caseworker).expect(201)).body;
    await post(`/cases/${caseId}/review`, { decision: 'approve', approvedAmountFen, on: '2024-02-20' }).expect(200);
    await post(`/cases/${caseId}/announce`, PUBLICITY).expect(200);
    return { caseId: caseId as string, uscc };
  };
  const pay = (caseId: string, disbursementId: string, amountFen: number, paidOn: string) =>
    post(`/cases/${caseId}/disbursements`, { disbursementId, amountFen, paidOn });

  it('matches, approves, announces, pays in two parts and recovers part; the case and its payments read back', async () => {
    const { policyItemId: itemId, position } = await publish(2023, 'automatic');
    const items = await get('/policy-items', { policyYear: 2023, position }, w.users.caseworker).expect(200);
    expect(items.body.items).toContainEqual(expect.objectContaining({ policyItemId: itemId, policyYear: 2023, mode: 'automatic' }));

    const { caseId, uscc } = await announcedCase(itemId, 10_000_000);
    expect((await pay(caseId, 'PAY-1', 6_000_000, '2024-03-15').expect(200)).body).toMatchObject({ caseId, status: 'partially_paid', version: 4 });
    const second = await pay(caseId, 'PAY-2', 4_000_000, '2024-04-01').expect(200);
    expect(second.body).toEqual({ caseId, status: 'paid', version: 5, position: expect.any(Number) });
    const recovery = await post(`/cases/${caseId}/recoveries`, { amountFen: 250_000, recoveredOn: '2024-06-03', reason: '虚报研发费用' }).expect(200);

    const got = await get(`/cases/${caseId}`, { position: recovery.body.position }).expect(200);
    expect(got.body).toMatchObject({
      caseId, enterpriseUscc: uscc, policyItemId: itemId, policyYear: 2023, origin: 'matched', status: 'paid', approvedFen: 10_000_000,
      publicityFrom: '2024-03-01', publicityTo: '2024-03-07', paidFen: 10_000_000, recoveredFen: 250_000, paymentCount: 2, lastPaidOn: '2024-04-01',
    });
    expect(got.body.payments.map((p: Record<string, unknown>) => [p.kind, p.amountFen, p.businessDate, p.disbursementId])).toEqual([
      ['disbursement', 6_000_000, '2024-03-15', 'PAY-1'],
      ['disbursement', 4_000_000, '2024-04-01', 'PAY-2'],
      ['recovery', 250_000, '2024-06-03', null],
    ]);
    const listed = await get('/cases', { enterpriseUscc: uscc, status: 'paid' }, w.users.caseworker).expect(200);
    expect(listed.body).toMatchObject({ total: 1, items: [{ caseId, paidFen: 10_000_000 }] });

    // One enterprise, one case per item: matching again changes nothing.
    const before = await allEvents();
    const again = await post('/cases', { how: 'match', enterpriseUscc: uscc, policyItemId: itemId }, w.users.caseworker).expect(201);
    expect(again.body).toEqual({ caseId, status: 'paid', version: 6, position: null });
    // The same payment reported twice is one payment.
    expect((await pay(caseId, 'PAY-2', 4_000_000, '2024-04-01').expect(200)).body.position).toBeNull();
    expect(await allEvents()).toBe(before);
  });

  it('refuses with the reason, and appends nothing: over the remainder, zero or fractional 分, before 公示 ends, over-recovery, wrong mode', async () => {
    const { policyItemId: itemId } = await publish(2023, 'automatic');
    const { caseId, uscc } = await announcedCase(itemId, 1_000);
    await pay(caseId, 'PAY-1', 600, '2024-03-15').expect(200);
    const before = await allEvents();

    const over = await pay(caseId, 'PAY-2', 401, '2024-03-20').expect(409);
    expect(over.body).toMatchObject({ error: 'DISBURSEMENT_EXCEEDS_APPROVED', remainderFen: 400, message: expect.stringContaining('remainder of 400 分') });
    const zero = await pay(caseId, 'PAY-2', 0, '2024-03-20').expect(400);
    expect(zero.body.errors).toMatchObject([{ field: 'amountFen', messages: [expect.stringContaining('at least 1 分')] }]);
    const fraction = await pay(caseId, 'PAY-2', 0.1, '2024-03-20').expect(400);
    expect(fraction.body.errors).toMatchObject([{ field: 'amountFen', messages: expect.arrayContaining([expect.stringContaining('whole number of 分')]) }]);
    await pay(caseId, 'PAY-2', '100' as unknown as number, '2024-03-20').expect(400);
    await pay(caseId, 'PAY-2', Number.MAX_SAFE_INTEGER + 2, '2024-03-20').expect(400);
    const early = await pay(caseId, 'PAY-2', 100, '2024-03-07').expect(409);
    expect(early.body).toMatchObject({ error: 'PAYMENT_BEFORE_PUBLICITY_ENDS', publicityTo: '2024-03-07' });
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10); // a day after today in Shanghai
    const future = await pay(caseId, 'PAY-2', 100, tomorrow).expect(422);
    expect(future.body).toMatchObject({ error: 'INVALID_DATES', errors: [{ field: 'paidOn', messages: [expect.stringContaining('in the future')] }] });
    const futureRecovery = await post(`/cases/${caseId}/recoveries`, { amountFen: 1, recoveredOn: tomorrow, reason: '重复发放' }).expect(422);
    expect(futureRecovery.body.errors).toMatchObject([{ field: 'recoveredOn' }]);
    const reuse = await pay(caseId, 'PAY-1', 100, '2024-03-20').expect(409);
    expect(reuse.body.error).toBe('DISBURSEMENT_ID_REUSED');
    const overRecovery = await post(`/cases/${caseId}/recoveries`, { amountFen: 601, recoveredOn: '2024-04-01', reason: '重复发放' }).expect(409);
    expect(overRecovery.body).toMatchObject({ error: 'RECOVERY_EXCEEDS_PAID', recoverableFen: 600 });
    const wrongMode = await post('/cases', { how: 'apply', enterpriseUscc: uscc, policyItemId: itemId }, w.users.caseworker).expect(409);
    expect(wrongMode.body.error).toBe('WRONG_POLICY_MODE');
    const secondUscc = await w.registerEnterprise();
    const beforeSecond = await allEvents();
    const unknownItem = await post('/cases', { how: 'match', enterpriseUscc: secondUscc, policyItemId: 'no-such-item' }, w.users.caseworker).expect(422);
    expect(unknownItem.body.error).toBe('POLICY_ITEM_NOT_FOUND');
    const badUscc = await post('/cases', { how: 'match', enterpriseUscc: `${secondUscc.slice(0, 17)}${secondUscc[17] === '0' ? '1' : '0'}`, policyItemId: itemId }, w.users.caseworker).expect(400);
    expect(badUscc.body.errors[0].field).toBe('enterpriseUscc');
    expect(await allEvents()).toBe(beforeSecond);
    expect(beforeSecond).toBe(before + 1); // only the second enterprise's registration

    // Steps out of order: paying before approval, announcing before review.
    const opened = (await post('/cases', { how: 'match', enterpriseUscc: secondUscc, policyItemId: itemId }, w.users.caseworker).expect(201)).body;
    const afterOpen = await allEvents();
    expect((await pay(opened.caseId, 'PAY-9', 100, '2024-03-20').expect(409)).body.message).toContain('not been approved');
    expect((await post(`/cases/${opened.caseId}/announce`, PUBLICITY).expect(409)).body.error).toBe('ILLEGAL_SUBSIDY_TRANSITION');
    await post(`/cases/${opened.caseId}/review`, { decision: 'approve' }).expect(400); // approving needs an amount
    expect(await allEvents()).toBe(afterOpen);
  });

  it('sums exactly: 10 分 + 20 分 is 0.30 元, and 6,846,620,000 分 is 68466200.00 元 = 6846.62 万元', async () => {
    // Policy years of this test's own (the database is shared with the tests above): 2021 and 2022.
    const { policyItemId: item2021 } = await publish(2021, 'automatic');
    const { policyItemId: item2022 } = await publish(2022, 'application');
    const a = await announcedCase(item2021, 6_846_619_990);
    const b = await announcedCase(item2021, 50);
    const c = await announcedCase(item2022, 1_000, 'apply');
    await pay(a.caseId, 'A-1', 6_846_619_960, '2024-03-15').expect(200);
    await pay(b.caseId, 'B-1', 10, '2024-05-10').expect(200);
    await pay(b.caseId, 'B-2', 20, '2024-05-10').expect(200);
    await pay(c.caseId, 'C-1', 1_000, '2024-06-01').expect(200);
    await post(`/cases/${b.caseId}/recoveries`, { amountFen: 20, recoveredOn: '2024-06-20', reason: '重复发放' }).expect(200);
    await pay(b.caseId, 'B-3', 20, '2024-07-02').expect(200); // after the half-year: outside the period
    const knownAt = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const last = await pay(a.caseId, 'A-2', 10, '2024-06-30').expect(200); // recorded late, dated 30 June
    const h1 = { from: '2024-01-01', to: '2024-06-30', asOf: '2024-06-30', policyYear: 2021, position: last.body.position };

    const total = (await get('/metrics', h1).expect(200)).body;
    expect(total.rounding).toMatch(/half-up/);
    expect(total.total).toEqual({
      group: 'all',
      disbursed: { fen: '6846620000', yuan: '68466200.00', wanYuan: '6846.62' },
      recovered: { fen: '20', yuan: '0.20', wanYuan: '0.00' },
      net: { fen: '6846619980', yuan: '68466199.80', wanYuan: '6846.62' },
      disbursements: 4,
      recoveries: 1,
      enterprisesPaid: 2,
    });
    const byMonth = (await get('/metrics', { ...h1, groupBy: 'month' }, w.users.caseworker).expect(200)).body.groups;
    expect(byMonth.map((g: { group: string; disbursed: { yuan: string }; net: { yuan: string }; enterprisesPaid: number }) => [
      g.group, g.disbursed.yuan, g.net.yuan, g.enterprisesPaid,
    ])).toEqual([
      ['2024-03', '68466199.60', '68466199.60', 1],
      ['2024-05', '0.30', '0.30', 1],
      ['2024-06', '0.10', '-0.10', 1],
    ]);
    const byEnterprise = (await get('/metrics', { ...h1, groupBy: 'enterprise' }).expect(200)).body.groups;
    expect(Object.fromEntries(byEnterprise.map((g: { group: string; net: { fen: string } }) => [g.group, g.net.fen]))).toEqual({
      [a.uscc]: '6846619970', [b.uscc]: '10',
    });
    // By policy year over the whole year, without the year filter: the 2022 item's money is tagged 2022.
    const byYear = (await get('/metrics', { from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31', groupBy: 'policy_year' }).expect(200)).body;
    const ours = byYear.groups.filter((g: { group: string }) => ['2021', '2022'].includes(g.group));
    expect(ours.map((g: { group: string; disbursed: { fen: string }; enterprisesPaid: number }) => [g.group, g.disbursed.fen, g.enterprisesPaid])).toEqual([
      ['2021', '6846620020', 2], ['2022', '1000', 1],
    ]);
    const byItem = (await get('/metrics', { ...h1, policyYear: undefined, groupBy: 'policy_item' }).expect(200)).body.groups;
    const itemTotals = Object.fromEntries(byItem.map((g: { group: string; disbursed: { fen: string } }) => [g.group, g.disbursed.fen]));
    expect([itemTotals[item2021], itemTotals[item2022]]).toEqual(['6846620000', '1000']);
    // As of 29 June the 30 June payment is not yet due; as known before it was recorded, it is not there either.
    expect((await get('/metrics', { ...h1, asOf: '2024-06-29' }).expect(200)).body.total.disbursed.fen).toBe('6846619990');
    expect((await get('/metrics', { ...h1, knownAt }).expect(200)).body.total.disbursed.fen).toBe('6846619990');
  });

  it('needs a token (401) and the right role (403)', async () => {
    await w.http().get('/api/v1/subsidies/metrics').expect(401);
    await w.http().post('/api/v1/subsidies/policy-items').send({}).expect(401);
    const handler = await createUser(w.api.app, 'unit_handler', 'unit-drc');
    await get('/cases', {}, handler).expect(403);
    await get('/metrics', {}, handler).expect(403);
    const before = await allEvents();
    await post('/policy-items', { name: 'x', policyYear: 2023, issuingUnit: 'x', mode: 'automatic' }, w.users.caseworker).expect(403);
    const { policyItemId: itemId } = await publish(2023, 'automatic');
    const { caseId } = await announcedCase(itemId, 100);
    const afterSetup = await allEvents();
    await pay(caseId, 'P', 100, '2024-03-20').set('Authorization', w.users.caseworker.auth).expect(403);
    await post(`/cases/${caseId}/review`, { decision: 'reject', reason: 'x' }, w.users.caseworker).expect(403);
    expect(afterSetup - before).toBe(5); // item, enterprise, matched, approved, announced — nothing from the refused calls
    expect(await allEvents()).toBe(afterSetup);
  });
});
