export { createAccess, type Access } from './access.js';
export { accessMigrations } from './access.migrations.js';
export {
  permissions,
  roles,
  permissionsOf,
  permissionsOfKey,
  permissionMatrix,
  onlyCollects,
  isRole,
  type Permission,
  type Role,
} from './roles.js';
export { actorOf, type Principal } from './principal.js';
export { hashPassword, verifyPassword } from './secrets.js';
export {
  registerAuthentication,
  accessEnded,
  requirePermission,
  requireAnyPermission,
  principalOf,
  userOf,
  sessionCookieName,
  csrfHeader,
  requireInstanceAdmin,
} from './http-auth.js';
export {
  instanceTokenPrefix,
  instanceAdminActor,
  newInstanceToken,
  type InstanceService,
} from './instance-admin.js';
export { sha256 } from './secrets.js';
export { accessRoutes } from './access.routes.js';
export type { OrganisationDto, CreateOrganisationInput } from './organisation.schema.js';
export { createOrganisationInput, slugSchema } from './organisation.schema.js';
export type { StaffDto, OnboardStaffInput } from './staff.schema.js';
export { onboardStaffInput } from './staff.schema.js';
export type { ApiKeyDto, CreatedApiKeyDto, CreateApiKeyInput, UpdateApiKeyInput } from './api-key.schema.js';
export { createApiKeyInput, updateApiKeyInput, normaliseOrigin, eventSources } from './api-key.schema.js';
export type { SessionDto } from './auth.schema.js';
export type { AuditActor, AuditEvent, AuditRecorder } from './audit.service.js';
