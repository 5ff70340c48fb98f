/**
 * Allows `perSecond` actions on average with bursts of as many: the shape of Pusher's limit on
 * client events. Two numbers per connection, no timers.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly perSecond: number,
    now = performance.now(),
  ) {
    this.tokens = perSecond;
    this.refilledAt = now;
  }

  take(now = performance.now()): boolean {
    const refill = ((now - this.refilledAt) * this.perSecond) / 1000;
    this.tokens = Math.min(this.perSecond, this.tokens + refill);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
