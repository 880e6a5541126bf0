/** Injection token of the opened session store (OpenSessionStore), opened once by LoginModule. */
export const SESSION_STORE = Symbol('SESSION_STORE');
