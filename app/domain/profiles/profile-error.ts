/** A file whose content can't be profiled; the message says why, in words for the page. */
export class ProfileError extends Error {}
