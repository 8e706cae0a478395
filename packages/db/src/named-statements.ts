import pg from 'pg';

/**
 * Statements sent by name (PostgreSQL's extended protocol with a named prepared statement): the hot statements
 * of prepared-query.ts — the session read of every request, the new dossier's one write, the public tracking
 * lookup — are parsed and planned by each connection once, then only bound and executed. Sent unnamed, as
 * Kysely's driver sends every statement, PostgreSQL parses and plans them on every call: measured with
 * pg_stat_statements during the intake bench, planning alone was 0.15 ms of the session read's 0.19 ms and
 * 0.27 ms of the dossier write.
 *
 * A text registered here gets a name of its own in this process; the pool's clients (NamingClient) send that
 * text by its name, every other text as before. Each connection prepares a name on its first use (pg keeps the
 * connection's prepared names). Limits, in docs/scaling.md: a pooler in transaction mode must support prepared
 * statements (PgBouncer ≥ 1.21 with max_prepared_statements); a migration that changes the columns a prepared
 * statement answers needs the processes restarted (they are, to run the new code).
 */
const namesByText = new Map<string, string>();

/** Registers a statement's text to be sent by name; answers its name. Texts are few and fixed (prepared queries). */
export const nameStatement = (text: string): string => {
  let name = namesByText.get(text);
  if (name === undefined) {
    name = `motcua_${namesByText.size + 1}`;
    namesByText.set(text, name);
  }
  return name;
};

/** Calls pg's own query() as it is at the time of the call (a test may wrap it to count statements). */
const sendQuery = (client: pg.Client, args: unknown[]): unknown =>
  (pg.Client.prototype.query as (this: pg.Client, ...a: unknown[]) => unknown).apply(client, args);

class NamingClientImpl extends pg.Client {}
Object.defineProperty(NamingClientImpl.prototype, 'query', {
  writable: true,
  configurable: true,
  value(this: pg.Client, ...args: unknown[]): unknown {
    // (text), (text, values), (text, callback), (text, values, callback): pg.Pool.query passes a callback.
    const [text] = args;
    const callback = typeof args[args.length - 1] === 'function' ? args[args.length - 1] : undefined;
    const rest = callback ? args.slice(1, -1) : args.slice(1);
    if (typeof text === 'string' && (rest.length === 0 || (rest.length === 1 && Array.isArray(rest[0])))) {
      const name = namesByText.get(text);
      if (name !== undefined) {
        const config = { name, text, values: (rest[0] as unknown[] | undefined) ?? [] };
        return sendQuery(this, callback ? [config, callback] : [config]);
      }
    }
    return sendQuery(this, args);
  },
});

/**
 * A pg client that sends registered texts as named statements (pg.Pool's `Client` option); every other call
 * goes to pg's query() unchanged. (pg's overloaded query() cannot be overridden in a typed subclass: the method
 * is defined on the prototype, and the class is given the Pool's constructor type.)
 */
export const NamingClient = NamingClientImpl as unknown as new () => pg.ClientBase;
