import {
  DVCQG_ERROR_CODES,
  type DvcqgAuthReply,
  type DvcqgReply,
  type DvcqgServiceRequest,
  isDvcqgAlreadyExists,
  isDvcqgSessionInvalid,
} from '@motcua/domain';

/**
 * The HTTP client of the national public-service portal (Cổng DVCQG), per the wire contract of
 * packages/domain/src/dvcqg/protocol.ts (../shared/spec/regulations.md §7, reform-and-eoffice.md §F):
 * - the session token is obtained from the authentication endpoint (`{ username, password }` → `{ error_code,
 *   session }`), kept for the next calls, and renewed ONCE per call when the portal answers that it expired or is
 *   not valid (error_code "401", our assumption, DVCQG_ERROR_CODES.SESSION_INVALID; an HTTP 401 too);
 * - every call is a POST of `{ service, …, session, madonvi }` with the `dstcode` header, bounded by a timeout;
 * - the outcome is classified for the caller's retry policy:
 *   accepted: error_code 0 / "00";
 *   rejected: the portal refused the message (a 4xx-like or other non-5xx error_code, e.g. a field failed its
 *     validation, "đã tồn tại", unknown dossier) — permanent, resending the same message gives the same answer;
 *   failed: network error, timeout, HTTP 5xx / 408 / 429, an answer that is not the portal's JSON, a 5xx-like
 *     error_code, the authentication refused or the session still refused after renewal — retryable.
 * It never logs: the result carries the portal's code and message, never the message sent.
 */

export type DvcqgClientOptions = {
  /** The service endpoint every message is POSTed to. */
  endpointUrl: string;
  /** The authentication endpoint. */
  authUrl: string;
  username: string;
  password: string;
  /** The `dstcode` header the portal assigned to the province. */
  dstCode: string;
  /** The `madonvi` field of every message. */
  unitCode: string;
  /** Each HTTP exchange (authentication, one send) is abandoned after this many milliseconds. */
  timeoutMs: number;
  fetch?: typeof fetch;
};

export type DvcqgCallOutcome = 'accepted' | 'rejected' | 'failed';

/** Why a call ended as it did, finer than the outcome (the monitor groups failures by it). */
export type DvcqgCallReason =
  | 'accepted'
  /** DongBoHoSoMC with isUpdating = false, the portal holds the dossier: resend it as an update. */
  | 'already-exists'
  /** Any other refusal by the portal (validation, unknown dossier, …). */
  | 'refused'
  /** The authentication endpoint refused the credentials, or the session was refused after renewal. */
  | 'session'
  | 'timeout'
  | 'network'
  /** HTTP 5xx / 408 / 429, or a 5xx-like error_code. */
  | 'unavailable'
  /** The answer was not the portal's JSON (`{ error_code, … }`). */
  | 'unparseable';

export type DvcqgCallResult<R extends DvcqgReply = DvcqgReply> = {
  outcome: DvcqgCallOutcome;
  reason: DvcqgCallReason;
  /** The portal's error_code as text ("0" when accepted); null when there was no portal answer. */
  errorCode: string | null;
  message: string | null;
  durationMs: number;
  /** The portal's answer when it gave one in its JSON form. */
  reply: R | null;
};

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A message as the caller writes it: the client adds `session` and `madonvi`. */
export type DvcqgOutgoingRequest = DistributiveOmit<DvcqgServiceRequest, 'session' | 'madonvi'>;

export type DvcqgClient = {
  call: <R extends DvcqgReply = DvcqgReply>(request: DvcqgOutgoingRequest) => Promise<DvcqgCallResult<R>>;
  /** Forgets the cached session token (the next call authenticates again). */
  forgetSession: () => void;
};

const MAX_MESSAGE = 2000;

const clip = (text: string): string => (text.length <= MAX_MESSAGE ? text : `${text.slice(0, MAX_MESSAGE - 1)}…`);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isSuccessCode = (code: unknown): boolean => code === 0 || code === '0' || code === '00';

/** An HTTP exchange's result before classification. */
type Exchange =
  | { kind: 'answer'; status: number; body: Record<string, unknown> | null }
  | { kind: 'timeout' }
  | { kind: 'network'; message: string };

const describeNetworkError = (error: unknown): string => {
  if (!(error instanceof Error)) {
    return String(error);
  }
  // undici puts the system error (ECONNREFUSED, ECONNRESET, ENOTFOUND …) in `cause`.
  const cause = (error as Error & { cause?: unknown }).cause;
  const code = isObject(cause) && typeof cause.code === 'string' ? cause.code : undefined;
  return code === undefined ? error.message : `${error.message} (${code})`;
};

const isTimeout = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');

const isUnavailableStatus = (status: number): boolean => status >= 500 || status === 408 || status === 429;

const isUnavailableCode = (code: string): boolean => /^5\d\d$/.test(code);

