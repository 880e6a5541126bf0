import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { csrfToken } from '../api';
import { initials } from '../initials';
import { useMe } from '../me';
import { navigate } from '../navigation';
import { browseHref, searchHref, userHref } from '../routes';
import { Link } from './link';

/** The search box: in the header, and large on the home page. */
export function SearchBox(props: { initial?: string; large?: boolean }) {
  const [term, setTerm] = useState(props.initial ?? '');
  useEffect(() => setTerm(props.initial ?? ''), [props.initial]);
  return (
    <form
      role="search"
      class={props.large ? 'search-box large' : 'search-box'}
      onSubmit={(event) => {
        event.preventDefault();
        navigate(searchHref(term.trim()));
      }}
    >
      <label class="visually-hidden" for={props.large ? 'search-large' : 'search-header'}>
        Search tables, people and dashboards
      </label>
      <input
        id={props.large ? 'search-large' : 'search-header'}
        type="search"
        name="term"
        placeholder="Search tables, people and dashboards"
        value={term}
        onInput={(event) => setTerm(event.currentTarget.value)}
        autoComplete="off"
      />
      <button type="submit">Search</button>
    </form>
  );
}

/** The signed-in person's menu: their profile, and signing out (a POST with the page's CSRF token). */
function UserMenu() {
  const { me } = useMe();
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Listening from the render on (not after the next paint, as useEffect would): an Escape right after opening closes it.
  useLayoutEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        // Focus inside the menu would fall to the page's body as the menu goes: it returns to the button.
        if (menu.current?.contains(document.activeElement)) button.current?.focus();
        setOpen(false);
      } else if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('click', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  if (!me) return <span class="muted">…</span>;
  return (
    <div class="user-menu" ref={menu}>
      <button
        ref={button}
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        aria-label={`Account: ${me.user.display_name}`}
      >
        <span class="avatar" aria-hidden="true">
          {initials(me.user.display_name)}
        </span>
        <span class="menu-name">{me.user.display_name}</span>
      </button>
      {open && (
        // Choosing a link closes the menu (signing out leaves the page: its form must stay until it is sent).
        <div class="menu" onClick={(event) => (event.target as Element).closest('a') && setOpen(false)}>
          <p class="menu-who">
            {me.user.display_name}
            <br />
            <span class="muted">{me.user.email}</span>
          </p>
          <Link href={userHref(me.user.user_id)}>My profile</Link>
          <form method="post" action="/logout">
            <input type="hidden" name="_csrf" value={csrfToken()} />
            <button type="submit">Sign out</button>
          </form>
        </div>
      )}
    </div>
  );
}

export function Layout(props: { children: ComponentChildren; searchTerm?: string; showSearch: boolean }) {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top">
        <Link href="/" class="brand">
          Fram
        </Link>
        <nav class="top-nav" aria-label="Main">
          <Link href={browseHref()} aria-current={location.pathname === browseHref() ? 'page' : undefined}>
            Browse
          </Link>
        </nav>
        {props.showSearch ? <SearchBox initial={props.searchTerm} /> : <span class="spacer" />}
        <UserMenu />
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
}
