/**
 * The names of the `{name:Type}` placeholders in ClickHouse SQL, each once, in order of first
 * use. Placeholders inside string literals, quoted identifiers and comments are text, as they
 * are to ClickHouse's own lexer, and are not counted.
 */
export function placeholderNames(sql: string): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < sql.length) {
    const char = sql[i];
    if (char === "'" || char === '"' || char === '`') {
      i = afterQuoted(sql, i, char);
    } else if (char === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (char === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (char === '{') {
      const match = /^\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(sql.slice(i, i + 200));
      const name = match?.[1];
      if (name !== undefined && !seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
      i += 1;
    } else {
      i += 1;
    }
  }
  return names;
}

// The index just past a quoted token that opens at `start`; a backslash escapes the next
// character and a doubled quote stands for itself, as in ClickHouse.
function afterQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    const char = sql[i];
    if (char === '\\') {
      i += 2;
    } else if (char === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i += 1;
    }
  }
  return sql.length;
}
