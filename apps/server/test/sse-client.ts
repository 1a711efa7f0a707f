import { request as httpRequest, type IncomingMessage } from 'node:http';

export interface Frame {
  event?: string;
  data?: string;
  retry?: number;
  comment?: string;
}

/** Reads Server-Sent Events off a response, one parsed frame at a time. */
export function sseReader(response: IncomingMessage) {
  let buffer = '';
  const frames: Frame[] = [];
  const waiters: Array<{ test: (f: Frame) => boolean; resolve: (f: Frame) => void }> = [];
  let ended: () => void = () => undefined;
  const end = new Promise<void>((resolve) => {
    ended = resolve;
  });
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    buffer += chunk;
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const frame: Frame = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) frame.comment = line.slice(1).trim();
        else if (line.startsWith('event: ')) frame.event = line.slice(7);
        else if (line.startsWith('data: ')) frame.data = line.slice(6);
        else if (line.startsWith('retry: ')) frame.retry = Number(line.slice(7));
      }
      frames.push(frame);
      for (const w of [...waiters]) {
        if (w.test(frame)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(frame);
        }
      }
    }
  });
  response.on('end', () => ended());
  response.on('close', () => ended());
  return {
    frames,
    end,
    next(test: (f: Frame) => boolean): Promise<Frame> {
      const seen = frames.find(test);
      if (seen) {
        frames.splice(frames.indexOf(seen), 1);
        return Promise.resolve(seen);
      }
      return new Promise((resolve) => waiters.push({ test, resolve }));
    },
  };
}

/** Opens an SSE request with a session cookie, or with the headers given (an API key). */
export function openStream(
  port: number,
  path: string,
  credentials: string | Record<string, string>,
): Promise<IncomingMessage> {
  const auth = typeof credentials === 'string' ? { cookie: credentials } : credentials;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, headers: { ...auth, accept: 'text/event-stream' } },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}
