import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import { InvalidInputError } from '@fram/errors';
import type { Message } from '@fram/models';
import { dashboardKeyIn } from '../dashboards/dashboard-path';
import { DashboardsService } from '../dashboards/dashboards.service';
import { parseTablePath } from './table-path';
import { TablesService } from './tables.service';

/**
 * Amundsen's `/user/{id}/own/{resource_type}/{key}`: ownership of the table or the dashboard the type names
 * (case aside), with the same rules as the resource's own owner route; any other type is refused (400).
 */
@Injectable()
export class OwnershipService {
  constructor(
    private readonly tables: TablesService,
    private readonly dashboards: DashboardsService,
  ) {}

  /** `path` is the route's key, unencoded. */
  changeOwner(op: 'add' | 'remove', type: string, path: string, owner: string, principal: Principal): Promise<Message> {
    switch (type.toLowerCase()) {
      case 'dashboard':
        return this.dashboards.changeOwner(op, dashboardKeyIn(path), owner, principal);
      case 'table': {
        const { key, rest } = parseTablePath(path);
        if (rest.length > 0) throw new InvalidInputError(`${path} is not a table key`);
        return this.tables.changeOwner(op, key, owner, principal);
      }
      default:
        throw new InvalidInputError('Only tables and dashboards can be owned through this route; use table or dashboard');
    }
  }
}
