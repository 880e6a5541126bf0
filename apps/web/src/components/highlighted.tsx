import { highlightParts } from '../highlight';
import { markdownHighlightParts } from '../markdown';

/** A search highlight rendered as text, the matches marked; a Markdown field as its text, without the markup. */
export function Highlighted(props: { fragment: string; markdown?: boolean }) {
  const parts = props.markdown ? markdownHighlightParts(props.fragment) : highlightParts(props.fragment);
  return <>{parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}
