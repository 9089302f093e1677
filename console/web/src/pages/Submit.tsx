import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { ApiError, apiFetch, may, type Caller } from '../api';
import { ErrorMessage } from '../components';
import { lineOf } from '../pointer';
import { navigate } from '../router';

interface DocumentProblem {
  code?: string;
  pointer?: string;
  message?: string;
  line?: number | null;
}

type Outcome =
  | { kind: 'problems'; title: string; problems: DocumentProblem[] }
  | { kind: 'plan'; body: Record<string, unknown> }
  | { kind: 'notice'; text: string }
  | { kind: 'error'; error: unknown };

function problemsOf(text: string, body: Record<string, unknown>): DocumentProblem[] {
  const list = (body.errors ?? body.problems ?? []) as DocumentProblem[];
  return list.map((p) => ({ ...p, line: p.line ?? (p.pointer !== undefined ? lineOf(text, p.pointer) : null) }));
}

export function Submit({ caller }: { caller: Caller }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const editor = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const mayRun = may(caller, 'developer');

  const badLines = useMemo(
    () => new Set(outcome?.kind === 'problems' ? outcome.problems.map((p) => p.line).filter((l): l is number => !!l) : []),
    [outcome],
  );
  const lineCount = Math.max(1, text.split('\n').length);

  const send = async (path: string): Promise<Response> =>
    apiFetch(path, { method: 'POST', headers: { 'Content-Type': 'application/yaml' }, body: text });

  const dryRun = async () => {
    setBusy(true);
    try {
      const response = await send('/api/v1/blueprints/plan');
      const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : {};
      if (response.status === 404) {
        setOutcome({ kind: 'notice', text: 'This platform has no dry run (POST /api/v1/blueprints/plan answered 404); Submit checks the document instead.' });
      } else if (response.ok) {
        const problems = problemsOf(text, body);
        setOutcome(problems.length ? { kind: 'problems', title: 'The dry run found problems', problems } : { kind: 'plan', body });
      } else if (Array.isArray(body.errors)) {
        setOutcome({ kind: 'problems', title: body.detail ?? body.title ?? 'The document has problems', problems: problemsOf(text, body) });
      } else {
        setOutcome({ kind: 'error', error: new ApiError({ ...body, status: response.status }) });
      }
    } catch (error) {
      setOutcome({ kind: 'error', error });
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    setBusy(true);
    try {
      const response = await send('/api/v1/blueprints');
      const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : {};
      if (response.status === 202) {
        navigate(`/tracking/${body.trackingId}`);
        return;
      }
      if (Array.isArray(body.errors)) {
        setOutcome({ kind: 'problems', title: body.detail ?? body.title ?? 'The document has problems', problems: problemsOf(text, body) });
      } else {
        setOutcome({ kind: 'error', error: new ApiError({ ...body, status: response.status }) });
      }
    } catch (error) {
      setOutcome({ kind: 'error', error });
    } finally {
      setBusy(false);
    }
  };

  const open = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) {
      file.text().then(setText, (error) => setOutcome({ kind: 'error', error }));
    }
  };

  const goToLine = (line: number) => {
    const area = editor.current;
    if (!area) return;
    const lines = text.split('\n');
    const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  };

  return (
    <>
      <h1>Submit a blueprint</h1>
      {!mayRun && <p className="notice">Your roles ({caller.roles.join(', ')}) may not submit blueprints; ask for the developer role.</p>}
      <div className="field">
        <label htmlFor="blueprint-file">Open a blueprint file</label>
        <input id="blueprint-file" type="file" accept=".yaml,.yml,.json" onChange={open} />
      </div>
      <div className="field">
        <label htmlFor="blueprint-text">Blueprint (YAML or JSON)</label>
        <div className="editor">
          <div className="gutter" ref={gutter} aria-hidden="true">
            {Array.from({ length: lineCount }, (_, i) => (
              <div key={i} className={badLines.has(i + 1) ? 'bad' : undefined}>
                {i + 1}
              </div>
            ))}
          </div>
          <textarea
            id="blueprint-text"
            ref={editor}
            value={text}
            spellCheck={false}
            rows={24}
            wrap="off"
            aria-describedby="problems"
            aria-invalid={badLines.size > 0}
            onChange={(e) => setText(e.target.value)}
            onScroll={(e) => gutter.current && (gutter.current.scrollTop = e.currentTarget.scrollTop)}
          />
        </div>
      </div>
      <div className="actions">
        <button type="button" onClick={dryRun} disabled={busy || !text.trim()}>
          Check (dry run)
        </button>
        <button type="button" className="primary" onClick={submit} disabled={busy || !text.trim() || !mayRun}>
          Submit
        </button>
      </div>
      <div id="problems" aria-live="polite">
        {outcome?.kind === 'problems' && (
          <section aria-labelledby="problems-title" className="problems">
            <h2 id="problems-title">{outcome.title}</h2>
            <ul>
              {outcome.problems.map((p, i) => (
                <li key={i}>
                  {p.line ? (
                    <button type="button" className="link" onClick={() => goToLine(p.line!)}>
                      Line {p.line}
                    </button>
                  ) : (
                    <span>Document</span>
                  )}{' '}
                  <code>{p.pointer || '/'}</code>: {p.message} {p.code && <span className="muted">({p.code})</span>}
                </li>
              ))}
            </ul>
          </section>
        )}
        {outcome?.kind === 'plan' && <PlanOutcome body={outcome.body} />}
        {outcome?.kind === 'notice' && <p className="notice">{outcome.text}</p>}
        {outcome?.kind === 'error' && <ErrorMessage error={outcome.error} />}
      </div>
    </>
  );
}

function PlanOutcome({ body }: { body: Record<string, unknown> }) {
  const verdict = (body.verdict ?? body.guardrails) as Record<string, unknown> | undefined;
  const violations = (verdict?.violations ?? body.violations ?? []) as Array<Record<string, unknown>>;
  const cost = (body.cost ?? body.estimate) as Record<string, unknown> | undefined;
  return (
    <section aria-labelledby="dry-run-title">
      <h2 id="dry-run-title">Dry run: the document is valid</h2>
      {cost && (
        <p>
          Estimated monthly cost: {String(cost.totalMonthly ?? '—')} {String(cost.currency ?? '')}
        </p>
      )}
      {violations.length > 0 ? (
        <ul>
          {violations.map((v, i) => (
            <li key={i}>
              {String(v.policyId ?? v.policy ?? 'policy')} on {String(v.resourceName ?? v.resource ?? '?')}: {String(v.message ?? '')}
            </li>
          ))}
        </ul>
      ) : (
        <p>No guardrail violations reported.</p>
      )}
      <details>
        <summary>Full dry-run answer</summary>
        <pre tabIndex={0}>{JSON.stringify(body, null, 2)}</pre>
      </details>
    </section>
  );
}

