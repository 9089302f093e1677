import { api, ApiError } from '../api';
import { LoadNotice, money, Status, useLoad, when } from '../components';
import { Link } from '../router';
import type { Blueprint, BlueprintStatus, Page } from '../types';

interface Row {
  blueprint: Blueprint;
  status: BlueprintStatus | null;
}

async function load(): Promise<Row[]> {
  const page = await api<Page<Blueprint>>('/api/v1/blueprints?size=100');
  return Promise.all(
    page.items.map(async (blueprint) => {
      try {
        return { blueprint, status: await api<BlueprintStatus>(`/api/v1/blueprints/${blueprint.blueprintId}/status`) };
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return { blueprint, status: null };
        throw error;
      }
    }),
  );
}

export function Blueprints() {
  const rows = useLoad(load, []);
  return (
    <>
      <h1>Blueprints</h1>
      <p>
        <Link to="/submit">Submit a blueprint</Link> ·{' '}
        <button type="button" onClick={rows.reload}>
          Refresh
        </button>
      </p>
      <LoadNotice state={rows} loading="blueprints" />
      {rows.data && rows.data.length === 0 && <p>No blueprints yet in this tenant.</p>}
      {rows.data && rows.data.length > 0 && (
        <table>
          <caption>Your tenant's blueprints and where each stands</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Latest version</th>
              <th scope="col">Status</th>
              <th scope="col">Deployed version</th>
              <th scope="col">Monthly (deployed)</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map(({ blueprint, status }) => (
              <tr key={blueprint.blueprintId}>
                <th scope="row">
                  <Link to={`/blueprints/${blueprint.blueprintId}`}>{blueprint.name}</Link>
                </th>
                <td>{blueprint.latestVersion}</td>
                <td>{status ? <Status value={status.status} /> : <span className="muted">not in the state yet</span>}</td>
                <td>{status && status.deployedVersion > 0 ? status.deployedVersion : '—'}</td>
                <td>{status ? money(status.deployedMonthly) : '—'}</td>
                <td>{when(status?.updatedAt ?? blueprint.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
