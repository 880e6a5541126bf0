import type { ComponentChildren } from 'preact';
import { externalHref } from '../routes';

/**
 * A link to another site, opening in a new tab (said to screen readers), when the address is http(s);
 * its text alone otherwise (never a javascript: or data: link).
 */
export function ExternalLink(props: { url: string | null | undefined; children: ComponentChildren }) {
  const href = externalHref(props.url);
  if (!href) return <>{props.children}</>;
  return (
    <a href={href} rel="noopener noreferrer" target="_blank">
      {props.children}
      <span class="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
