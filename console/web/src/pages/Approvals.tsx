import { api, may, type Caller } from '../api';
import { LoadNotice, Status, useLoad, when } from '../components';
import { Link } from '../router';
import type { DeploymentSummary } from '../types';
import { Decision } from './Decision';

export function Approvals({ caller }: { caller: Caller }) {
  const waiting = useLoad(
    () => api<{ items: DeploymentSummary[] }>('/api/v1/deployments?status=AWAITING_APPROVAL&limit=100'),
    [],
  );
  const mayDecide = may(caller, 'approver');
  return (
    <>
      <h1>Approvals</h1>
      <p>
        Deployments waiting for a decision.{' '}
        {!mayDecide && 'Your roles may not approve; ask for the approver role.'} In production, whoever
        submitted a version cannot approve it (four eyes).{' '}
        <button type="button" onClick={waiting.reload}>
          Refresh
        </button>
      </p>
      <LoadNotice state={waiting} loading="deployments awaiting approval" />
      {waiting.data && waiting.data.items.length === 0 && <p>Nothing awaits approval.</p>}
      {waiting.data && waiting.data.items.length > 0 && (
        <ul className="cards">
          {waiting.data.items.map((d) => (
            <li key={d.deploymentId} className="card">
              <h2>
                <Link to={`/deployments/${d.deploymentId}`}>Deployment {d.deploymentId.slice(0, 8)}</Link>
              </h2>
              <p>
                <Link to={`/blueprints/${d.blueprintId}`}>Blueprint</Link> version {d.blueprintVersion}, {d.operation ?? 'APPLY'},{' '}
                <Status value={d.status} /> since {when(d.updatedAt)}
              </p>
              {mayDecide && <Decision deploymentId={d.deploymentId} label={`deployment ${d.deploymentId.slice(0, 8)}`} onDecided={() => undefined} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
