import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, get } from '../../api';
import { announcementHtml, sanitiseHtml } from '../../markdown';
import { useMe } from '../../me';
import { MarkdownField } from '../markdown-field';
import { Status } from '../status';
import { ActionError, LiveMessage, useAction } from '../use-action';
import { useLoad } from '../use-load';

interface Post {
  id?: number;
  date: string;
  title: string;
  html_content: string;
}

const TITLE_MAX = 200;

/** What an announcement keeps of Markdown (metadata keeps only this subset of HTML). */
const ANNOUNCEMENT_HINT =
  'Kept: paragraphs (a blank line between them), **bold**, *italics*, lists (- item) and links ([text](https://…)). Headings, code and other Markdown show as plain text.';

/** A post's date (YYYY-MM-DD) as people read it, in UTC as it was written. */
function postDate(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime())
    ? date
    : parsed.toLocaleDateString('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** A post's HTML (metadata keeps a safe subset; the page sanitises it again before showing it). */
function PostBody(props: { html: string }) {
  const html = useMemo(() => sanitiseHtml(props.html), [props.html]);
  return <div class="markdown announcement-body" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** One post; for admins, a Delete button that asks once more before removing it. */
function PostItem(props: { post: Post; admin: boolean; removed: () => void }) {
  const { post } = props;
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  // Keyboard users stay where they were: on the confirmation when it appears, back on Delete when they keep the post.
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (!asked) return;
    (confirming ? confirmButton : deleteButton).current?.focus();
  }, [confirming, asked]);
  const remove = async () => {
    if (await action.run(() => api('DELETE', `/api/announcements/v0/${post.id}`).then(() => undefined))) props.removed();
  };
  return (
    <li class="announcement">
      <h3>{post.title}</h3>
      <p class="muted small">
        <time dateTime={post.date}>{postDate(post.date)}</time>
      </p>
      <PostBody html={post.html_content} />
      {props.admin && post.id !== undefined && (
        <div class="actions">
          {confirming ? (
            <>
              <button type="button" class="danger" ref={confirmButton} disabled={action.busy} onClick={remove}>
                Delete “{post.title}”
              </button>
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  setAsked(true);
                  setConfirming(false);
                }}
              >
                Keep it
              </button>
            </>
          ) : (
            <button
              type="button"
              class="secondary"
              ref={deleteButton}
              aria-label={`Delete announcement: ${post.title}`}
              onClick={() => {
                setAsked(true);
                setConfirming(true);
              }}
            >
              Delete
            </button>
          )}
        </div>
      )}
      <ActionError error={action.error} />
    </li>
  );
}

/** The admins' form: a title and a text in Markdown (previewed as it will be kept), posted as HTML. */
function NewAnnouncement(props: { posted: () => void; say: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const post = useAction();
  const opener = useRef<HTMLButtonElement>(null);
  // Back on "New announcement" once the form closes (posted or cancelled), not when the page first shows it.
  const [closed, setClosed] = useState(false);
  useEffect(() => {
    if (!open && closed) opener.current?.focus();
  }, [open, closed]);
  const close = () => {
    setClosed(true);
    setOpen(false);
  };
  if (!open)
    return (
      <button type="button" class="secondary" ref={opener} onClick={() => setOpen(true)}>
        New announcement
      </button>
    );
  return (
    <form
      class="announcement-form"
      aria-labelledby="new-announcement-title"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!title.trim() || !text.trim()) {
          post.setError('A title and a text are both needed.');
          return;
        }
        const posted = await post.run(() =>
          api('POST', '/api/announcements/v0/', { title: title.trim(), html_content: announcementHtml(text) }).then(() => undefined),
        );
        if (!posted) return;
        setTitle('');
        setText('');
        close();
        props.say('Posted');
        props.posted();
      }}
    >
      <h3 id="new-announcement-title">New announcement</h3>
      <div class="field">
        <label for="announcement-title">Title</label>
        <input
          id="announcement-title"
          value={title}
          maxLength={TITLE_MAX}
          required
          autoFocus
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </div>
      <MarkdownField
        id="announcement-text"
        previewTestId="announcement-preview"
        label="Text"
        value={text}
        onInput={setText}
        rows={5}
        hint={ANNOUNCEMENT_HINT}
        toHtml={announcementHtml}
      />
      <ActionError error={post.error} />
      <div class="actions">
        <button type="submit" disabled={post.busy}>
          {post.busy ? 'Posting…' : 'Post announcement'}
        </button>
        <button type="button" class="secondary" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The home page's announcements, newest first; admins post and delete them here. Hidden when there are none (but for admins). */
export function Announcements() {
  const { me } = useMe();
  const admin = me?.roles.includes('admin') ?? false;
  const posts = useLoad(() => get<{ posts: Post[] }>('/api/announcements/v0/'), []);
  const heading = useRef<HTMLHeadingElement>(null);
  const [said, setSaid] = useState('');
  const removed = () => {
    setSaid('Announcement deleted');
    // The deleted post's buttons are gone: the section's heading takes the focus.
    heading.current?.focus();
    posts.reload();
  };
  if (!admin && (posts.data?.posts.length ?? 0) === 0 && !posts.error) return null;
  return (
    <section class="announcements" aria-labelledby="announcements-title">
      <h2 id="announcements-title" tabIndex={-1} ref={heading}>
        Announcements
      </h2>
      <LiveMessage message={said} />
      <Status of={posts}>
        {(data) =>
          data.posts.length === 0 ? (
            <p class="muted">No announcements.</p>
          ) : (
            <ul class="announcement-list">
              {data.posts.map((post, i) => (
                <PostItem key={post.id ?? i} post={post} admin={admin} removed={removed} />
              ))}
            </ul>
          )
        }
      </Status>
      {admin && <NewAnnouncement posted={posts.reload} say={setSaid} />}
    </section>
  );
}
