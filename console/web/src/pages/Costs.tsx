import { api } from '../api';
import { ErrorMessage, Loading, Unavailable, useLoad } from '../components';
import { navigate, useLocation } from '../router';
import { CostView } from '../results';
import type { Blueprint, CostEstimate, Page } from '../types';

export function Costs() {
  const location = useLocation();
  const blueprints = useLoad(() => api<Page<Blueprint>>('/api/v1/blueprints?size=100'), []);
  const chosenId = location.searchParams.get('blueprint') ?? blueprints.data?.items[0]?.blueprintId ?? null;
  const chosen = blueprints.data?.items.find((b) => b.blueprintId === chosenId);
  const asked = Number(location.searchParams.get('version'));
  const version = asked > 0 ? asked : (chosen?.latestVersion ?? null);
  const cost = useLoad(
    () => (chosenId && version ? api<CostEstimate>(`/api/v1/blueprints/${chosenId}/versions/${version}/cost`) : Promise.resolve(null)),
    [chosenId, version],
  );

  return (
    <>
      <h1>Costs</h1>
      {blueprints.loading && <Loading what="blueprints" />}
      <ErrorMessage error={blueprints.error} />
      {blueprints.data && blueprints.data.items.length === 0 && <p>No blueprints yet.</p>}
      {blueprints.data && blueprints.data.items.length > 0 && (
        <div className="field">
          <label htmlFor="cost-blueprint">Blueprint</label>
          <select id="cost-blueprint" value={chosenId ?? ''} onChange={(e) => navigate(`/costs?blueprint=${e.target.value}`, true)}>
            {blueprints.data.items.map((b) => (
              <option key={b.blueprintId} value={b.blueprintId}>
                {b.name} (version {b.latestVersion})
              </option>
            ))}
          </select>
        </div>
      )}
      {chosenId && version && <p>Estimate of version {version}</p>}
      {chosenId && cost.loading && <Loading what="the estimate" />}
      {cost.error != null && <Unavailable error={cost.error} what="a cost estimate for this version" />}
      {cost.data && <CostView estimate={cost.data} />}
    </>
  );
}

