import { Injectable, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observable, map } from 'rxjs';
import { readContext, type ReadContext } from '@lib/projections';

/** Which database served a query route: `replica` or `leader`. */
export const READ_SOURCE_HEADER = 'X-Read-Source';
/** How far the replica that served it was behind the leader, in seconds (replica only). */
export const REPLICA_LAG_HEADER = 'X-Replica-Lag-Seconds';

/**
 * Lets the route's reads go to the replica (READ_DATABASE_URL) and says in the response where
 * they went and how far behind it was. Only for queries that may read slightly old read models:
 * commands, and anything a command's answer depends on, stay on the leader.
 */
@Injectable()
export class ReadFromReplicaInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const reads: ReadContext = { replicaAllowed: true };
    // The handler runs when subscribed: subscribe inside the request's context.
    return new Observable<unknown>((subscriber) => readContext.run(reads, () => next.handle().subscribe(subscriber))).pipe(
      map((body) => {
        if (reads.source) reply.header(READ_SOURCE_HEADER, reads.source);
        if (reads.source === 'replica' && reads.lagSeconds !== undefined) reply.header(REPLICA_LAG_HEADER, reads.lagSeconds.toFixed(3));
        return body;
      }),
    );
  }
}

export const ReadFromReplica = () => UseInterceptors(ReadFromReplicaInterceptor);
