/**
 * A port whose implementation is bound after the context that uses it is opened: it closes a
 * cycle between two contexts (scheduling's line-up check asks selection for prices, and
 * selection asks scheduling for sessions) without a closure over a variable defined later.
 */
export interface LateBound<T extends object> {
  /** What the using context is given; each method call goes to the bound implementation. */
  readonly port: T;
  /** Binds the implementation, once. */
  bind(target: T): void;
}

/** A late-bound port named `name`; calling it before `bind` throws an error that names it. */
export function lateBound<T extends object>(name: string): LateBound<T> {
  let bound: T | undefined;
  const port = new Proxy(Object.create(null) as T, {
    get(_empty, key) {
      if (bound === undefined) {
        throw new Error(`The ${name} port was used before it was bound; bind it when composing the contexts`);
      }
      const value: unknown = Reflect.get(bound, key);
      if (typeof value !== 'function') return value;
      const method = value as (this: T, ...args: unknown[]) => unknown;
      return method.bind(bound);
    },
  });
  return {
    port,
    bind(target) {
      if (bound !== undefined) throw new Error(`The ${name} port is bound already`);
      bound = target;
    },
  };
}
