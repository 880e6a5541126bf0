import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import { describeWithStore, edit, ORDERS_KEY, type OpenStore } from './fixtures.contract';

const CUSTOMERS_KEY = 'hive://gold.core/customers';

/** What every BulletinStore adapter must do: announcements and notices, each change in the change feed. */
export function describeBulletinStoreContract(name: string, open: OpenStore): void {
  describeWithStore(`BulletinStore contract: ${name}`, open, (current) => {
    let store: MetadataStoreAdapter;
    beforeEach(() => {
      store = current();
    });

    it('keeps announcements and lists them newest first: by date, then the latest posted', async () => {
      expect(await store.announcements(10)).toEqual([]);
      const first = await store.postAnnouncement({ date: '2024-05-01', title: 'Welcome', html_content: '<p>Hi</p>' }, edit());
      const older = await store.postAnnouncement({ date: '2024-04-01', title: 'Older', html_content: '' }, edit());
      const sameDay = await store.postAnnouncement({ date: '2024-05-01', title: 'Later that day', html_content: 'x' }, edit());
      expect(first).toEqual({ id: expect.any(Number), date: '2024-05-01', title: 'Welcome', html_content: '<p>Hi</p>' });
      expect(older.id).toBeGreaterThan(first.id);
      expect(sameDay.id).toBeGreaterThan(older.id);
      expect(await store.announcements(10)).toEqual([sameDay, first, older]);
      expect(await store.announcements(2)).toEqual([sameDay, first]);
    });

    it('removes an announcement once, recording the post and the removal in the change feed', async () => {
      const post = await store.postAnnouncement({ date: '2024-05-01', title: 'Welcome', html_content: 'x' }, edit('ada@example.com'));
      expect(await store.deleteAnnouncement(post.id, edit('grace@example.com'))).toBe(true);
      expect(await store.deleteAnnouncement(post.id, edit('grace@example.com'))).toBe(false);
      expect(await store.deleteAnnouncement(post.id + 1000, edit('grace@example.com'))).toBe(false);
      expect(await store.announcements(10)).toEqual([]);
      const [removed, posted] = await store.audit(2);
      expect(posted).toMatchObject({
        actor: 'ada@example.com',
        action: 'post_announcement',
        resource_type: 'announcement',
        resource_key: String(post.id),
        detail: { title: 'Welcome', date: '2024-05-01' },
      });
      expect(removed).toMatchObject({
        actor: 'grace@example.com',
        action: 'delete_announcement',
        resource_type: 'announcement',
        resource_key: String(post.id),
        detail: { title: 'Welcome' },
      });
      // A new post never takes the id of a removed one.
      expect((await store.postAnnouncement({ date: '2024-05-02', title: 'Next', html_content: '' }, edit())).id).toBeGreaterThan(post.id);
    });

    it('keeps notices per resource, in the order they were posted, with their payloads', async () => {
      expect(await store.notices(ORDERS_KEY)).toEqual([]);
      const late = await store.postNotice(
        {
          resource_uri: ORDERS_KEY,
          severity: 'warning',
          message: 'Late <b>today</b>',
          payload: { owner: 'ada@example.com', link: '<a href="https://x.example">run</a>' },
        },
        edit(),
      );
      const other = await store.postNotice(
        { resource_uri: CUSTOMERS_KEY, severity: 'info', message: 'Being migrated', payload: null },
        edit(),
      );
      const broken = await store.postNotice({ resource_uri: ORDERS_KEY, severity: 'alert', message: 'Broken', payload: null }, edit());
      expect(late).toEqual({
        id: expect.any(Number),
        resource_uri: ORDERS_KEY,
        severity: 'warning',
        message: 'Late <b>today</b>',
        payload: { owner: 'ada@example.com', link: '<a href="https://x.example">run</a>' },
      });
      expect(broken.id).toBeGreaterThan(other.id);
      expect(await store.notices(ORDERS_KEY)).toEqual([late, broken]);
      expect(await store.notices(CUSTOMERS_KEY)).toEqual([other]);
      expect(await store.notices('hive://gold.core/nope')).toEqual([]);
    });

    it('removes a notice once, recording the post and the removal in the change feed', async () => {
      const notice = await store.postNotice(
        { resource_uri: ORDERS_KEY, severity: 'alert', message: 'Broken', payload: null },
        edit('ada@example.com'),
      );
      expect(await store.deleteNotice(notice.id, edit('grace@example.com'))).toBe(true);
      expect(await store.deleteNotice(notice.id, edit('grace@example.com'))).toBe(false);
      expect(await store.notices(ORDERS_KEY)).toEqual([]);
      const [removed, posted] = await store.audit(2);
      expect(posted).toMatchObject({
        actor: 'ada@example.com',
        action: 'post_notice',
        resource_type: 'notice',
        resource_key: String(notice.id),
        detail: { resource_uri: ORDERS_KEY, severity: 'alert' },
      });
      expect(removed).toMatchObject({
        actor: 'grace@example.com',
        action: 'delete_notice',
        resource_type: 'notice',
        resource_key: String(notice.id),
        detail: { resource_uri: ORDERS_KEY },
      });
    });
  });
}
