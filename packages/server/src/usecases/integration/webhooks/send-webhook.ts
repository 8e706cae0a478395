import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkWebhookUrl, classifyAddress, refuseAddress } from './webhook-url.js';

/** What one POST to a receiver gave: the status (null when no answer came), why it failed, how long it took. */
export type WebhookResponse = { status: number | null; error: string | null; durationMs: number };

/** How much of a receiver's answer is kept (in the attempt's error, for a refusal): a short excerpt, no more. */
const EXCERPT_CHARS = 200;

/**
 * The socket's DNS lookup for a receiver: every address the name resolves to must pass the URL rule
 * (webhook-url.ts), so a name resolving to a link-local or loopback address is never connected to.
 */
const guardedLookup =
  (protocol: 'http:' | 'https:', allowPrivateHttp: boolean): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '', 0);
        return;
      }
      for (const address of addresses) {
        const refused = refuseAddress(protocol, classifyAddress(address.address), allowPrivateHttp);
        if (refused) {
          callback(new Error(`${hostname} resolves to ${address.address}: ${refused.en}`), '', 0);
          return;
        }
      }
      const first = addresses[0];
      if (options.all) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      } else if (first) {
        callback(null, first.address, first.family);
      } else {
        callback(new Error(`${hostname} has no address`), '', 0);
      }
    });
  };

const readExcerpt = (response: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      text += chunk;
      if (text.length >= EXCERPT_CHARS) {
        response.destroy();
        resolve(text.slice(0, EXCERPT_CHARS));
      }
    });
    response.on('end', () => resolve(text.slice(0, EXCERPT_CHARS)));
    response.on('error', () => resolve(text.slice(0, EXCERPT_CHARS)));
    response.on('close', () => resolve(text.slice(0, EXCERPT_CHARS)));
  });

/**
 * POSTs a delivery's body once: no redirect is followed (a 3xx is a failure), the whole exchange is cut after
 * `timeoutMs`, the URL is checked again (the installation's rule may have changed) and every resolved address too.
 */
export const postWebhook = async (input: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivateHttp: boolean;
}): Promise<WebhookResponse> => {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const checked = checkWebhookUrl(input.url, { allowPrivateHttp: input.allowPrivateHttp });
  if (!checked.ok) {
    return { status: null, error: `URL refused: ${checked.reason.en}`, durationMs: 0 };
  }
  const url = new URL(checked.url);
  const protocol = url.protocol as 'http:' | 'https:';
  const send = protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<WebhookResponse>((resolve) => {
    let settled = false;
    const finish = (response: WebhookResponse) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(response);
      }
    };
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...input.headers, 'content-length': String(Buffer.byteLength(input.body)) },
        lookup: guardedLookup(protocol, input.allowPrivateHttp),
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? null;
        void readExcerpt(response).then((excerpt) => {
          const ok = status !== null && status >= 200 && status < 300;
          const redirect = status !== null && status >= 300 && status < 400;
          finish({
            status,
            error: ok
              ? null
              : redirect
                ? `HTTP ${status}: redirect not followed${response.headers.location ? ` (${response.headers.location.slice(0, 200)})` : ''}`
                : `HTTP ${status}${excerpt ? `: ${excerpt}` : ''}`,
            durationMs: elapsed(),
          });
        });
      },
    );
    const timer = setTimeout(() => {
      request.destroy(new Error(`no answer within ${input.timeoutMs} ms`));
    }, input.timeoutMs);
    request.on('error', (error) => finish({ status: null, error: error.message.slice(0, 500), durationMs: elapsed() }));
    request.end(input.body);
  });
};
