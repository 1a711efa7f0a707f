/** The session picker inside the app, where "back" leads. */
export const bigScreenPickerPath = '/during/big-screen';

/** The route of the full-screen big screen, outside the app shell. */
export const bigScreenRoute = '/big-screen/:sessionId';

/** The address of one session's big screen. */
export function bigScreenPath(sessionId: string): string {
  return `/big-screen/${encodeURIComponent(sessionId)}`;
}
