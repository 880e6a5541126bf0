import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { api, get } from './api';
import type { DashboardSummary, Me, TableSummary } from './types';

interface Bookmarks {
  table: TableSummary[];
  dashboard: DashboardSummary[];
}

interface MeState {
  me: Me | undefined;
  bookmarks: Bookmarks;
  isBookmarked: (key: string) => boolean;
  setBookmark: (type: 'table' | 'dashboard', key: string, on: boolean) => Promise<void>;
}

const MeContext = createContext<MeState | undefined>(undefined);

/** The signed-in person and their bookmarks, loaded once and shared by every page. */
export function MeProvider(props: { children: ComponentChildren }) {
  const [me, setMe] = useState<Me>();
  const [bookmarks, setBookmarks] = useState<Bookmarks>({ table: [], dashboard: [] });
  const loadBookmarks = useCallback(async () => {
    const answer = await get<{ bookmarks: Bookmarks }>('/api/metadata/v0/user/bookmark');
    setBookmarks(answer.bookmarks);
  }, []);
  useEffect(() => {
    void get<Me>('/api/auth_user').then(setMe, () => undefined);
    void loadBookmarks().catch(() => undefined);
  }, [loadBookmarks]);
  const state: MeState = {
    me,
    bookmarks,
    isBookmarked: (key) => bookmarks.table.some((t) => t.key === key) || bookmarks.dashboard.some((d) => d.uri === key),
    setBookmark: async (type, key, on) => {
      await api(on ? 'PUT' : 'DELETE', '/api/metadata/v0/user/bookmark', { type, key });
      await loadBookmarks();
    },
  };
  return <MeContext.Provider value={state}>{props.children}</MeContext.Provider>;
}

export function useMe(): MeState {
  const state = useContext(MeContext);
  if (!state) throw new Error('useMe outside MeProvider');
  return state;
}
