import type { ComponentChildren } from 'preact';
import { Link } from '../link';
import { pageNumbers } from './search-state';

/** Previous or next: a link, or where there is no such page a link without href marked disabled (it stays in its place). */
function Step(props: { href: string | undefined; children: ComponentChildren }) {
  return props.href === undefined ? (
    <a class="pager-step" aria-disabled="true" role="link">
      {props.children}
    </a>
  ) : (
    <Link href={props.href} class="pager-step">
      {props.children}
    </Link>
  );
}

/**
 * Page numbers with the current one marked, and previous / next (links: each page has its URL). After a
 * page change the results page moves focus to the top of the results (the count of results).
 */
export function Pager(props: { pageIndex: number; pages: number; href: (pageIndex: number) => string }) {
  const { pageIndex, pages, href } = props;
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label="Pages">
      <Step href={pageIndex > 0 ? href(pageIndex - 1) : undefined}>← Previous</Step>
      <ol class="pager-pages">
        {pageNumbers(pageIndex, pages).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" class="pager-gap">
              …
            </li>
          ) : (
            <li key={p}>
              <Link href={href(p)} aria-current={p === pageIndex ? 'page' : undefined}>
                <span class="visually-hidden">Page </span>
                {p + 1}
              </Link>
            </li>
          ),
        )}
      </ol>
      <Step href={pageIndex + 1 < pages ? href(pageIndex + 1) : undefined}>Next →</Step>
    </nav>
  );
}
