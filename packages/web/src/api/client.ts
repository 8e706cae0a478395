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
  /** Seconds to wait before trying again (the Retry-After header of a 429 or 503). */
  readonly retryAfter: number | undefined;
  /** The whole problem document, for the extension members some problems carry (e.g. an import's `rows`). */
  readonly problem: Record<string, unknown> | undefined;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail: string;
    fieldErrors?: FieldError[];
    requestId?: string | undefined;
    rule?: string | undefined;
    retryAfter?: number | undefined;
    problem?: Record<string, unknown> | undefined;
  }) {
    super(init.detail || init.title);
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId;
    this.rule = init.rule;
    this.retryAfter = init.retryAfter;
    this.problem = init.problem;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

// The CSRF token of the official's session (from sign-in or /me); never persisted.
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

// The citizen's session on the portal has its own cookie and its own CSRF token (/citizen/me).
let citizenCsrfToken: string | null = null;
export const setCitizenCsrfToken = (token: string | null): void => {
  citizenCsrfToken = token;
};

/**
 * The token a write must carry: the citizen's on /api/v1/citizen/…; elsewhere the server checks the
 * official's session first and the citizen's when there is none (public forms such as PAKN).
 */
const csrfTokenFor = (path: string): string | null =>
  path.startsWith('/api/v1/citizen/') ? citizenCsrfToken : (csrfToken ?? citizenCsrfToken);

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

export type RequestOptions = {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** Set on the one retry after refreshing the CSRF token. */
  csrfRetried?: boolean;
};

/** Seconds of a Retry-After header (delta-seconds or an HTTP date), if it has a usable value. */
const parseRetryAfter = (value: string | null): number | undefined => {
  if (!value) {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim());
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(1, Math.ceil((at - Date.now()) / 1000));
};

/** An ApiError from a failed answer's status, content type and body text (fetch and XHR alike). */
const problemToApiError = (
  status: number,
  contentType: string,
  text: string,
  retryAfterHeader: string | null,
): ApiError => {
  const retryAfter = parseRetryAfter(retryAfterHeader);
  if (contentType.includes('json')) {
    try {
      const problem = JSON.parse(text) as ProblemBody;
      if (typeof problem.title === 'string') {
        return new ApiError({
          status,
          code: problem.code ?? 'UNKNOWN',
          title: problem.title,
          detail: typeof problem.detail === 'string' ? problem.detail : '',
          fieldErrors: (problem.errors ?? [])
            .filter((e) => typeof e.message === 'string')
            .map((e) => ({ pointer: e.pointer ?? '/', message: e.message ?? '', ...(e.code ? { code: e.code } : {}) })),
          requestId: problem.requestId,
          rule: problem.rule,
          retryAfter,
          problem: problem as unknown as Record<string, unknown>,
        });
      }
    } catch {
      // fall through to the generic message
    }
  }
  const local = LOCAL_MESSAGES[language].unexpected;
  return new ApiError({ status, code: 'UNEXPECTED_RESPONSE', ...local, retryAfter });
};

const toApiError = async (response: Response): Promise<ApiError> =>
  problemToApiError(
    response.status,
    response.headers.get('content-type') ?? '',
    await response.text().catch(() => ''),
    response.headers.get('retry-after'),
  );

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const request = async <T>(method: string, path: string, options: RequestOptions = {}): Promise<T> => {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const token = UNSAFE.has(method) ? csrfTokenFor(path) : null;
  if (token) {
    headers['x-csrf-token'] = token;
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
    const error = await toApiError(response);
    // A stale or missing token (a session opened in another tab, an official's session on a portal
    // page): nothing was done, so read the session's token once and send the write again.
    if (error.code === 'CSRF_TOKEN_INVALID' && !options.csrfRetried && (await refreshCsrfToken(path))) {
      return request<T>(method, path, { ...options, csrfRetried: true });
    }
    throw error;
  }
  if (response.status === 204) {
    return undefined as T;
  }
  return (await response.json()) as T;
};

/** Reads the CSRF token of the session a write to `path` is checked against; answers whether it found one. */
const refreshCsrfToken = async (path: string): Promise<boolean> => {
  const read = async (url: string): Promise<string | null> => {
    try {
      const response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) {
        return null;
      }
      const body = (await response.json()) as { csrfToken?: unknown };
      return typeof body.csrfToken === 'string' ? body.csrfToken : null;
    } catch {
      return null;
    }
  };
  if (!path.startsWith('/api/v1/citizen/')) {
    // Elsewhere the server checks an official's session first.
    const official = await read('/api/v1/me');
    if (official) {
      csrfToken = official;
      return true;
    }
  }
  const citizen = await read('/api/v1/citizen/me');
  citizenCsrfToken = citizen;
  return citizen !== null;
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

/**
 * Uploads one file as multipart/form-data (field "file") with XMLHttpRequest, which reports upload
 * progress (fetch does not). Same headers and problem handling as `request`.
 */
export const uploadFile = <T>(
  path: string,
  file: Blob,
  options: { fileName?: string; onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', language);
    const token = csrfTokenFor(path);
    if (token) {
      xhr.setRequestHeader('x-csrf-token', token);
    }
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        options.onProgress?.(event.loaded / event.total);
      }
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(1);
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        } catch {
          reject(
            new ApiError({ status: xhr.status, code: 'UNEXPECTED_RESPONSE', ...LOCAL_MESSAGES[language].unexpected }),
          );
        }
        return;
      }
      reject(
        problemToApiError(
          xhr.status,
          xhr.getResponseHeader('content-type') ?? '',
          xhr.responseText,
          xhr.getResponseHeader('retry-after'),
        ),
      );
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK', ...LOCAL_MESSAGES[language].network }));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const body = new FormData();
    body.append('file', file, options.fileName ?? (file instanceof File ? file.name : 'tep-dinh-kem'));
    xhr.send(body);
  });

/** The URL of a printable form of a dossier (opened in a new tab to print). */
export const formUrl = (code: string, form: string): string =>
  `/api/v1/dossiers/${encodeURIComponent(code)}/forms/${encodeURIComponent(form)}.pdf`;

/** A fresh key for the Idempotency-Key header (one per user intention, reused on retries). */
export const newIdempotencyKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
