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
  'edges', // HASH viewer key → its room.enter/leave edges, sorted: "at,leave,dwellMs;…" (dwellMs −1 for none)
  'open', // HASH viewer key → entry time of the viewer's open visit
] as const;
export type SessionKeyName = (typeof sessionKeyNames)[number];

/**
 * Applies a batch of one session's events atomically. An id already in the applied set, or
 * earlier in the same batch, is a redelivery and gets nothing; a new id gets its operations.
 * Increments are summed per field within the run and written once each (see below).
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
local names = { 'applied', 'c', 'viewers', 'buyers', 'm', 'sec', 'secmax', 'src', 'prod', 'cm', 'cmd', 'exs', 'exsp', 'exe', 'edges', 'open' }
for i, name in ipairs(names) do K[name] = KEYS[i] end

local applied, duplicates = 0, 0
local touchedMinutes = {}
local comments, starts = false, false

-- One script run is atomic, so the batch's increments can be summed here and written once per
-- field: the same result as one HINCRBY per operation, with a fraction of the calls. A sum is
-- kept in Lua only while it is exact (doubles hold integers to 2^53); a larger amount goes to
-- Redis at once, from its decimal string.
local sums = {}
local function incr(key, field, by)
  local n = tonumber(by)
  local bucket = sums[key]
  if not bucket then bucket = {}; sums[key] = bucket end
  local total = (bucket[field] or 0) + n
  if math.abs(n) >= 2^50 or math.abs(total) >= 2^52 then
    redis.call('HINCRBY', key, field, by)
  else
    bucket[field] = total
  end
end
local members = { viewers = {}, buyers = {} }

-- A viewer's visits, as viewer-visits.ts counts them: the same order of edges, the same rules.
local function decodeEdges(text)
  local edges = {}
  if text then
    for at, leave, dwell in string.gmatch(text, '(-?%d+),(%d),(-?%d+)') do
      edges[#edges + 1] = { tonumber(at), tonumber(leave), tonumber(dwell) }
    end
  end
  return edges
end
local function encodeEdges(edges)
  local parts = {}
  for i, e in ipairs(edges) do parts[i] = string.format('%d,%d,%d', e[1], e[2], e[3]) end
  return table.concat(parts, ';')
end
local function before(a, b)
  if a[1] ~= b[1] then return a[1] < b[1] end
  if a[2] ~= b[2] then return a[2] < b[2] end
  return a[3] < b[3]
end
local function visitsOf(edges)
  local closed, openAt = {}, nil
  for i, e in ipairs(edges) do
    if e[2] == 0 then
      local nextEdge = edges[i + 1]
      if not nextEdge then openAt = e[1]
      elseif nextEdge[2] == 0 then closed[#closed + 1] = { nextEdge[1] - e[1], nextEdge[1] } end
    else
      local dwell = e[3]
      if dwell < 0 then
        local previous = edges[i - 1]
        if previous and previous[2] == 0 then dwell = e[1] - previous[1] else dwell = nil end
      end
      if dwell then closed[#closed + 1] = { dwell, e[1] } end
    end
  end
  return closed, openAt
end
local function tallyClosed(closed, sign)
  for _, v in ipairs(closed) do
    local dwell = sign * v[1]
    incr(K.c, 'visits', string.format('%d', sign))
    incr(K.c, 'dwellMs', string.format('%d', dwell))
    if v[1] < 2000 then incr(K.c, 'bounces', string.format('%d', sign)) end
    if v[1] >= 60000 then
      incr(K.c, 'oneMin', string.format('%d', sign))
      incr(K.m, 'oneMin:' .. string.format('%d', math.floor(v[2] / 60000)), string.format('%d', sign))
    end
  end
end
local function visit(viewer, at, leave, dwell)
  local edges = decodeEdges(redis.call('HGET', K.edges, viewer))
  local oldClosed = visitsOf(edges)
  local edge = { tonumber(at), tonumber(leave), dwell == '' and -1 or tonumber(dwell) }
  local i = #edges
  while i > 0 and before(edge, edges[i]) do i = i - 1 end
  table.insert(edges, i + 1, edge)
  local newClosed, openAt = visitsOf(edges)
  tallyClosed(oldClosed, -1)
  tallyClosed(newClosed, 1)
  redis.call('HSET', K.edges, viewer, encodeEdges(edges))
  if openAt then
    redis.call('HSET', K.open, viewer, string.format('%d', openAt))
  else
    redis.call('HDEL', K.open, viewer)
  end
end
local firstAt, lastAt, firstText, lastText = nil, nil, nil, nil
local account = nil
local ends = {}

-- Which ids are new: not in the applied set and not earlier in this batch (a redelivery).
local ids = {}
for i, event in ipairs(batch) do ids[i] = event.id end
local known = {}
for from = 1, #ids, 4000 do
  local found = redis.call('SMISMEMBER', K.applied, unpack(ids, from, math.min(from + 3999, #ids)))
  for j, flag in ipairs(found) do known[from + j - 1] = flag == 1 end
end
local seen = {}
local fresh = {}

for i, event in ipairs(batch) do
  if known[i] or seen[event.id] then
    duplicates = duplicates + 1
  else
    seen[event.id] = true
    fresh[#fresh + 1] = event.id
    applied = applied + 1
    for _, op in ipairs(event.ops) do
      local kind = op[1]
      if kind == 'c' then
        incr(K.c, op[2], op[3])
      elseif kind == 'm' then
        incr(K.m, op[2] .. ':' .. op[3], op[4])
      elseif kind == 'p' then
        incr(K.prod, op[2] .. ':' .. op[3], op[4])
      elseif kind == 's' then
        incr(K.src, op[2], '1')
      elseif kind == 'o' then
        incr(K.sec, op[2], op[3])
        touchedMinutes[math.floor(tonumber(op[2]) / 60)] = true
      elseif kind == 'v' then
        members.viewers[#members.viewers + 1] = op[2]
      elseif kind == 'vi' then
        visit(op[2], op[3], op[4], op[5])
      elseif kind == 'b' then
        members.buyers[#members.buyers + 1] = op[2]
      elseif kind == 'a' then
        local at = tonumber(op[2])
        if not firstAt or at < firstAt then firstAt, firstText = at, op[2] end
        if not lastAt or at > lastAt then lastAt, lastText = at, op[2] end
      elseif kind == 'acc' then
        account = account or op[2]
      elseif kind == 'cm' then
        redis.call('ZADD', K.cm, op[3], op[2])
        redis.call('HSET', K.cmd, op[2], op[4])
        comments = true
      elseif kind == 'es' then
        redis.call('ZADD', K.exs, op[3], op[2])
        redis.call('HSET', K.exsp, op[2], op[4])
        starts = true
      elseif kind == 'ee' then
        local at = tonumber(op[3])
        local best = ends[op[2]]
        if not best or at > best[1] then ends[op[2]] = { at, op[3] } end
      end
    end
  end
end

local function addAll(key, list)
  for from = 1, #list, 4000 do
    redis.call('SADD', key, unpack(list, from, math.min(from + 3999, #list)))
  end
end
addAll(K.applied, fresh)
addAll(K.viewers, members.viewers)
addAll(K.buyers, members.buyers)
for key, bucket in pairs(sums) do
  for field, total in pairs(bucket) do
    if total ~= 0 then redis.call('HINCRBY', key, field, string.format('%d', total)) end
  end
end
if firstAt then
  local first = redis.call('HGET', K.c, 'firstAt')
  if not first or firstAt < tonumber(first) then redis.call('HSET', K.c, 'firstAt', firstText) end
  local last = redis.call('HGET', K.c, 'lastAt')
  if not last or lastAt > tonumber(last) then redis.call('HSET', K.c, 'lastAt', lastText) end
end
if account then redis.call('HSETNX', K.c, 'accountId', account) end
for product, best in pairs(ends) do
  local current = redis.call('HGET', K.exe, product)
  if not current or best[1] > tonumber(current) then redis.call('HSET', K.exe, product, best[2]) end
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
