import { directoryLoaders } from './directory.loaders.js';
import { EmployeeResolver, OrgUnitResolver } from './directory.resolver.js';
import { Employee } from './employee.entity.js';
import { OrgUnit } from './org-unit.entity.js';

/** What the api floor composes of this feature. */
export const feature = {
  name: 'directory',
  entities: [OrgUnit, Employee],
  resolvers: [OrgUnitResolver, EmployeeResolver],
  loaders: directoryLoaders,
};
