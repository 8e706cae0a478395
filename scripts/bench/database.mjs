// What every benchmark needs of PostgreSQL itself: the URL of another database on the same server, and
// one client for a few statements.
import pg from 'pg';

/** The URL of database `name` on the server of `url`. */
export const dbUrl = (url, name) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

/** Runs `fn` with one connected client, closed afterwards. */
export const withClient = async (url, fn) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};
