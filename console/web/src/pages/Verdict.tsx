import { api } from '../api';
import { Loading, Status, Unavailable, useLoad } from '../components';

interface Violation {
  policyId?: string;
  policy?: string;
  resourceName?: string;
  resource?: string;
  severity?: string;
  enforcement?: string;
  message?: string;
  remediation?: string | null;
}

/** A version's guardrail verdict (GET .../verdict); its violations in a table. */
export function Verdict({ blueprintId, version }: { blueprintId: string; version: number }) {
  const verdict = useLoad(
    () => api<Record<string, unknown>>(`/api/v1/blueprints/${blueprintId}/versions/${version}/verdict`),
    [blueprintId, version],
  );
  if (verdict.loading) return <Loading what="the verdict" />;
  if (verdict.error) return <Unavailable error={verdict.error} what="a guardrail verdict for this version" />;
  const data = verdict.data ?? {};
  const violations = (Array.isArray(data.violations) ? data.violations : []) as Violation[];
  const outcome = String(data.outcome ?? data.decision ?? (violations.length ? 'VIOLATIONS' : 'PASSED'));
  return (
    <>
      <p>
        Outcome: <Status value={outcome} />
      </p>
      {violations.length === 0 ? (
        <p>No violations.</p>
      ) : (
        <table>
          <caption>Policy violations</caption>
          <thead>
            <tr>
              <th scope="col">Policy</th>
              <th scope="col">Resource</th>
              <th scope="col">Severity</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {violations.map((v, i) => (
              <tr key={i}>
                <th scope="row">{v.policyId ?? v.policy}</th>
                <td>{v.resourceName ?? v.resource}</td>
                <td>{v.severity}</td>
                <td>
                  {v.message}
                  {v.remediation ? <div className="muted">Fix: {v.remediation}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
