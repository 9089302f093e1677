import { api } from '../api';
import { ErrorMessage, Loading, money, Unavailable, useLoad } from '../components';
import { navigate, useLocation } from '../router';
import type { Blueprint, Page } from '../types';

interface LineItem {
  resourceName: string;
  resourceType: string;
  pricing: { sku: string; unitPrice: number | string; unit: string; quantity: number | string; monthly: number | string } | null;
  unpricedReason: string | null;
}

interface CostEstimate {
  cloud: string;
  currency?: string;
  totalMonthly: number | string;
  lineItems?: LineItem[];
  unpricedCount?: number;
  budgetStatus?: string;
  budget?: number | string | null;
  comparisons?: Array<{ cloud: string; totalMonthly: number | string; unpricedCount: number }>;
}

export function Costs() {
  const location = useLocation();
  const blueprints = useLoad(() => api<Page<Blueprint>>('/api/v1/blueprints?size=100'), []);
  const chosenId = location.searchParams.get('blueprint') ?? blueprints.data?.items[0]?.blueprintId ?? null;
  const chosen = blueprints.data?.items.find((b) => b.blueprintId === chosenId);
  const version = chosen?.latestVersion ?? null;
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
      {chosenId && cost.loading && <Loading what="the estimate" />}
      {cost.error != null && <Unavailable error={cost.error} what="a cost estimate for this version" />}
      {cost.data && <Estimate estimate={cost.data} />}
    </>
  );
}

function Estimate({ estimate }: { estimate: CostEstimate }) {
  const currency = estimate.currency ?? 'USD';
  const bars = [
    { cloud: estimate.cloud, total: Number(estimate.totalMonthly), unpriced: estimate.unpricedCount ?? 0, target: true },
    ...(estimate.comparisons ?? []).map((c) => ({ cloud: c.cloud, total: Number(c.totalMonthly), unpriced: c.unpricedCount, target: false })),
  ];
  const max = Math.max(1, ...bars.map((b) => b.total));
  const width = 480;
  const row = 36;
  return (
    <>
      <section aria-labelledby="cost-total">
        <h2 id="cost-total">
          {money(estimate.totalMonthly, currency)} a month on {estimate.cloud}
        </h2>
        {estimate.budgetStatus && (
          <p>
            Budget: {estimate.budgetStatus === 'NO_BUDGET' ? 'none declared' : `${money(estimate.budget, currency)} (${estimate.budgetStatus.toLowerCase()})`}
            {estimate.unpricedCount ? ` · ${estimate.unpricedCount} components could not be priced: the total is a lower bound` : ''}
          </p>
        )}
      </section>
      <section aria-labelledby="cost-comparison">
        <h2 id="cost-comparison">The same blueprint on each cloud</h2>
        <figure>
          <svg role="img" aria-labelledby="cost-chart-title" width="100%" viewBox={`0 0 ${width + 220} ${bars.length * row + 8}`}>
            <title id="cost-chart-title">
              {bars.map((b) => `${b.cloud}: ${money(b.total, currency)}`).join('; ')}
            </title>
            {bars.map((b, i) => (
              <g key={b.cloud} transform={`translate(0 ${i * row + 4})`}>
                <text x="0" y="20" className="chart-label">
                  {b.cloud}
                  {b.target ? ' (target)' : ''}
                </text>
                <rect x="110" y="4" height="22" width={Math.max(2, (b.total / max) * width)} className={b.target ? 'bar bar-target' : 'bar'} />
                <text x={116 + Math.max(2, (b.total / max) * width)} y="20" className="chart-value">
                  {money(b.total, currency)}
                  {b.unpriced ? ' +' : ''}
                </text>
              </g>
            ))}
          </svg>
          <figcaption>Estimated monthly cost per cloud; “+” marks a lower bound (unpriced components).</figcaption>
        </figure>
      </section>
      {estimate.lineItems && (
        <section aria-labelledby="cost-lines">
          <h2 id="cost-lines">Line items</h2>
          <table>
            <caption>What each resource costs on {estimate.cloud}</caption>
            <thead>
              <tr>
                <th scope="col">Resource</th>
                <th scope="col">SKU</th>
                <th scope="col">Quantity</th>
                <th scope="col">Unit price</th>
                <th scope="col">Monthly</th>
              </tr>
            </thead>
            <tbody>
              {estimate.lineItems.map((item, i) => (
                <tr key={i}>
                  <th scope="row">
                    {item.resourceName}
                    <div className="muted">{item.resourceType}</div>
                  </th>
                  {item.pricing ? (
                    <>
                      <td>{item.pricing.sku}</td>
                      <td>
                        {Number(item.pricing.quantity).toLocaleString()} {item.pricing.unit}
                      </td>
                      <td>{Number(item.pricing.unitPrice).toPrecision(4)}</td>
                      <td>{money(item.pricing.monthly, currency)}</td>
                    </>
                  ) : (
                    <td colSpan={4}>Not priced: {item.unpricedReason}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
