import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { Layout } from './components/layout';
import { Link } from './components/link';
import { MeProvider } from './me';
import { useLocation } from './navigation';
import { BrowsePage } from './pages/browse';
import { DashboardPage } from './pages/dashboard';
import { FeaturePage } from './pages/feature';
import { HomePage } from './pages/home';
import { ProfilePage } from './pages/profile';
import { SearchPage } from './pages/search';
import { TablePage } from './pages/table';
import { parseRoute, type Route } from './routes';

function Page(props: { route: Route }) {
  const { route } = props;
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'search':
      return (
        <SearchPage term={route.term} resource={route.resource} pageIndex={route.pageIndex} filters={route.filters} sort={route.sort} />
      );
    case 'table':
      return <TablePage tableKey={route.key} />;
    case 'dashboard':
      return <DashboardPage uri={route.uri} />;
    case 'feature':
      return <FeaturePage featureKey={route.key} />;
    case 'browse':
      return <BrowsePage />;
    case 'user':
      return <ProfilePage userId={route.userId} />;
    default:
      return (
        <div>
          <h1 tabIndex={-1}>Page not found</h1>
          <p>
            <Link href="/">Go home</Link>
          </p>
        </div>
      );
  }
}

const TITLES: Record<Route['page'], string> = {
  home: 'Home',
  search: 'Search',
  table: 'Table',
  dashboard: 'Dashboard',
  feature: 'ML feature',
  browse: 'Browse',
  user: 'Profile',
  'not-found': 'Not found',
};

function App() {
  const { pathname, search } = useLocation();
  const route = parseRoute(pathname, search);
  const key = `${pathname}${search}`;
  const first = useRef(true);
  useEffect(() => {
    document.title = `${TITLES[route.page]} · Fram`;
    // After a navigation (not the first page), keyboard and screen-reader users start at the new page's
    // content — unless they are working inside it (e.g. moving between result tabs).
    const main = document.getElementById('main');
    if (!first.current && main && !main.contains(document.activeElement)) main.focus();
    first.current = false;
  }, [key]);
  return (
    <MeProvider>
      <Layout showSearch={route.page !== 'home'} searchTerm={route.page === 'search' ? route.term : undefined}>
        <Page route={route} />
      </Layout>
    </MeProvider>
  );
}

render(<App />, document.getElementById('app')!);
