import { Injectable } from '@nestjs/common';

/** Set when SIGTERM arrives: readiness fails at once, so load balancers stop sending work. */
@Injectable()
export class ShutdownState {
  private stopping = false;

  begin(): void {
    this.stopping = true;
  }

  get shuttingDown(): boolean {
    return this.stopping;
  }
}
