import { highlightParts } from '../highlight';

/** A search highlight rendered as text, the matches marked. */
export function Highlighted(props: { fragment: string }) {
  return <>{highlightParts(props.fragment).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}
