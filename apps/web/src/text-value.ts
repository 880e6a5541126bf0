/** A value from an answer as text: itself when it is a string, else empty (for loosely typed search hits). */
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
