import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiError, messageOf } from './api';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Loads once per change of deps; `reload` loads again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [round, setRound] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    run().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error) => live && setState({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [run, round]);
  return { ...state, reload: () => setRound((r) => r + 1) };
}

export function Status({ value }: { value: string | null | undefined }) {
  const text = value ?? 'UNKNOWN';
  return <span className={`status status-${tone(text)}`}>{text.replace(/_/g, ' ')}</span>;
}

function tone(status: string): string {
  if (['SUCCEEDED', 'GUARDRAILS_PASSED', 'APPROVED', 'ALLOW', 'PASSED', 'WITHIN'].includes(status)) return 'good';
  if (['FAILED', 'BLOCKED', 'REJECTED', 'GUARDRAILS_BLOCKED', 'IAC_FAILED', 'DENY', 'OVER'].includes(status)) return 'bad';
  if (['AWAITING_APPROVAL', 'DESTROYED', 'SUPERSEDED'].includes(status)) return 'warn';
  return 'neutral';
}

export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {messageOf(error)}
    </p>
  );
}

/**
 * For the result reads other parts of the platform may not serve yet: a 404 says so plainly
 * instead of failing the page.
 */
export function Unavailable({ error, what }: { error: unknown; what: string }) {
  if (error instanceof ApiError && error.status === 404) {
    const unserved = error.problem.code === 'request.not-found' || !error.problem.code;
    return (
      <p className="notice" role="status">
        {unserved
          ? `This platform does not serve ${what} (404).`
          : `No ${what} here yet: ${error.problem.detail ?? error.problem.code} (404).`}
      </p>
    );
  }
  if (error instanceof ApiError && error.status === 403 && error.problem.code === 'auth.forbidden') {
    // a path the permission matrix does not list is platform-admin only: to others it is not served
    return (
      <p className="notice" role="status">
        This platform does not serve {what} to your roles (403).
      </p>
    );
  }
  return <ErrorMessage error={error} />;
}

/**
 * What a read shows before its data: that it is loading, or why it failed. With `unavailable`,
 * a read other parts of the platform may not serve yet (see Unavailable); without, any failure is an error.
 */
export function LoadNotice({ state, loading, unavailable }: { state: Loaded<unknown>; loading: string; unavailable?: string }) {
  return (
    <>
      {state.loading && <Loading what={loading} />}
      {unavailable ? <Unavailable error={state.error} what={unavailable} /> : <ErrorMessage error={state.error} />}
    </>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="muted">
      Loading {what}…
    </p>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function money(value: unknown, currency = 'USD'): string {
  const number = typeof value === 'number' ? value : Number(value);
  if (value === null || value === undefined || Number.isNaN(number)) return '—';
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 2 }).format(number);
}
