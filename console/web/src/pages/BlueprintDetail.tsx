import { useState } from 'react';
import { api } from '../api';
import { ErrorMessage, LoadNotice, money, Section, Status, useLoad, when } from '../components';
import { IacFiles } from '../results';
import { Link, useLocation } from '../router';
import type { Blueprint, BlueprintDeployment, BlueprintStatus, BlueprintVersion, IacResult, Page } from '../types';
import { Verdict } from './Verdict';

export function BlueprintDetail({ id }: { id: string }) {
  const blueprint = useLoad(() => api<Blueprint>(`/api/v1/blueprints/${id}`), [id]);
  const status = useLoad(() => api<BlueprintStatus>(`/api/v1/blueprints/${id}/status`), [id]);
  const versions = useLoad(() => api<Page<BlueprintVersion>>(`/api/v1/blueprints/${id}/versions?size=100`), [id]);
  const deployments = useLoad(() => api<BlueprintDeployment[]>(`/api/v1/blueprints/${id}/deployments`), [id]);
  const asked = Number(useLocation().searchParams.get('version'));
  const [chosen, setChosen] = useState<number | null>(asked > 0 ? asked : null);
  const version = chosen ?? blueprint.data?.latestVersion ?? null;
  const iac = useLoad(
    () => (version ? api<IacResult>(`/api/v1/blueprints/${id}/versions/${version}/iac`) : Promise.resolve(null)),
    [id, version],
  );

  return (
    <>
      <h1>Blueprint {blueprint.data?.name ?? id}</h1>
      <ErrorMessage error={blueprint.error} />
      <Section title="Status">
        <LoadNotice state={status} loading="status" unavailable="a status for this blueprint" />
        {status.data && (
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <Status value={status.data.status} />
            </dd>
            <dt>Latest version</dt>
            <dd>
              {status.data.latestVersion} (<Link to={`/tracking/${status.data.latestTrackingId}`}>timeline</Link>)
            </dd>
            <dt>Deployed version</dt>
            <dd>{status.data.deployedVersion || 'nothing deployed'}</dd>
            <dt>Monthly cost of what is deployed</dt>
            <dd>{money(status.data.deployedMonthly)}</dd>
            <dt>Costs</dt>
            <dd>
              <Link to={`/costs?blueprint=${id}`}>Estimate and cross-cloud comparison</Link>
            </dd>
          </dl>
        )}
      </Section>
      <Section title="Versions">
        <LoadNotice state={versions} loading="versions" />
        {versions.data && (
          <table>
            <caption>Every version submitted, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Submitted</th>
                <th scope="col">Intake</th>
                <th scope="col">Timeline</th>
                <th scope="col">Results</th>
              </tr>
            </thead>
            <tbody>
              {versions.data.items.map((v) => (
                <tr key={v.version}>
                  <th scope="row">{v.version}</th>
                  <td>{when(v.submittedAt)}</td>
                  <td>{v.status}</td>
                  <td>
                    <Link to={`/tracking/${v.trackingId}`}>Timeline of version {v.version}</Link>
                  </td>
                  <td>
                    <button type="button" aria-pressed={version === v.version} onClick={() => setChosen(v.version)}>
                      Show results of version {v.version}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      {version && (
        <Section title={`Guardrail verdict of version ${version}`}>
          <Verdict blueprintId={id} version={version} />
        </Section>
      )}
      {version && (
        <Section title={`Generated Terraform of version ${version}`}>
          <LoadNotice state={iac} loading="Terraform" unavailable="generated Terraform for this version" />
          {iac.data && iac.data.status === 'GENERATED' && (
            <>
              <p>
                {iac.data.resources.length} resources for {iac.data.cloud} <span className="muted">({iac.data.contentHash})</span>
              </p>
              <IacFiles files={iac.data.files} base={`/api/v1/blueprints/${id}/versions/${version}`} />
            </>
          )}
          {iac.data && iac.data.failure && (
            <div role="group" aria-label="Why generation failed">
              <p>
                <Status value="IAC_FAILED" /> {iac.data.failure.reason}
              </p>
              <ul>
                {iac.data.failure.errors.map((e, i) => (
                  <li key={i}>
                    {e.resourceName ?? 'blueprint'}: {e.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p>
            <Link to={`/costs?blueprint=${id}&version=${version}`}>Cost estimate of version {version}</Link>
          </p>
        </Section>
      )}
      <Section title="Deployments">
        <LoadNotice state={deployments} loading="deployments" unavailable="deployments of this blueprint" />
        {deployments.data && deployments.data.length === 0 && <p>No deployments yet.</p>}
        {deployments.data && deployments.data.length > 0 && (
          <table>
            <caption>Deployments, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Deployment</th>
                <th scope="col">Version</th>
                <th scope="col">Operation</th>
                <th scope="col">Status</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {deployments.data.map((d) => (
                <tr key={d.deploymentId}>
                  <th scope="row">
                    <Link to={`/deployments/${d.deploymentId}`}>{d.deploymentId.slice(0, 8)}</Link>
                  </th>
                  <td>{d.blueprintVersion}</td>
                  <td>{d.operation}</td>
                  <td>
                    <Status value={d.status} />
                  </td>
                  <td>{when(d.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}

