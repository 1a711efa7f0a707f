/**
 * Reads a CSV file as text. Excel on Chinese Windows saves CSV in GBK, so a file that is not
 * valid UTF-8 is read as GB18030 (a superset of GBK) instead of turning into mojibake.
 */
export async function readCsvFile(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Reads any file as base64 (without the data: prefix), for image uploads. */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const text = typeof reader.result === 'string' ? reader.result : '';
      resolve(text.slice(text.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** A template file merchants can fill in, with a BOM so Excel opens it as UTF-8. */
export const csvTemplate = `\uFEFF商品名称,品牌,类目,规格,原价,直播价,成本,佣金比例,库存,卖点\n玻尿酸补水精华,水漾,美妆/护肤,30ml,199.00,129.00,45.50,20%,1000,24小时长效补水\n`;
