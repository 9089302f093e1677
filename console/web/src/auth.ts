// Sign-in against the platform's embedded issuer: OAuth 2.0 authorization code with PKCE for the
// public client `dharma-console` (ADR 0027). Tokens live in this module's memory only, never in
// localStorage: a reload signs in again, which is one redirect while the issuer's session lasts.
// Only the PKCE verifier and the state survive the redirect, in sessionStorage.

export const CLIENT_ID = 'dharma-console';
const SCOPE = 'openid dharma';
const PENDING = 'dharma-console.pending-sign-in';

export type Credential =
  | { kind: 'token'; accessToken: string; refreshToken: string | null; expiresAt: number }
  | { kind: 'key'; key: string };

let credential: Credential | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

export function current(): Credential | null {
  return credential;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(next: Credential | null) {
  credential = next;
  listeners.forEach((listener) => listener());
}

export function signInWithKey(key: string) {
  set({ kind: 'key', key: key.trim() });
}

export function redirectUri(): string {
  return `${window.location.origin}/callback`;
}

function base64Url(bytes: Uint8Array): string {
  let text = '';
  bytes.forEach((b) => (text += String.fromCharCode(b)));
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return base64Url(bytes);
}

export async function codeChallenge(verifier: string): Promise<string> {
  if (!crypto.subtle) {
    throw new Error('This browser offers no Web Crypto here: open the console over https or on localhost.');
  }
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** Leaves for the issuer's login page; comes back to /callback. */
export async function signIn(returnTo: string) {
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: redirectUri(),
    scope: SCOPE,
    state,
    code_challenge: await codeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  window.location.assign(`/oauth2/authorize?${query}`);
}

/** Finishes a sign-in on /callback; answers where to go next. */
export async function completeSignIn(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const pending = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  if (params.get('error')) {
    throw new Error(`The issuer refused the sign-in: ${params.get('error_description') ?? params.get('error')}`);
  }
  if (!pending) {
    throw new Error('No sign-in was under way in this tab; sign in again.');
  }
  const { verifier, state, returnTo } = JSON.parse(pending) as { verifier: string; state: string; returnTo: string };
  if (params.get('state') !== state) {
    throw new Error('The sign-in answer does not match the request (state); sign in again.');
  }
  await token({
    grant_type: 'authorization_code',
    code: params.get('code') ?? '',
    redirect_uri: redirectUri(),
    client_id: CLIENT_ID,
    code_verifier: verifier,
  });
  return returnTo || '/';
}

async function token(form: Record<string, string>) {
  const response = await fetch('/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  if (!response.ok) {
    throw new Error(`The issuer answered ${response.status} to the token request.`);
  }
  const body = (await response.json()) as { access_token: string; refresh_token?: string; expires_in: number };
  set({
    kind: 'token',
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? null,
    expiresAt: Date.now() + body.expires_in * 1000,
  });
}

/**
 * Trades the refresh token for new tokens. One at a time: refresh tokens rotate, and presenting a
 * rotated-away one twice would revoke the whole login (ADR 0015).
 */
export function refresh(): Promise<boolean> {
  const now = credential;
  if (now?.kind !== 'token' || !now.refreshToken) {
    return Promise.resolve(false);
  }
  if (!refreshing) {
    refreshing = token({ grant_type: 'refresh_token', refresh_token: now.refreshToken, client_id: CLIENT_ID })
      .then(() => true)
      .catch(() => {
        set(null);
        return false;
      })
      .finally(() => (refreshing = null));
  }
  return refreshing;
}

/** The Authorization header value, refreshed first when the access token is about to expire. */
export async function authorization(): Promise<string | null> {
  if (refreshing) {
    await refreshing;
  }
  const now = credential;
  if (!now) {
    return null;
  }
  if (now.kind === 'key') {
    return `Bearer ${now.key}`;
  }
  if (now.expiresAt - Date.now() < 60_000) {
    await refresh();
  }
  const after = credential;
  return after?.kind === 'token' ? `Bearer ${after.accessToken}` : after?.kind === 'key' ? `Bearer ${after.key}` : null;
}

/** Forgets the credential and revokes its refresh token; answers whether the issuer's session should end too. */
export async function signOut(): Promise<boolean> {
  const now = credential;
  set(null);
  if (now?.kind === 'token' && now.refreshToken) {
    await fetch('/oauth2/revoke', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: now.refreshToken, token_type_hint: 'refresh_token', client_id: CLIENT_ID }),
    }).catch(() => undefined);
  }
  return now?.kind === 'token';
}
