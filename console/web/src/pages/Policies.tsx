import { useState, type FormEvent } from 'react';
import { api, ApiError, may, postJson, type Caller } from '../api';
import { ErrorMessage, LoadNotice, Status, useLoad } from '../components';
import type { Policy } from '../types';

interface FieldError {
  field: string;
  message: string;
  resourceType?: string;
  line?: number;
  column?: number;
}

const EMPTY = {
  id: '',
  title: '',
  severity: 'high',
  enforcement: 'block',
  resourceTypes: '',
  expression: '',
  message: '',
};

export function Policies({ caller }: { caller: Caller }) {
  const policies = useLoad(() => api<{ items: Policy[]; policySetVersion: string }>('/api/v1/policies'), []);
  const mayManage = may(caller, 'policy-admin');
  const [actionError, setActionError] = useState<unknown>(null);

  const toggle = async (policy: Policy) => {
    setActionError(null);
    try {
      await postJson(`/api/v1/policies/${encodeURIComponent(policy.id)}/${policy.enabled ? 'disable' : 'enable'}`);
      policies.reload();
    } catch (failure) {
      setActionError(failure);
    }
  };

  return (
    <>
      <h1>Policies</h1>
      <p>Guardrail policies in CEL, checked against every blueprint version.</p>
      <LoadNotice state={policies} loading="policies" />
      <ErrorMessage error={actionError} />
      {policies.data && (
        <table>
          <caption>Policies in force for your tenant (set version {policies.data.policySetVersion})</caption>
          <thead>
            <tr>
              <th scope="col">Policy</th>
              <th scope="col">Source</th>
              <th scope="col">Severity</th>
              <th scope="col">Enforcement</th>
              <th scope="col">State</th>
              {mayManage && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {policies.data.items.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.title}
                  <div className="muted">
                    <code>{p.id}</code>
                  </div>
                </th>
                <td>
                  {p.source}
                  {p.mandatory && ' (mandatory)'}
                </td>
                <td>{p.severity}</td>
                <td>{p.enforcement}</td>
                <td>
                  <Status value={p.enabled ? 'ENABLED' : 'DISABLED'} />
                </td>
                {mayManage && (
                  <td>
                    {!p.mandatory && (
                      <button type="button" onClick={() => toggle(p)}>
                        {p.enabled ? 'Disable' : 'Enable'} {p.id}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayManage && <CreatePolicy onCreated={policies.reload} />}
    </>
  );
}

function CreatePolicy({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);

  const set = (field: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const errorsOf = (field: string) => errors.filter((e) => e.field === field || e.field.startsWith(`${field}.`) || e.field.startsWith(`${field}[`));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    setError(null);
    setCreated(null);
    try {
      const policy = await postJson<Policy>('/api/v1/policies', {
        ...form,
        resourceTypes: form.resourceTypes.split(',').map((t) => t.trim()).filter(Boolean),
      });
      setCreated(policy.id);
      setForm(EMPTY);
      onCreated();
    } catch (failure) {
      if (failure instanceof ApiError && Array.isArray(failure.problem.errors)) {
        setErrors(failure.problem.errors as unknown as FieldError[]);
      }
      setError(failure);
    }
  };

  const fields: Array<{ name: keyof typeof EMPTY; label: string; multiline?: boolean; hint?: string }> = [
    { name: 'id', label: 'Id' },
    { name: 'title', label: 'Title' },
    { name: 'severity', label: 'Severity', hint: 'critical, high, medium or low' },
    { name: 'enforcement', label: 'Enforcement', hint: 'block (the version is not deployed) or warn' },
    { name: 'resourceTypes', label: 'Resource types', hint: 'comma-separated, e.g. storage.bucket' },
    { name: 'expression', label: 'Expression (CEL, true when the resource complies)', multiline: true },
    { name: 'message', label: 'Message shown on a violation' },
  ];

  return (
    <section aria-labelledby="create-policy" className="card">
      <h2 id="create-policy">Create a policy</h2>
      <form onSubmit={submit} noValidate>
        {fields.map(({ name, label, multiline, hint }) => {
          const own = errorsOf(name);
          const describedBy = [hint ? `${name}-hint` : null, own.length ? `${name}-errors` : null].filter(Boolean).join(' ') || undefined;
          const common = {
            id: `policy-${name}`,
            value: form[name],
            'aria-invalid': own.length > 0,
            'aria-describedby': describedBy,
          };
          return (
            <div className="field" key={name}>
              <label htmlFor={`policy-${name}`}>{label}</label>
              {multiline ? (
                <textarea {...common} rows={4} spellCheck={false} onChange={(e) => set(name)(e.target.value)} />
              ) : (
                <input {...common} onChange={(e) => set(name)(e.target.value)} />
              )}
              {hint && (
                <div id={`${name}-hint`} className="muted">
                  {hint}
                </div>
              )}
              {own.length > 0 && (
                <ul id={`${name}-errors`} className="field-errors">
                  {own.map((e, i) => (
                    <li key={i}>
                      {e.line ? `Line ${e.line}, column ${e.column ?? '?'}: ` : ''}
                      {e.resourceType ? `(${e.resourceType}) ` : ''}
                      {e.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
        <button type="submit" className="primary">
          Create policy
        </button>
      </form>
      {created && <p role="status">Created policy {created}.</p>}
      <ErrorMessage error={error} />
    </section>
  );
}
