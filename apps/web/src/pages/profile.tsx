import { useState } from 'preact/hooks';
import { get } from '../api';
import { DashboardList, TableList } from '../components/resource-list';
import { Status } from '../components/status';
import { Tabs } from '../components/tabs';
import { useLoad } from '../components/use-load';
import { initials } from '../initials';
import { useMe } from '../me';
import type { DashboardSummary, TableSummary, User } from '../types';

interface Lists {
  table: TableSummary[];
  dashboard: DashboardSummary[];
}

/** A person: who they are, and what they own, bookmarked and use most. */
export function ProfilePage(props: { userId: string }) {
  const id = encodeURIComponent(props.userId);
  const { me } = useMe();
  const [tab, setTab] = useState('own');
  const user = useLoad(() => get<{ user: User }>(`/api/metadata/v0/user?user_id=${id}`).then((a) => a.user), [id]);
  const own = useLoad(() => get<{ own: Lists }>(`/api/metadata/v0/user/own?user_id=${id}`).then((a) => a.own), [id]);
  const bookmarks = useLoad(
    () => get<{ bookmarks: Lists }>(`/api/metadata/v0/user/bookmark?user_id=${id}`).then((a) => a.bookmarks),
    [id, me],
  );
  const read = useLoad(() => get<{ read: TableSummary[] }>(`/api/metadata/v0/user/read?user_id=${id}`).then((a) => a.read), [id]);
  const count = (n: number | undefined) => <span class="count">{n ?? '…'}</span>;
  return (
    <Status of={user}>
      {(u) => (
        <article class="profile">
          <div class="profile-head">
            <span class="avatar large" aria-hidden="true">
              {initials(u.display_name)}
            </span>
            <div>
              <h1 tabIndex={-1}>{u.display_name}</h1>
              <p class="muted">{[u.role_name, u.team_name].filter(Boolean).join(' · ')}</p>
              <p>
                <a href={`mailto:${u.email}`}>{u.email}</a>
                {u.manager_fullname && <> · Manager: {u.manager_fullname}</>}
                {!u.is_active && <strong class="badge"> Alumni</strong>}
              </p>
            </div>
          </div>
          <Tabs
            label="Resources"
            selected={tab}
            onSelect={setTab}
            tabs={[
              { id: 'own', label: <>Owned {count(own.data?.table.length)}</> },
              {
                id: 'bookmarks',
                label: <>Bookmarked {count(bookmarks.data ? bookmarks.data.table.length + bookmarks.data.dashboard.length : undefined)}</>,
              },
              { id: 'read', label: <>Frequently used {count(read.data?.length)}</> },
            ]}
          >
            {tab === 'own' && <Status of={own}>{(l) => <TableList tables={l.table} empty="Owns no tables." />}</Status>}
            {tab === 'bookmarks' && (
              <Status of={bookmarks}>
                {(l) => (
                  <>
                    <TableList tables={l.table} empty="No bookmarked tables." />
                    {l.dashboard.length > 0 && <DashboardList dashboards={l.dashboard} empty="" />}
                  </>
                )}
              </Status>
            )}
            {tab === 'read' && <Status of={read}>{(l) => <TableList tables={l} empty="No reads recorded." />}</Status>}
          </Tabs>
        </article>
      )}
    </Status>
  );
}
