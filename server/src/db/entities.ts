import { ApiClient } from '../modules/api-clients/api-client.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { Account } from '../modules/auth/account.entity.js';
import { Session } from '../modules/auth/session.entity.js';
import { Employee } from '../modules/directory/employee.entity.js';
import { OrgUnit } from '../modules/directory/org-unit.entity.js';
import { AppSetting } from '../modules/settings/setting.entity.js';

/** Every entity, listed (not discovered from files) so the compiled server needs no file scanning. */
export const entities = [OrgUnit, Employee, Account, Session, AppSetting, AuditEntry, ApiClient];
