/** The 31 characters a unified social credit code may use (GB 32100-2015: no I, O, S, V, Z). */
const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * The check character of the first 17 characters of a unified social credit code, or null
 * when they are not 17 characters of the code's charset.
 */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== weights.length) return null;
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) {
    const value = charset.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * weights[i]!;
  }
  return charset.charAt((31 - (sum % 31)) % 31);
}

/** Whether an 18-character unified social credit code (统一社会信用代码) carries the right check character. */
export function isValidCreditCode(code: string): boolean {
  return code.length === 18 && creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17);
}
