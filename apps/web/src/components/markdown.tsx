import { useMemo } from 'preact/hooks';
import { markdownToSafeHtml } from '../markdown';

/**
 * A text written in Markdown, rendered as sanitised HTML: a description's Markdown by default, or what
 * `toHtml` makes of it (e.g. announcementHtml, the subset an announcement keeps).
 */
export function Markdown(props: { source: string; testId?: string; toHtml?: (source: string) => string }) {
  const toHtml = props.toHtml ?? markdownToSafeHtml;
  const html = useMemo(() => toHtml(props.source), [props.source, toHtml]);
  return <div class="markdown" data-testid={props.testId} dangerouslySetInnerHTML={{ __html: html }} />;
}
