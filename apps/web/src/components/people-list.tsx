import { userHref } from '../routes';
import type { User } from '../types';
import { Link } from './link';

/** People as links to their profiles, each with an optional note (e.g. how often they read a table). */
export function PeopleList(props: { people: { user: User; note?: string }[]; empty: string }) {
  if (props.people.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <ul class="people">
      {props.people.map(({ user, note }) => (
        <li key={user.user_id}>
          <Link href={userHref(user.user_id)}>{user.display_name}</Link>
          {note && <span class="muted"> {note}</span>}
        </li>
      ))}
    </ul>
  );
}
