import { api, may, type Caller } from '../api';
import { LoadNotice, Section, Status, useLoad, when } from '../components';
import { Link } from '../router';
import type { DeployedResource, Deployment, DeploymentPlan } from '../types';
import { Decision } from './Decision';

export function DeploymentDetail({ id, caller }: { id: string; caller: Caller }) {
  const deployment = useLoad(() => api<Deployment>(`/api/v1/deployments/${id}`), [id]);
  const plan = useLoad(() => api<DeploymentPlan>(`/api/v1/deployments/${id}/plan`), [id]);
  const d = deployment.data;
  return (
    <>
      <h1>Deployment {id.slice(0, 8)}</h1>
      <LoadNotice state={deployment} loading="the deployment" />
      {d && (
        <>
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <Status value={d.status} />
            </dd>
            <dt>Blueprint</dt>
            <dd>
              <Link to={`/blueprints/${d.blueprintId}`}>{d.blueprintId}</Link> version {d.blueprintVersion}
            </dd>
            <dt>Operation</dt>
            <dd>{d.operation ?? '—'}</dd>
            <dt>Timeline</dt>
            <dd>
              <Link to={`/tracking/${d.trackingId}`}>Submission timeline</Link>
            </dd>
            <dt>Plan</dt>
            <dd>{d.plan ? `${d.plan.toAdd} to add, ${d.plan.toChange} to change, ${d.plan.toDestroy} to destroy` : 'not planned yet'}</dd>
          </dl>
          {d.status === 'AWAITING_APPROVAL' && may(caller, 'approver') && (
            <Decision deploymentId={d.deploymentId} label="this deployment" onDecided={deployment.reload} />
          )}
        </>
      )}
      <Section title="Plan">
        <LoadNotice state={plan} loading="the plan" unavailable="the plan of this deployment" />
        {plan.data && (
          <>
            <p>
              {plan.data.toAdd} to add, {plan.data.toChange} to change, {plan.data.toDestroy} to destroy{' '}
              <span className="muted">(planned {when(plan.data.plannedAt)})</span>
            </p>
            <table className="plan-actions">
              <caption>What the plan does, resource by resource</caption>
              <thead>
                <tr>
                  <th scope="col">Resource</th>
                  <th scope="col">Type</th>
                  <th scope="col">Terraform address</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {plan.data.actions.map((a, i) => (
                  <tr key={i}>
                    <th scope="row">{a.resourceName}</th>
                    <td>{a.resourceType}</td>
                    <td>{a.address ? <code>{a.address}</code> : '—'}</td>
                    <td>{a.action.replace('_', ' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Section>
      {d && (
        <Section title="Resources: desired and observed">
          {d.resources.length === 0 ? <p>No resources changed yet.</p> : <Resources resources={d.resources} />}
        </Section>
      )}
      {d && (
        <Section title="History">
          <ol>
            {d.history.map((h, i) => (
              <li key={i}>
                <Status value={h.status} /> <time dateTime={h.occurredAt}>{when(h.occurredAt)}</time>
              </li>
            ))}
          </ol>
        </Section>
      )}
    </>
  );
}

function Resources({ resources }: { resources: DeployedResource[] }) {
  return (
    <table>
      <caption>Each attribute as desired and as the provider has it; drifted ones are marked</caption>
      <thead>
        <tr>
          <th scope="col">Resource</th>
          <th scope="col">Attribute</th>
          <th scope="col">Desired</th>
          <th scope="col">Observed</th>
        </tr>
      </thead>
      <tbody>
        {resources.flatMap((r) => {
          const names = Array.from(new Set([...Object.keys(r.desired), ...Object.keys(r.observed ?? {})])).sort();
          const rows = names.length ? names : ['—'];
          return rows.map((name, i) => {
            const desired = r.desired[name];
            const observed = r.observed?.[name];
            const differs = r.observed !== null && desired !== undefined && observed !== desired;
            return (
              <tr key={`${r.address}-${name}`} className={differs ? 'drifted' : undefined}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={rows.length}>
                    {r.address}
                    <div className="muted">
                      {r.drifted ? <strong className="drift-flag">Drifted</strong> : r.observed ? 'in sync' : 'not observed yet'}
                      {!r.exists && ' · deleted at the provider'}
                    </div>
                  </th>
                )}
                <td>{name}</td>
                <td>{desired ?? '—'}</td>
                <td>
                  {r.observed === null ? 'not observed' : observed ?? '—'}
                  {differs && <span className="drift-flag"> (differs)</span>}
                </td>
              </tr>
            );
          });
        })}
      </tbody>
    </table>
  );
}
