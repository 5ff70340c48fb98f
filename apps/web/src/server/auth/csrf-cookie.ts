// next-auth keeps its CSRF token in a cookie as `token|hash` ("__Host-" prefixed over https).
// A form that posts to next-auth without JavaScript sends the token part as `csrfToken`.
const names = ["__Host-next-auth.csrf-token", "next-auth.csrf-token"];

interface CookieJar {
  get(name: string): { value: string } | undefined;
}

/** The CSRF token next-auth gave this browser, or undefined before it has one. */
export function csrfTokenFrom(cookies: CookieJar): string | undefined {
  for (const name of names) {
    const token = cookies.get(name)?.value.split("|")[0];
    if (token) return token;
  }
  return undefined;
}
