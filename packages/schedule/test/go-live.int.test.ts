import { recordsEngines } from '@livecloud/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeWorld, hour, minute, openWorld, operator, seedResources, t0, type World } from './fixtures.js';

describe.each(recordsEngines)('going live on %s', (engine) => {
  let w: World;
  let sessionId: string;
  const start = t0 + 4 * hour;

  beforeEach(async () => {
    w = await openWorld(engine);
    const r = await seedResources(w.schedule, w.orgId);
    sessionId = (
      await w.schedule.sessions.create(
        w.orgId,
        {
          title: '美妆专场',
          roomId: r.room.id,
          accountId: r.account.id,
          anchorIds: [r.li.id],
          plannedStart: start,
          plannedEnd: start + hour,
        },
        operator,
      )
    ).id;
  });
  afterEach(async () => {
    await closeWorld(w);
  });

  const addItem = (explainMinutes: number) =>
    w.schedule.lineups.addItem(
      w.orgId,
      sessionId,
      {
        productId: 'prd_lipstick',
        skuId: 'sku_red',
        explainMinutes,
        livePriceFen: 8900,
        mechanism: { type: 'none' },
        stockAllocation: 100,
      },
      operator,
    );
  const goLive = (options?: Parameters<World['schedule']['sessions']['transition']>[4]) =>
    w.schedule.sessions.transition(w.orgId, sessionId, 'live', operator, options);

  it('refuses a session four hours early with an empty line-up, naming both problems', async () => {
    await expect(goLive()).rejects.toMatchObject({
      status: 409,
      code: 'session_not_ready',
      details: {
        sessionId,
        overridable: false,
        problems: [
          { code: 'lineup_empty', params: {} },
          { code: 'too_early', params: { minutesEarly: 240 } },
        ],
      },
    });
    expect((await w.schedule.sessions.get(w.orgId, sessionId)).status).toBe('planned');
  });

  it('needs live:override to go ahead anyway, and records the reason with the problems', async () => {
    const override = { reason: '平台活动提前开播' };
    await expect(goLive({ override, mayOverride: false })).rejects.toMatchObject({
      status: 403,
      code: 'override_not_permitted',
    });
    const live = await goLive({ override, mayOverride: true });
    expect(live.status).toBe('live');
    const [entry] = await w.access.audit.list(w.orgId, { action: 'session.status', limit: 1 });
    expect(entry?.details).toMatchObject({
      from: 'planned',
      to: 'live',
      override: { reason: '平台活动提前开播', problems: [{ code: 'lineup_empty' }, { code: 'too_early' }] },
    });
  });

  it('refuses a line-up that fails its checks, and lets a ready one go live half an hour early', async () => {
    await addItem(90); // 90 minutes of explaining in a one-hour session
    w.clock.advance(3.5 * hour);
    await expect(goLive()).rejects.toMatchObject({
      code: 'session_not_ready',
      details: {
        problems: [{ code: 'lineup_invalid', params: { codes: ['explain_time_exceeds_session'] } }],
      },
    });
    const lineup = await w.schedule.lineups.get(w.orgId, sessionId);
    await w.schedule.lineups.updateItem(w.orgId, lineup.items[0]!.id, { explainMinutes: 20 }, operator);
    w.clock.advance(minute);
    const live = await goLive();
    expect(live.status).toBe('live');
    const [entry] = await w.access.audit.list(w.orgId, { action: 'session.status', limit: 1 });
    expect(entry?.details).toEqual({ from: 'planned', to: 'live' });
  });
});
