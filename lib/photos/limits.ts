// Client-safe: the form says the limit before the upload, the server checks the bytes after.

/** The largest photo a resident may send, in bytes. */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
