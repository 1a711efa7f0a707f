/**
 * Seeds a planned session with an `items`-item line-up over the HTTP API (admin key), for the
 * line-up read, validation and forecast figures of `npm run bench -- api`. The products are
 * not in the catalogue, so every item is reported and the forecast has nothing to learn from;
 * the look-ups each read runs (catalogue, stock, price observations, sales history, the
 * session's requirements) are the same ones a catalogue line-up runs.
 */
export async function seedLineup(baseUrl: string, secret: string, items: number): Promise<string> {
  const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown): Promise<{ id: string }> => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    if (response.status !== 201 && response.status !== 200)
      throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  const room = await post('/rooms', { name: '压测直播间' });
  const anchor = await post('/anchors', { name: '压测主播' });
  const account = await post('/platform-accounts', {
    platform: 'douyin',
    handle: 'bench_lineup',
    displayName: '压测账号',
  });
  const start = Date.now() + 7 * 86_400_000;
  const session = await post('/live-sessions', {
    title: '压测排品',
    roomId: room.id,
    accountId: account.id,
    anchorIds: [anchor.id],
    plannedStart: new Date(start).toISOString(),
    plannedEnd: new Date(start + 10 * 3_600_000).toISOString(),
  });
  for (let i = 0; i < items; i++) {
    await post(`/live-sessions/${session.id}/lineup/items`, {
      productId: `prd_bench_${i}`,
      skuId: `sku_bench_${i}`,
      explainMinutes: 5,
      livePriceFen: 9_900 + i,
      stockAllocation: 0,
    });
  }
  return session.id;
}
