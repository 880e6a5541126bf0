import { useMemo } from 'preact/hooks';
import { markdownToSafeHtml } from '../markdown';

/** A description written in Markdown, rendered as sanitised HTML. */
export function Markdown(props: { source: string; testId?: string }) {
  const html = useMemo(() => markdownToSafeHtml(props.source), [props.source]);
  return <div class="markdown" data-testid={props.testId} dangerouslySetInnerHTML={{ __html: html }} />;
}
