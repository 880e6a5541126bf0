import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import { NotFoundError } from '@fram/errors';
import type { Message, Notice, NoticeInput, ResourceNotices } from '@fram/models';
import { cleanBulletinHtml, safeHtml } from '../announcements/safe-html';
import { editBy } from '../common/edit-access';
import { BulletinStore } from '../store/ports/bulletin-store';
import { DashboardStore } from '../store/ports/dashboard-store';
import { FeatureStore } from '../store/ports/feature-store';
import { TableStore } from '../store/ports/table-store';

/**
 * Notices about tables, dashboards and features (an incident, a migration, ...): posted and removed by
 * admins (the controller's rule), about resources of the catalog only, their HTML made safe.
 */
@Injectable()
export class NoticesService {
  constructor(
    private readonly bulletins: BulletinStore,
    private readonly tables: TableStore,
    private readonly dashboards: DashboardStore,
    private readonly features: FeatureStore,
  ) {}

  async list(resourceUri: string): Promise<ResourceNotices> {
    return { resource_uri: resourceUri, notices: await this.bulletins.notices(resourceUri) };
  }

  async post(input: NoticeInput, principal: Principal): Promise<Notice> {
    const message = cleanBulletinHtml(input.message, 'message');
    const payload = input.payload && Object.fromEntries(Object.entries(input.payload).map(([term, text]) => [term, safeHtml(text)]));
    if (!(await this.inCatalog(input.resource_uri))) {
      throw new NotFoundError(`No table, dashboard or feature ${input.resource_uri} in the catalog`);
    }
    return this.bulletins.postNotice(
      { resource_uri: input.resource_uri, severity: input.severity, message, payload: payload ?? null },
      editBy(principal),
    );
  }

  async remove(id: number, principal: Principal): Promise<Message> {
    if (!(await this.bulletins.deleteNotice(id, editBy(principal)))) throw new NotFoundError(`Notice ${id} not found`);
    return { message: `Notice ${id} removed` };
  }

  private async inCatalog(key: string): Promise<boolean> {
    return (
      (await this.tables.getTable(key)) !== undefined ||
      (await this.dashboards.getDashboard(key)) !== undefined ||
      (await this.features.getFeature(key)) !== undefined
    );
  }
}
