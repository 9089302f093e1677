import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { ApiError, apiFetch, may, type Caller } from '../api';
import { ErrorMessage, Status } from '../components';
import { lineOf } from '../pointer';
import { CostView, IacFiles, ViolationsTable } from '../results';
import { navigate } from '../router';
import type { DryRun } from '../types';

interface DocumentProblem {
  code?: string;
  pointer?: string;
  message?: string;
  line?: number | null;
}

type Outcome =
  | { kind: 'problems'; title: string; problems: DocumentProblem[] }
  | { kind: 'plan'; plan: DryRun }
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
      if (response.ok) {
        setOutcome({ kind: 'plan', plan: body as DryRun });
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
          Plan (dry run)
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
        {outcome?.kind === 'plan' && <PlanOutcome plan={outcome.plan} />}
        {outcome?.kind === 'notice' && <p className="notice">{outcome.text}</p>}
        {outcome?.kind === 'error' && <ErrorMessage error={outcome.error} />}
      </div>
    </>
  );
}

/** What a submission would do: nothing of it is stored or published. */
function PlanOutcome({ plan }: { plan: DryRun }) {
  const { blueprint, iac, verdict, cost, changes } = plan;
  return (
    <section aria-labelledby="dry-run-title" className="dry-run">
      <h2 id="dry-run-title">
        Dry run of {blueprint.name}: nothing was submitted
      </h2>
      <p>
        {blueprint.blueprintId ? `Would be version ${blueprint.latestVersion + 1} of this blueprint` : 'A new blueprint'} on {blueprint.cloud}{' '}
        {blueprint.region} ({blueprint.environment}). Guardrails: <Status value={verdict.outcome} />{' '}
        <span className="muted">({verdict.policiesEvaluated} policies evaluated)</span>
      </p>
      <h3>Guardrail violations</h3>
      <ViolationsTable violations={verdict.violations} caption="Violations the submission would meet" />
      <h3>Changes</h3>
      <p data-testid="dry-run-changes">
        {changes.toAdd} to add, {changes.toChange} to change, {changes.toDestroy} to destroy
      </p>
      {changes.actions.length > 0 && (
        <table>
          <caption>What applying it would change, resource by resource</caption>
          <thead>
            <tr>
              <th scope="col">Resource</th>
              <th scope="col">Action</th>
              <th scope="col">Terraform addresses</th>
              <th scope="col">Changed attributes</th>
            </tr>
          </thead>
          <tbody>
            {changes.actions.map((a, i) => (
              <tr key={i}>
                <th scope="row">
                  {a.resourceName}
                  <div className="muted">{a.resourceType}</div>
                </th>
                <td>{a.action.replace('_', ' ')}</td>
                <td>{a.addresses.length ? a.addresses.map((address) => <code key={address}>{address} </code>) : '—'}</td>
                <td>
                  {a.changedAttributes.length
                    ? a.changedAttributes.map((c) => `${c.name}: ${c.before ?? '∅'} → ${c.after ?? '∅'}`).join('; ')
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Cost</h3>
      <CostView estimate={cost} region={blueprint.region} headingLevel={4} />
      <h3>Terraform</h3>
      {iac.outcome === 'GENERATED' ? (
        <IacFiles files={iac.files} />
      ) : (
        <div role="group" aria-label="Why generation failed">
          <p>
            <Status value="IAC_FAILED" /> {iac.reason}
          </p>
          <ul>
            {iac.errors.map((e, i) => (
              <li key={i}>
                {e.resourceName ?? 'blueprint'}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
