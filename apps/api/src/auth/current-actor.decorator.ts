import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@lib/domain';

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => context.switchToHttp().getRequest().actor);
