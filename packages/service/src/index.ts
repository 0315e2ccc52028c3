/** @einvoice-hub/service — the eInvoice Hub service: API, worker, storage and queue adapters, entry points. */
export { startService, ServiceConfigError, INITIAL_TENANT_NAME, type RunningService, type ServiceRoles } from './service.js';
export { loadConfig, type ConfigResult, type ConfigSources } from './config/load-config.js';
export { serviceConfigSchema, type ServiceConfig } from './config/config.schema.js';
export { provisionTenant } from './embedded/provision-tenant.js';
export { InstanceLockError, instanceFilePath, readLiveInstance, type InstanceInfo } from './embedded/instance-lock.js';
export type { CreatedTenant } from './embedded/admin-client.js';
export { processDocument, type ProcessOutcome } from './pipeline/process-document.js';
export { parseFlow, type FlowProblem } from './flows/parse-flow.js';
export { flowJsonSchema } from './flows/flow-definition.schema.js';

export type { Step, PipelineContext, PipelineDeps } from './pipeline/step.js';