export const createDvcqgClient = (options: DvcqgClientOptions): DvcqgClient => {
  const doFetch = options.fetch ?? fetch;
  let session: string | null = null;
  // Callers at the same moment share one authentication.
  let pendingSession: Promise<{ session: string } | { failure: DvcqgCallResult<never> }> | null = null;

  const post = async (url: string, body: unknown): Promise<Exchange> => {
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', dstcode: options.dstCode },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text === '' ? null : JSON.parse(text);
      } catch {
        parsed = null;
      }
      return {
        kind: 'answer',
        status: response.status,
        body: isObject(parsed) && 'error_code' in parsed ? parsed : null,
      };
    } catch (error) {
      return isTimeout(error) ? { kind: 'timeout' } : { kind: 'network', message: describeNetworkError(error) };
    }
  };

  // `never` when there is no reply: such a result fits a call expecting any reply type.
  const result = <R extends DvcqgReply = never>(
    started: number,
    outcome: DvcqgCallOutcome,
    reason: DvcqgCallReason,
    errorCode: string | null,
    message: string | null,
    reply: R | null,
  ): DvcqgCallResult<R> => ({
    outcome,
    reason,
    errorCode,
    message: message === null ? null : clip(message),
    durationMs: Math.max(0, Math.round(performance.now() - started)),
    reply,
  });

  /** The failure of an exchange that gave no portal answer (or an unusable one), or undefined. */
  const classifyTransport = (started: number, exchange: Exchange): DvcqgCallResult<never> | undefined => {
    if (exchange.kind === 'timeout') {
      return result<never>(started, 'failed', 'timeout', null, `no answer within ${options.timeoutMs} ms`, null);
    }
    if (exchange.kind === 'network') {
      return result<never>(started, 'failed', 'network', null, exchange.message, null);
    }
    if (exchange.body === null) {
      if (isUnavailableStatus(exchange.status)) {
        return result<never>(started, 'failed', 'unavailable', null, `HTTP ${exchange.status}`, null);
      }
      return result<never>(
        started,
        'failed',
        'unparseable',
        null,
        `HTTP ${exchange.status}: not a portal answer`,
        null,
      );
    }
    return undefined;
  };

  const authenticate = async (started: number): Promise<{ session: string } | { failure: DvcqgCallResult<never> }> => {
    const exchange = await post(options.authUrl, { username: options.username, password: options.password });
    const failure = classifyTransport(started, exchange);
    if (failure) {
      return { failure };
    }
    const body = (exchange as { body: unknown }).body as DvcqgAuthReply;
    if (isSuccessCode(body.error_code) && typeof body.session === 'string' && body.session !== '') {
      return { session: body.session };
    }
    const code = String(body.error_code);
    const message = typeof body.message === 'string' ? body.message : 'authentication refused';
    return {
      failure: result<never>(
        started,
        'failed',
        isUnavailableCode(code) ? 'unavailable' : 'session',
        code,
        `authentication: ${message}`,
        null,
      ),
    };
  };

  const obtainSession = (started: number): Promise<{ session: string } | { failure: DvcqgCallResult<never> }> => {
    if (session !== null) {
      return Promise.resolve({ session });
    }
    if (pendingSession === null) {
      pendingSession = authenticate(started).then((outcome) => {
        pendingSession = null;
        if ('session' in outcome) {
          session = outcome.session;
        }
        return outcome;
      });
    }
    return pendingSession;
  };

  const call = async <R extends DvcqgReply = DvcqgReply>(
    request: DvcqgOutgoingRequest,
  ): Promise<DvcqgCallResult<R>> => {
    const started = performance.now();
    for (let attempt = 1; ; attempt += 1) {
      const obtained = await obtainSession(started);
      if ('failure' in obtained) {
        return { ...obtained.failure, durationMs: Math.round(performance.now() - started) };
      }
      const exchange = await post(options.endpointUrl, {
        ...request,
        session: obtained.session,
        madonvi: options.unitCode,
      });
      const sessionRefused =
        exchange.kind === 'answer' &&
        (exchange.status === 401 || (exchange.body !== null && isDvcqgSessionInvalid(exchange.body as DvcqgReply)));
      if (sessionRefused) {
        if (session === obtained.session) {
          session = null;
        }
        if (attempt === 1) {
          continue;
        }
        const body = (exchange as { body: DvcqgReply | null }).body;
        return result<never>(
          started,
          'failed',
          'session',
          body === null ? DVCQG_ERROR_CODES.SESSION_INVALID : String(body.error_code),
          typeof body?.message === 'string' ? body.message : 'session refused after renewal',
          null,
        );
      }
      const failure = classifyTransport(started, exchange);
      if (failure) {
        return failure;
      }
      const reply = (exchange as { body: unknown }).body as R;
      const code = String(reply.error_code);
      const message = typeof reply.message === 'string' ? reply.message : null;
      if (isSuccessCode(reply.error_code)) {
        return result(started, 'accepted', 'accepted', code, message, reply);
      }
      if (isUnavailableCode(code) || isUnavailableStatus((exchange as { status: number }).status)) {
        return result(started, 'failed', 'unavailable', code, message, reply);
      }
      return result(
        started,
        'rejected',
        isDvcqgAlreadyExists(reply) ? 'already-exists' : 'refused',
        code,
        message,
        reply,
      );
    }
  };

  return {
    call,
    forgetSession: () => {
      session = null;
    },
  };
};
