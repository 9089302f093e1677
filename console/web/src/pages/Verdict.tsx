import { api } from '../api';
import { Loading, Status, Unavailable, useLoad } from '../components';
import { ViolationsTable } from '../results';
import type { VerdictResult } from '../types';

/** A version's guardrail verdict (GET .../verdict); its violations in a table. */
export function Verdict({ blueprintId, version }: { blueprintId: string; version: number }) {
  const verdict = useLoad(
    () => api<VerdictResult>(`/api/v1/blueprints/${blueprintId}/versions/${version}/verdict`),
    [blueprintId, version],
  );
  if (verdict.loading) return <Loading what="the verdict" />;
  if (verdict.error) return <Unavailable error={verdict.error} what="a guardrail verdict for this version" />;
  if (!verdict.data) return null;
  const data = verdict.data;
  return (
    <>
      <p>
        Outcome: <Status value={data.outcome} /> <span className="muted">({data.policiesEvaluated} policies evaluated)</span>
      </p>
      <ViolationsTable violations={data.violations} />
    </>
  );
}
