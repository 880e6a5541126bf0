import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import { NotFoundError } from '@fram/errors';
import type { Announcement, AnnouncementInput, Announcements, Message } from '@fram/models';
import { editBy } from '../common/edit-access';
import { BulletinStore } from '../store/ports/bulletin-store';
import { cleanBulletinHtml } from './safe-html';

/** The home page's announcements: posted and removed by admins (the controller's rule), their HTML made safe (and refused when none of its text is left). */
@Injectable()
export class AnnouncementsService {
  constructor(private readonly bulletins: BulletinStore) {}

  async list(limit: number): Promise<Announcements> {
    return { posts: await this.bulletins.announcements(limit) };
  }

  /** Dated the day it is posted (UTC) unless the input says otherwise. */
  async post(input: AnnouncementInput, principal: Principal): Promise<Announcement> {
    const html_content = cleanBulletinHtml(input.html_content, 'html_content');
    const edit = editBy(principal);
    const date = input.date ?? new Date(edit.at).toISOString().slice(0, 10);
    return this.bulletins.postAnnouncement({ date, title: input.title, html_content }, edit);
  }

  async remove(id: number, principal: Principal): Promise<Message> {
    if (!(await this.bulletins.deleteAnnouncement(id, editBy(principal)))) throw new NotFoundError(`Announcement ${id} not found`);
    return { message: `Announcement ${id} removed` };
  }
}
