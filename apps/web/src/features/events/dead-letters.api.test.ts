import { describe, expect, it } from 'vitest';
import { parseCorrection } from './dead-letters.api';

describe('parseCorrection', () => {
  it('takes a JSON object and refuses anything else with the reason', () => {
    expect(parseCorrection('{"id":"e1","amountFen":9900}')).toEqual({
      ok: true,
      payload: { id: 'e1', amountFen: 9900 },
    });
    expect(parseCorrection('{"id":')).toEqual({ ok: false, error: 'notJson' });
    expect(parseCorrection('[1,2]')).toEqual({ ok: false, error: 'notObject' });
    expect(parseCorrection('null')).toEqual({ ok: false, error: 'notObject' });
    expect(parseCorrection('"text"')).toEqual({ ok: false, error: 'notObject' });
  });
});
