import { api } from '../api';
import { LoadNotice, useLoad, when } from '../components';
import { Link } from '../router';
import type { DriftedResource } from '../types';

export function Drift() {
  const drift = useLoad(() => api<{ items: DriftedResource[] }>('/api/v1/drift?limit=500'), []);
  return (
    <>
      <h1>Drift</h1>
      <p>
        Resources whose provider state differs from what was deployed.{' '}
        <button type="button" onClick={drift.reload}>
          Refresh
        </button>
      </p>
      <LoadNotice state={drift} loading="drift" />
      {drift.data && drift.data.items.length === 0 && <p>No drift: everything deployed matches its provider.</p>}
      {drift.data && drift.data.items.length > 0 && (
        <table>
          <caption>Drifted resources, by blueprint then address</caption>
          <thead>
            <tr>
              <th scope="col">Resource</th>
              <th scope="col">Deployment</th>
              <th scope="col">Since</th>
              <th scope="col">What differs</th>
            </tr>
          </thead>
          <tbody>
            {drift.data.items.map((r) => (
              <tr key={`${r.blueprintId}-${r.address}`} className="drifted">
                <th scope="row">
                  {r.address}
                  <div className="muted">{r.resourceType}</div>
                </th>
                <td>
                  <Link to={`/deployments/${r.deploymentId}`}>{r.deploymentId.slice(0, 8)}</Link>
                </td>
                <td>{when(r.since)}</td>
                <td>
                  {r.deleted ? (
                    <strong>Deleted at the provider</strong>
                  ) : (
                    <ul>
                      {r.driftedAttributes.map((a) => (
                        <li key={a.name}>
                          <code>{a.name}</code>: desired {a.desired ?? '—'}, actual {a.actual ?? '—'}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
