/**
 * A source that cannot be read as asked (a file that is not what it should be, a refused connection, a bad option):
 * nothing of it is sent. Each source's own error extends it, so that a loader tells reading from sending by one class.
 */
export class SourceReadError extends Error {}
