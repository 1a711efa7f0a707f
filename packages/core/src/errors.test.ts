import { describe, expect, it } from 'vitest';
import { AppError, errorKinds, httpStatusOf } from './errors.js';

describe('AppError', () => {
  it('maps every kind to a 4xx or 5xx status', () => {
    for (const kind of errorKinds) {
      expect(httpStatusOf(kind)).toBeGreaterThanOrEqual(400);
    }
    expect(httpStatusOf('conflict')).toBe(409);
  });

  it('renders the uniform error body', () => {
    expect(AppError.notFound('merchant', 'mer_1').toBody()).toEqual({
      error: { code: 'merchant_not_found', message: 'merchant mer_1 was not found' },
    });
    expect(AppError.invalid('bad', 'Bad', [{ path: 'x' }]).toBody().error.details).toEqual([{ path: 'x' }]);
  });
});
