// The one HTTP client of the web app. It sends the session cookie and the CSRF token,
// turns every failure into an ApiError carrying the server's problem+json, and handles an
// expired session (401) in one place.
import { getLang, translate } from './i18n';

export type FieldError = { field: string; message: string };

export type Problem = {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
};

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** When the server sent Retry-After (429): the moment a new attempt is allowed. */
  readonly retryAt: Date | null;

  constructor(problem: Problem, retryAt: Date | null = null) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAt = retryAt;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Set from the login and /api/auth/me responses; cleared at logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The session's CSRF token, for requests sent without `request` (the upload's XMLHttpRequest). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Called when a request other than login/me gets 401 (the session expired or was ended). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

const SESSION_PATHS = ['/api/auth/login', '/api/auth/me'];

export type QueryValue = string | number | boolean | null | undefined;

/** Builds "path?a=1&b=2", leaving out empty values. */
export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export function parseRetryAfter(header: string | null, now: Date = new Date()): Date | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return new Date(now.getTime() + Number(trimmed) * 1000);
  const d = new Date(trimmed);
  return Number.isNaN(d.getTime()) ? null : d;
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
};

async function readProblem(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const p = (await res.json()) as Partial<Problem>;
      return { ...p, status: typeof p.status === 'number' ? p.status : res.status };
    } catch {
      // fall through to the generic problem
    }
  }
  return {
    status: res.status,
    title: res.statusText,
    detail: translate(getLang(), 'error.generic', { status: res.status }),
  };
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': getLang() === 'en' ? 'en, nb;q=0.5' : 'nb, no;q=0.9, en;q=0.5',
  };
  if (options.body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, title: 'Network error', detail: translate(getLang(), 'error.network') });
  }

  if (!res.ok) {
    const problem = await readProblem(res);
    if (res.status === 401 && !SESSION_PATHS.includes(path.split('?')[0] ?? '')) onUnauthorized?.();
    throw new ApiError(problem, res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get('Retry-After')) : null);
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>(withQuery(path, query), { signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body }),
  // JSON merge patch (RFC 7396) semantics, sent as application/json, which the server requires.
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
};
