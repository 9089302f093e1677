import { useState } from 'react';
import { apiResponse, messageOf } from './api';
import { ErrorMessage, money, Status } from './components';
import type { CostEstimate, IacFile, Violation } from './types';

/** Every violation of a verdict (stored or dry run): policy, severity, resource, message, remediation. */
export function ViolationsTable({ violations, caption = 'Policy violations' }: { violations: Violation[]; caption?: string }) {
  if (violations.length === 0) return <p>No violations.</p>;
  return (
    <table className="violations-table">
      <caption>
        {caption} ({violations.length})
      </caption>
      <thead>
        <tr>
          <th scope="col">Policy</th>
          <th scope="col">Severity</th>
          <th scope="col">Resource</th>
          <th scope="col">Message</th>
          <th scope="col">Remediation</th>
        </tr>
      </thead>
      <tbody>
        {violations.map((v, i) => (
          <tr key={i}>
            <th scope="row">
              <code>{v.policyId}</code>
              <div className="muted">{v.title}</div>
            </th>
            <td>
              {v.severity} <span className="muted">({v.enforcement === 'BLOCK' ? 'blocks' : 'warns'})</span>
            </td>
            <td>{v.resourceName ?? 'the blueprint'}</td>
            <td>{v.message}</td>
            <td>{v.remediation ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function bytes(size: number): string {
  return size < 1024 ? `${size} B` : `${(size / 1024).toFixed(1)} KiB`;
}

/**
 * The generated files: a list, a viewer that reads one file (GET .../iac/files/{path}, or the
 * content the dry run answered) and, for a stored version, a zip per syntax. The reads need the
 * bearer credential, so downloads go through fetch and a blob rather than a plain link.
 */
export function IacFiles({ files, base }: { files: IacFile[]; base?: string }) {
  const [open, setOpen] = useState<{ path: string; content: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const viewable = !!base || files.some((f) => f.content !== undefined);
  const formats = Array.from(new Set(files.map((f) => f.format ?? (f.path.endsWith('.tf.json') ? 'json' : 'hcl'))));

  const view = async (file: IacFile) => {
    setError(null);
    if (file.content !== undefined || !base) {
      setOpen({ path: file.path, content: file.content ?? '' });
      return;
    }
    try {
      const response = await apiResponse(`${base}/iac/files/${file.path}`);
      setOpen({ path: file.path, content: await response.text() });
    } catch (failure) {
      setError(failure);
    }
  };

  const download = async (format: string) => {
    setError(null);
    try {
      const response = await apiResponse(`${base}/iac.zip?format=${format}`);
      const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `terraform-${format}.zip`;
      const url = URL.createObjectURL(await response.blob());
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = name;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      setError(new Error(`The zip could not be downloaded: ${messageOf(failure)}`));
    }
  };

  return (
    <>
      <table className="iac-files">
        <caption>Generated files ({files.length})</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Size</th>
            {viewable && <th scope="col">Contents</th>}
          </tr>
        </thead>
        <tbody>
          {files.map((file) => (
            <tr key={file.path}>
              <th scope="row">
                <code>{file.path}</code>
              </th>
              <td>{bytes(file.size)}</td>
              {viewable && (
                <td>
                  <button type="button" aria-pressed={open?.path === file.path} onClick={() => view(file)}>
                    View {file.path}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {base && files.length > 0 && (
        <p className="actions">
          {formats.map((format) => (
            <button key={format} type="button" onClick={() => download(format)}>
              Download the {format === 'json' ? 'JSON (.tf.json)' : 'HCL (.tf)'} module as a zip
            </button>
          ))}
        </p>
      )}
      <ErrorMessage error={error} />
      {open && (
        <figure className="file-viewer">
          <figcaption>
            <code>{open.path}</code>
          </figcaption>
          <pre tabIndex={0} aria-label={`Contents of ${open.path}`} data-testid="file-viewer">
            {open.content}
          </pre>
        </figure>
      )}
    </>
  );
}

/** An estimate (stored or dry run, one shape): total, budget, unpriced, the cross-cloud chart and line items. */
export function CostView({ estimate, region, headingLevel = 2 }: { estimate: CostEstimate; region?: string; headingLevel?: 2 | 3 | 4 }) {
  const H = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  const currency = estimate.currency || 'USD';
  const bars = [
    { cloud: estimate.cloud, total: Number(estimate.totalMonthly), unpriced: estimate.unpricedCount, target: true },
    ...estimate.comparisons
      .filter((c) => c.cloud !== estimate.cloud)
      .map((c) => ({ cloud: c.cloud, total: Number(c.totalMonthly), unpriced: c.unpricedCount, target: false })),
  ];
  const max = Math.max(1, ...bars.map((b) => b.total));
  const width = 480;
  const row = 36;
  const unpriced = estimate.lineItems.filter((item) => item.monthly === null);
  return (
    <>
      <section aria-label="Total">
        <H data-testid="cost-total">
          {money(estimate.totalMonthly, currency)} a month on {estimate.cloud}
          {region ? ` (${region})` : ''}
        </H>
        <p>
          Budget:{' '}
          {estimate.budgetStatus === 'NO_BUDGET' ? (
            'none declared'
          ) : (
            <>
              {money(estimate.budget, currency)} <Status value={estimate.budgetStatus} />
            </>
          )}
          <span className="muted"> · prices of catalogue {estimate.catalogueVersion}</span>
        </p>
        {estimate.unpricedCount > 0 && (
          <p className="notice">
            {estimate.unpricedCount} component{estimate.unpricedCount === 1 ? '' : 's'} could not be priced: the total is a lower bound.
          </p>
        )}
      </section>
      <section aria-label="The same blueprint on each cloud">
        <H>The same blueprint on each cloud</H>
        <figure>
          <svg role="img" aria-label={bars.map((b) => `${b.cloud}: ${money(b.total, currency)}`).join('; ')} width="100%" viewBox={`0 0 ${width + 220} ${bars.length * row + 8}`}>
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
      <section aria-label="Line items">
        <H>Line items</H>
        <table className="cost-lines">
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
                {item.monthly !== null ? (
                  <>
                    <td>{item.sku}</td>
                    <td>
                      {Number(item.quantity).toLocaleString('en-US')} {item.unit}
                    </td>
                    <td>{Number(item.unitPrice).toPrecision(4)}</td>
                    <td>{money(item.monthly, currency)}</td>
                  </>
                ) : (
                  <td colSpan={4}>Not priced: {item.unpricedReason}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {unpriced.length > 0 && (
          <p className="muted">Unpriced: {unpriced.map((item) => `${item.resourceName} (${item.unpricedReason})`).join('; ')}</p>
        )}
      </section>
    </>
  );
}
