import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { enUS } from '../i18n/en-us';
import { zhCN } from '../i18n/zh-cn';
import { ApiError } from './client';
import { errorMessage } from './error-message';
import { validationMessage } from './validation-message';

function translator(lng: 'zh-CN' | 'en-US'): TFunction {
  const i18n = createInstance();
  void i18n.init({
    lng,
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    nsSeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18n.t;
}

const zh = translator('zh-CN');
const en = translator('en-US');

// The details the server sends for a live price above the list price (see commerce-portal-http.int.test.ts).
const livePrice = {
  in: 'body',
  path: 'skus.0.livePriceFen',
  code: 'custom',
  params: { code: 'live_price_above_list' },
  message: 'the live price cannot be above the list price',
};

describe('schema failures in the user language', () => {
  it('renders a custom rule with the field path in words, never the server English', () => {
    const error = new ApiError(400, 'invalid_request', 'The request does not match the schema (…)', [
      livePrice,
    ]);
    expect(errorMessage(zh, error)).toBe('第 1 个 SKU 的直播价：不能高于划线价');
    expect(errorMessage(en, error)).toBe('SKU 1, live price: cannot be above the list price');
  });

  it('names a credit code whose check character does not match', () => {
    const details = [{ path: 'licenceNo', code: 'custom', params: { code: 'credit_code_check' } }];
    expect(validationMessage(zh, details)).toBe('营业执照号：校验位不正确，请核对代码');
    expect(validationMessage(en, details)).toBe(
      'licence no.: the check character does not match; check the code',
    );
  });

  it('renders limits from the issue parameters', () => {
    const details = [
      { path: 'title', code: 'too_small', params: { origin: 'string', minimum: 1 } },
      { path: 'skus.1.stock', code: 'too_big', params: { origin: 'number', maximum: 100, inclusive: true } },
    ];
    expect(validationMessage(zh, details)).toBe('标题：不能为空（另有 1 处问题）');
    expect(validationMessage(zh, [details[1]])).toBe('第 2 个 SKU 的库存：不能大于 100');
    expect(validationMessage(en, [details[1]])).toBe('SKU 2, stock: cannot be above 100');
    expect(
      validationMessage(zh, [{ path: 'email', code: 'invalid_format', params: { format: 'email' } }]),
    ).toBe('邮箱：不是有效的邮箱地址');
  });

  it('falls back to a generic field and problem for what it does not know', () => {
    expect(validationMessage(zh, [{ path: 'x.y', code: 'custom', params: { code: 'brand_new_rule' } }])).toBe(
      '提交的内容：内容不符合要求',
    );
    expect(validationMessage(zh, 'not details')).toBeNull();
    expect(
      errorMessage(zh, new ApiError(400, 'invalid_request', 'The request does not match', undefined)),
    ).toBe(zhCN.errors.status400);
  });

  it('shows a translated status sentence for an unknown code instead of the server English', () => {
    expect(errorMessage(zh, new ApiError(404, 'something_new', 'There is no such thing'))).toBe(
      zhCN.errors.status404,
    );
  });
});
