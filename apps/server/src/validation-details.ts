/** One field that failed the request schema, in words a client can translate without parsing English. */
export interface ValidationDetail {
  in: string;
  path: string;
  /** The zod issue code: too_small, too_big, invalid_type, invalid_format, invalid_value, custom … */
  code: string;
  /** The issue's limits (minimum, maximum, origin, expected, format, values, keys; custom rules: their code). */
  params: Record<string, unknown>;
  /** English, for API clients and logs; the web app renders `code` and `params` instead. */
  message: string;
}

// Only these issue fields leave the server: they describe the rule, never the caller's input.
const safeParams = ['origin', 'minimum', 'maximum', 'inclusive', 'expected', 'format', 'divisor'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The translatable parameters of one zod issue (fastify-type-provider-zod puts the issue's rest in `params`). */
export function issueParams(raw: unknown): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (!isRecord(raw)) return params;
  for (const key of safeParams) {
    const value = raw[key];
    if (typeof value === 'bigint') params[key] = Number(value);
    else if (scalar(value)) params[key] = value;
  }
  if (Array.isArray(raw.values)) params.values = raw.values.filter(scalar).slice(0, 20);
  if (Array.isArray(raw.keys)) params.keys = raw.keys.filter(scalar).slice(0, 20);
  const custom = raw.params;
  if (isRecord(custom) && typeof custom.code === 'string') params.code = custom.code;
  return params;
}

interface RawIssue {
  keyword?: string;
  instancePath: string;
  message?: string;
  params?: unknown;
}

/** The `details` of an invalid_request answer, one entry per failed field. */
export function validationDetails(issues: readonly RawIssue[], where: string): ValidationDetail[] {
  return issues.map((issue) => ({
    in: where,
    path: issue.instancePath.replace(/^\//, '').replace(/\//g, '.'),
    code: issue.keyword ?? 'custom',
    params: issueParams(issue.params),
    message: issue.message ?? 'invalid',
  }));
}
