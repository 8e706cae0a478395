/**
 * The typed fetch wrapper every page uses: JSON in and out, the session's CSRF token on writes,
 * Accept-Language from the UI language, and RFC 9457 problem+json turned into an ApiError whose
 * title, detail and field messages are already in the reader's language.
 */

export type FieldError = { pointer: string; message: string; code?: string };

type ProblemBody = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: { pointer?: string; message?: string; code?: string }[];
  rule?: string;
};

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | undefined;
  readonly rule: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail: string;
    fieldErrors?: FieldError[];
    requestId?: string | undefined;
    rule?: string | undefined;
  }) {
    super(init.detail || init.title);
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId;
    this.rule = init.rule;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

// The CSRF token of the current session (from sign-in or /me); never persisted.
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

// The UI language, sent as Accept-Language so problem messages come back in it.
let language: 'vi' | 'en' = 'vi';
export const setApiLanguage = (value: 'vi' | 'en'): void => {
  language = value;
};

/** Messages for failures that never reached the API (offline, proxy errors), in both languages. */
const LOCAL_MESSAGES = {
  vi: {
    network: { title: 'Không kết nối được máy chủ', detail: 'Vui lòng kiểm tra kết nối mạng rồi thử lại.' },
    unexpected: { title: 'Máy chủ trả lời không như mong đợi', detail: 'Vui lòng thử lại sau ít phút.' },
  },
  en: {
    network: { title: 'Cannot reach the server', detail: 'Please check your network connection and try again.' },
    unexpected: { title: 'The server gave an unexpected answer', detail: 'Please try again in a few minutes.' },
  },
} as const;

export type Query = Record<string, string | number | boolean | undefined | null | readonly string[]>;

export const buildUrl = (path: string, query?: Query): string => {
  if (!query) {
    return path;
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value as readonly string[]) {
        params.append(key, item);
      }
    } else {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
};

type RequestOptions = {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
};

const toApiError = async (response: Response): Promise<ApiError> => {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const problem = (await response.json()) as ProblemBody;
      if (typeof problem.title === 'string') {
        return new ApiError({
          status: response.status,
          code: problem.code ?? 'UNKNOWN',
          title: problem.title,
          detail: typeof problem.detail === 'string' ? problem.detail : '',
          fieldErrors: (problem.errors ?? [])
            .filter((e) => typeof e.message === 'string')
            .map((e) => ({ pointer: e.pointer ?? '/', message: e.message ?? '', ...(e.code ? { code: e.code } : {}) })),
          requestId: problem.requestId,
          rule: problem.rule,
        });
      }
    } catch {
      // fall through to the generic message
    }
  }
  const local = LOCAL_MESSAGES[language].unexpected;
  return new ApiError({ status: response.status, code: 'UNEXPECTED_RESPONSE', ...local });
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const request = async <T>(method: string, path: string, options: RequestOptions = {}): Promise<T> => {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (UNSAFE.has(method) && csrfToken) {
    headers['x-csrf-token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers: { ...headers, ...options.headers },
      credentials: 'same-origin',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError({ status: 0, code: 'NETWORK', ...LOCAL_MESSAGES[language].network });
  }
  if (!response.ok) {
    throw await toApiError(response);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  return (await response.json()) as T;
};

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', path, { ...(query ? { query } : {}), signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...options, body: body ?? {} }),
  put: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options: Omit<RequestOptions, 'body'> = {}) => request<T>('DELETE', path, options),
};

/** The URL of a printable form of a dossier (opened in a new tab to print). */
export const formUrl = (code: string, form: string): string =>
  `/api/v1/dossiers/${encodeURIComponent(code)}/forms/${encodeURIComponent(form)}.pdf`;

/** A fresh key for the Idempotency-Key header (one per user intention, reused on retries). */
export const newIdempotencyKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
