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
