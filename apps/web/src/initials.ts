/**
 * A person's initials for their avatar, the same wherever it is shown: the
 * first letters of the first and last words of their name (of an email
 * address, its local part), at most two, "?" for no name.
 */
export function initials(name: string): string {
  const words = name
    .split('@')[0]
    .split(/[\s._-]+/)
    .filter(Boolean);
  if (words.length === 0) return '?';
  const ends = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  // Array.from: a letter outside the BMP is one letter, not two halves.
  // The first letter of each (a word such as "(Data)" starts with punctuation); Array.from: a letter outside the BMP is one.
  return ends.map((word) => (Array.from(word).find((c) => /\p{L}|\p{N}/u.test(c)) ?? Array.from(word)[0]).toLocaleUpperCase()).join('');
}
