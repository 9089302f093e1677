import { authorization, refresh } from './auth';

/** An RFC 9457 problem as the platform answers it (extension members vary by code). */
export interface Problem {
  status: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: Array<Record<string, unknown>>;
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }

  get status() {
    return this.problem.status;
  }
}

/** A fetch with the caller's bearer credential; one refresh and retry on a 401. */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const send = async () => {
    const headers = new Headers(init.headers);
    const auth = await authorization();
    if (auth) {
      headers.set('Authorization', auth);
    }
    return fetch(path, { ...init, headers });
  };
  let response = await send();
  if (response.status === 401 && (await refresh())) {
    response = await send();
  }
  return response;
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Problem;
    return { ...body, status: response.status };
  } catch {
    return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
  }
}

/** A 2xx answer, for a caller that reads the body itself (text, a blob); anything else throws an ApiError carrying the problem. */
export async function apiResponse(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await apiFetch(path, init);
  if (!response.ok) {
    throw new ApiError(await problemOf(response));
  }
  return response;
}

/** The JSON body of a 2xx answer; anything else throws an ApiError carrying the problem. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await apiResponse(path, init);
  if (response.status === 204) {
    return undefined as T;
  }
  const type = response.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export function postJson<T>(path: string, body?: unknown): Promise<T> {
  return api<T>(path, {
    method: 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    const { problem } = error;
    return `${problem.detail ?? problem.title ?? 'Request failed'}${problem.code ? ` (${problem.code})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export interface Caller {
  tenant: string;
  user: string;
  roles: string[];
}

export function may(caller: Caller | null, role: string): boolean {
  return !!caller && (caller.roles.includes(role) || caller.roles.includes('platform-admin'));
}
