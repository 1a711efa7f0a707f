/**
 * The keys of one session's live state in Redis, in the order the apply script receives them.
 * All share one hash tag, so the script may touch them together on a Redis Cluster too.
 */
export const sessionKeyNames = [
  'applied', // SET of event ids already counted
  'c', // HASH session counters, plus firstAt, lastAt, accountId
  'viewers', // SET viewer keys with room.enter (UV)
  'buyers', // SET viewer keys with order.pay
  'm', // HASH <metric>:<minute> → count or fen
  'sec', // HASH <epoch second> → net entries in that second
  'secmax', // HASH <minute> → highest running net entries within the minute, from its start
  'src', // HASH traffic source → entries
  'prod', // HASH <metric>:<productId> → count or fen
  'cm', // ZSET comment id by occurredAt, the latest 50 kept
  'cmd', // HASH comment id → JSON {viewerId, nickname, text}
  'exs', // ZSET explain.start id by occurredAt, only the latest kept
  'exsp', // HASH explain.start id → productId
  'exe', // HASH productId ('' for none) → latest explain.end occurredAt
] as const;
export type SessionKeyName = (typeof sessionKeyNames)[number];

/**
 * Applies a batch of one session's events atomically. For each event, SADD of its id to the
 * applied set decides: a new id gets its operations, a known id (a redelivery) gets nothing.
 * Operations arrive precomputed (see live-effects.ts), every number as a decimal string so
 * that Lua's 14-digit number formatting never touches an amount or a time.
 *
 * ARGV[1] = TTL seconds, ARGV[2] = comment stream length,
 * ARGV[3] = JSON [{ "id": "...", "ops": [[op, ...args], ...] }, ...]
 * Returns { applied, duplicates }.
 */
export const applyScript = `
local ttl = tonumber(ARGV[1])
local keep = tonumber(ARGV[2])
local batch = cjson.decode(ARGV[3])
local K = {}
local names = { 'applied', 'c', 'viewers', 'buyers', 'm', 'sec', 'secmax', 'src', 'prod', 'cm', 'cmd', 'exs', 'exsp', 'exe' }
for i, name in ipairs(names) do K[name] = KEYS[i] end

local applied, duplicates = 0, 0
local touchedMinutes = {}
local comments, starts = false, false

for _, event in ipairs(batch) do
  if redis.call('SADD', K.applied, event.id) == 0 then
    duplicates = duplicates + 1
  else
    applied = applied + 1
    for _, op in ipairs(event.ops) do
      local kind = op[1]
      if kind == 'c' then
        redis.call('HINCRBY', K.c, op[2], op[3])
      elseif kind == 'm' then
        redis.call('HINCRBY', K.m, op[2] .. ':' .. op[3], op[4])
      elseif kind == 'p' then
        redis.call('HINCRBY', K.prod, op[2] .. ':' .. op[3], op[4])
      elseif kind == 's' then
        redis.call('HINCRBY', K.src, op[2], 1)
      elseif kind == 'o' then
        redis.call('HINCRBY', K.sec, op[2], op[3])
        touchedMinutes[math.floor(tonumber(op[2]) / 60)] = true
      elseif kind == 'v' then
        redis.call('SADD', K.viewers, op[2])
      elseif kind == 'b' then
        redis.call('SADD', K.buyers, op[2])
      elseif kind == 'a' then
        local at = tonumber(op[2])
        local first = redis.call('HGET', K.c, 'firstAt')
        if not first or at < tonumber(first) then redis.call('HSET', K.c, 'firstAt', op[2]) end
        local last = redis.call('HGET', K.c, 'lastAt')
        if not last or at > tonumber(last) then redis.call('HSET', K.c, 'lastAt', op[2]) end
      elseif kind == 'acc' then
        redis.call('HSETNX', K.c, 'accountId', op[2])
      elseif kind == 'cm' then
        redis.call('ZADD', K.cm, op[3], op[2])
        redis.call('HSET', K.cmd, op[2], op[4])
        comments = true
      elseif kind == 'es' then
        redis.call('ZADD', K.exs, op[3], op[2])
        redis.call('HSET', K.exsp, op[2], op[4])
        starts = true
      elseif kind == 'ee' then
        local current = redis.call('HGET', K.exe, op[2])
        if not current or tonumber(op[3]) > tonumber(current) then redis.call('HSET', K.exe, op[2], op[3]) end
      end
    end
  end
end

-- The running count inside a minute changes only with that minute's seconds, so only the
-- touched minutes are recomputed; peak online then needs one value per minute to read.
for minute, _ in pairs(touchedMinutes) do
  local fields = {}
  for i = 0, 59 do fields[i + 1] = string.format('%d', minute * 60 + i) end
  local values = redis.call('HMGET', K.sec, unpack(fields))
  local running, best = 0, nil
  for i = 1, 60 do
    running = running + (tonumber(values[i]) or 0)
    if best == nil or running > best then best = running end
  end
  redis.call('HSET', K.secmax, string.format('%d', minute), string.format('%d', best))
end

-- Ties on occurredAt fall to member byte order, which is the order the snapshot uses too.
if comments then
  local extra = redis.call('ZCARD', K.cm) - keep
  if extra > 0 then
    local old = redis.call('ZRANGE', K.cm, 0, extra - 1)
    redis.call('ZREMRANGEBYRANK', K.cm, 0, extra - 1)
    redis.call('HDEL', K.cmd, unpack(old))
  end
end
if starts then
  local old = redis.call('ZRANGE', K.exs, 0, -2)
  if #old > 0 then
    redis.call('ZREMRANGEBYRANK', K.exs, 0, -2)
    redis.call('HDEL', K.exsp, unpack(old))
  end
end

if applied > 0 then
  for _, key in ipairs(KEYS) do redis.call('EXPIRE', key, ttl) end
end
return { applied, duplicates }
`;
