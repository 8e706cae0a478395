// The few parts of oidc-provider (a dev dependency without published types) that the tests use to
// run a real OpenID Connect provider in-process.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  type Account = { accountId: string; claims: () => Promise<Record<string, unknown>> };

  type Configuration = Record<string, unknown> & {
    findAccount?: (context: unknown, id: string) => Promise<Account | undefined>;
  };

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    callback(): (request: IncomingMessage, response: ServerResponse) => void;
  }
}
