import { useEffect, useState } from 'react';
import { ApiError, apiFetch } from '../api';
import { ErrorMessage, Status, when } from '../components';
import { Link } from '../router';
import { EventStreamParser } from '../sse';
import type { Stage, TrackingView } from '../types';

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'BLOCKED', 'REJECTED', 'DESTROYED']);

/**
 * Follows GET /api/v1/tracking/{id}/events until its `end` event: reconnects with Last-Event-ID
 * when the stream drops, so no stage is missed or shown twice.
 */
function useTimeline(id: string) {
  const [stages, setStages] = useState<Stage[]>([]);
  const [final, setFinal] = useState<TrackingView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [live, setLive] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    let lastEventId: string | null = null;
    let ended = false;
    setStages([]);
    setFinal(null);
    setError(null);

    const follow = async () => {
      for (let attempt = 0; !ended && !abort.signal.aborted; attempt++) {
        try {
          const headers: Record<string, string> = { Accept: 'text/event-stream' };
          if (lastEventId) headers['Last-Event-ID'] = lastEventId;
          const response = await apiFetch(`/api/v1/tracking/${id}/events`, { headers, signal: abort.signal });
          if (!response.ok || !response.body) {
            const body = await response.json().catch(() => ({}));
            const failure = new ApiError({ ...body, status: response.status });
            if (response.status === 404 && attempt < 10) {
              await pause(1000, abort.signal); // the state may not have folded the submission yet
              continue;
            }
            throw failure;
          }
          setLive(true);
          setError(null);
          const parser = new EventStreamParser();
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            for (const event of parser.push(value)) {
              if (event.event === 'stage') {
                const stage = JSON.parse(event.data) as Stage;
                lastEventId = event.id ?? stage.eventId;
                setStages((previous) => (previous.some((s) => s.eventId === stage.eventId) ? previous : [...previous, stage]));
              } else if (event.event === 'end') {
                ended = true;
                setFinal(JSON.parse(event.data) as TrackingView);
              }
            }
          }
        } catch (failure) {
          if (abort.signal.aborted) return;
          if (failure instanceof ApiError) {
            setError(failure);
            return;
          }
          setError(new Error('The event stream dropped; reconnecting…'));
          await pause(Math.min(500 * 2 ** Math.min(attempt, 4), 5000), abort.signal);
        } finally {
          setLive(false);
        }
      }
    };
    void follow();
    return () => abort.abort();
  }, [id]);

  return { stages, final, error, live };
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export function Tracking({ id }: { id: string }) {
  const { stages, final, error, live } = useTimeline(id);
  const latest = final?.status ?? stages[stages.length - 1]?.status ?? 'ACCEPTED';
  const blueprintId = final?.blueprintId;
  const deploymentId = final?.deploymentId ?? [...stages].reverse().find((s) => s.detail.deploymentId)?.detail.deploymentId;

  return (
    <>
      <h1>Timeline</h1>
      <p>
        Tracking <code>{id}</code>
      </p>
      <p aria-live="polite">
        Status: <span data-testid="tracking-status">{latest}</span> <Status value={latest} />{' '}
        {!final && (live ? <span className="muted">(live)</span> : <span className="muted">(connecting)</span>)}
        {final && TERMINAL.has(final.status) && <span className="muted">(finished)</span>}
      </p>
      <ErrorMessage error={error} />
      <p>
        {blueprintId && <Link to={`/blueprints/${blueprintId}`}>Blueprint</Link>}
        {blueprintId && deploymentId && ' · '}
        {deploymentId && <Link to={`/deployments/${deploymentId}`}>Deployment</Link>}
        {final && (
          <>
            {' · '}
            <Link to={`/blueprints/${final.blueprintId}?version=${final.version}`}>Generated files and verdict</Link>
            {' · '}
            <Link to={`/costs?blueprint=${final.blueprintId}&version=${final.version}`}>Cost estimate</Link>
          </>
        )}
      </p>
      <ol className="timeline" aria-label="Stages">
        {stages.map((stage) => (
          <li key={stage.eventId} className={`stage stage-${stage.status.toLowerCase()}`}>
            <div className="stage-head">
              <strong>{stage.kind}</strong> <Status value={stage.status} /> <time dateTime={stage.occurredAt}>{when(stage.occurredAt)}</time>
            </div>
            <StageDetail stage={stage} />
          </li>
        ))}
      </ol>
    </>
  );
}

function StageDetail({ stage }: { stage: Stage }) {
  const { messages, policies, ...rest } = stage.detail;
  const entries = Object.entries(rest).filter(([key]) => key !== 'reasons');
  return (
    <>
      {messages && (
        <div className="violations" role="group" aria-label="Violations">
          <strong>Violations{policies ? ` (${policies.split(',').join(', ')})` : ''}:</strong>
          <ul>
            {messages.split('; ').map((message, i) => (
              <li key={i}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {entries.length > 0 && (
        <dl className="detail">
          {entries.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{key === 'deploymentId' ? <Link to={`/deployments/${value}`}>{value}</Link> : value}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
