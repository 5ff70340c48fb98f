/** Every method the API answers; anything else gets 405 with this list in its Allow header. */
export const allowedMethods = ["GET", "POST", "HEAD", "OPTIONS"] as const;

export const allowHeader = allowedMethods.join(", ");
