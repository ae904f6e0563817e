/** Settings whose value is a secret in itself: never written to a log or an error message. */
const SECRET_NAME = /(KEY|SECRET|TOKEN|PASSWORD)$/;

/** Settings holding a URL: shown with its credentials replaced. */
const URL_NAME = /_URL$/;

/**
 * How a configuration error may quote the value it refuses: secrets not at all (only their length),
 * URLs without their user info or secret query parameters, and other values as given.
 */
export function quotableValue(variable: string, value: string): string {
  if (SECRET_NAME.test(variable)) return `a value of ${value.length} characters, not shown`;
  if (URL_NAME.test(variable)) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(value)
      ? `"${withoutUrlCredentials(value)}"`
      : 'a value that is not a URL, not shown';
  }
  return `"${value}"`;
}

/** Any URL's user info (user and password) and secret-looking query parameters in `text`, replaced by `***`. */
export function withoutUrlCredentials(text: string): string {
  // Up to the last "@": a password may hold an unescaped "@", "/" or "?" (over-redacting is fine here).
  const withoutUserInfo = text.replace(
    /(\b[a-z][a-z0-9+.-]*:\/\/)(\S*)/gi,
    (_match, scheme: string, rest: string) => {
      const at = rest.lastIndexOf('@');
      return at < 0 ? `${scheme}${rest}` : `${scheme}***${rest.slice(at)}`;
    },
  );
  return withoutUserInfo.replace(/([?&][^=&\s]*(?:pass|secret|token|key)[^=&\s]*=)[^&\s]*/gi, '$1***');
}
