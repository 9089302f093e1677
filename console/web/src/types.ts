// The shapes of contracts/openapi.yaml the console reads.

export interface Blueprint {
  blueprintId: string;
  name: string;
  latestVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}

export interface BlueprintStatus {
  blueprintId: string;
  latestVersion: number;
  latestTrackingId: string;
  status: string;
  lastDeployment: { deploymentId: string; version: number; status: string | null } | null;
  deployedVersion: number;
  deployedMonthly: number;
  updatedAt: string;
}

export interface BlueprintVersion {
  version: number;
  trackingId: string;
  contentHash: string;
  status: string;
  submittedAt: string;
}

export interface Stage {
  kind: string;
  status: string;
  occurredAt: string;
  eventId: string;
  detail: Record<string, string>;
}

export interface TrackingView {
  trackingId: string;
  blueprintId: string;
  version: number;
  status: string;
  deploymentId: string | null;
  updatedAt: string;
  stages: Stage[];
}

export interface PlanSummary {
  toAdd: number;
  toChange: number;
  toDestroy: number;
}

export interface DeployedResource {
  address: string;
  resourceName: string;
  resourceType: string;
  lastAction: string;
  providerId: string | null;
  changedAt: string;
  desired: Record<string, string>;
  observed: Record<string, string> | null;
  observedAt: string | null;
  exists: boolean;
  drifted: boolean;
}

export interface Deployment {
  deploymentId: string;
  blueprintId: string;
  blueprintVersion: number;
  trackingId: string;
  operation: string | null;
  status: string;
  plan: PlanSummary | null;
  resources: DeployedResource[];
  history: Array<{ status: string; occurredAt: string }>;
  updatedAt: string;
}

export interface DeploymentSummary {
  deploymentId: string;
  blueprintId: string;
  blueprintVersion: number;
  operation: string | null;
  status: string;
  updatedAt: string;
}

export interface OrchestratorDeployment {
  deploymentId: string;
  blueprintId: string;
  blueprintVersion: number;
  status: string;
  statusReason: string | null;
  operation: string;
  requestedBy: string | null;
  decidedBy: string | null;
  plan: PlanSummary | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One line of GET /api/v1/blueprints/{id}/deployments (the state's, ADR 0031). */
export interface BlueprintDeployment {
  deploymentId: string;
  blueprintId: string;
  blueprintVersion: number;
  status: string;
  statusReason: string | null;
  operation: string | null;
  attempt: number;
  requestedBy: string | null;
  decidedBy: string | null;
  plan: PlanSummary | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DriftedResource {
  blueprintId: string;
  deploymentId: string;
  address: string;
  resourceName: string;
  resourceType: string;
  providerId: string | null;
  deleted: boolean;
  since: string | null;
  driftedAttributes: Array<{ name: string; desired: string | null; actual: string | null }>;
}

export interface Policy {
  id: string;
  source: string;
  mandatory: boolean;
  enabled: boolean;
  title: string;
  severity: string;
  enforcement: string;
  resourceTypes: string[];
  expression: string;
  message: string;
}

// ---------- the results reads (ADR 0025) and the dry run (ADR 0026) ----------

export interface IacFile {
  path: string;
  format?: 'hcl' | 'json' | null;
  size: number;
  sha256?: string;
  content?: string;
}

export interface IacResult {
  blueprintId: string;
  version: number;
  cloud: string;
  status: 'GENERATED' | 'FAILED';
  contentHash: string | null;
  generatorVersion: string | null;
  resources: Array<{ address: string; resourceName: string }>;
  files: IacFile[];
  failure: { reason: string; errors: Array<{ resourceName: string | null; message: string }> } | null;
  generatedAt: string;
  eventId: string;
  links: Record<string, string>;
}

/** An amount as the CostEstimated event carries it: a decimal string at the event's scale ("146.0000"). */
export type Decimal = string;

export interface CostLineItem {
  resourceName: string;
  resourceType: string;
  sku: string | null;
  unitPrice: Decimal | null;
  unit: string | null;
  quantity: Decimal | null;
  monthly: Decimal | null;
  unpricedReason: string | null;
}

/** One shape, stored or dry run; a dry run's has no blueprintId, version or eventId (nothing was published). */
export interface CostEstimate {
  blueprintId: string | null;
  version: number | null;
  cloud: string;
  currency: string;
  catalogueVersion: string;
  totalMonthly: Decimal;
  unpricedCount: number;
  budget: Decimal | null;
  budgetStatus: 'WITHIN' | 'OVER' | 'NO_BUDGET';
  lineItems: CostLineItem[];
  comparisons: Array<{ cloud: string; totalMonthly: Decimal; unpricedCount: number }>;
  estimatedAt: string;
  eventId: string | null;
}

export interface Violation {
  policyId: string;
  title: string;
  severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';
  enforcement: 'BLOCK' | 'WARN';
  resourceName: string | null;
  message: string;
  remediation: string | null;
}

export interface VerdictResult {
  outcome: 'PASSED' | 'PASSED_WITH_WARNINGS' | 'BLOCKED';
  policiesEvaluated: number;
  policySetVersion: string | null;
  violations: Violation[];
}

export type PlanAction = 'CREATE' | 'UPDATE' | 'REPLACE' | 'DELETE' | 'NO_OP';

export interface DeploymentPlan {
  deploymentId: string;
  blueprintId: string;
  version: number;
  toAdd: number;
  toChange: number;
  toDestroy: number;
  actions: Array<{ resourceName: string; resourceType: string; address: string | null; action: PlanAction }>;
  plannedAt: string;
  eventId: string;
}

export interface DryRun {
  blueprint: { name: string; blueprintId: string | null; latestVersion: number; cloud: string; region: string; environment: string };
  iac: {
    cloud: string;
    outcome: 'GENERATED' | 'FAILED';
    contentHash: string | null;
    files: IacFile[];
    resources: Array<{ address: string; resourceName: string }>;
    reason: string | null;
    errors: Array<{ resourceName: string | null; message: string }>;
  };
  verdict: VerdictResult;
  cost: CostEstimate;
  changes: {
    toAdd: number;
    toChange: number;
    toDestroy: number;
    actions: Array<{
      resourceName: string;
      resourceType: string;
      action: PlanAction;
      addresses: string[];
      changedAttributes: Array<{ name: string; before: string | null; after: string | null }>;
    }>;
  };
}
