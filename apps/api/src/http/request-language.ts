import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { negotiateLanguage, type Lang } from '../problem/messages/language';
import type { HttpReply, HttpRequest } from './http-exchange';

/**
 * The language to word an answer in, from Accept-Language as problem+json does (Vietnamese
 * unless English is preferred). The answer then says which (Content-Language) and that it varies.
 */
export const RequestLanguage = createParamDecorator((_data: unknown, context: ExecutionContext): Lang => {
  const http = context.switchToHttp();
  const lang = negotiateLanguage(http.getRequest<HttpRequest>().headers['accept-language']);
  http.getResponse<HttpReply>().header('Content-Language', lang).header('Vary', 'Accept-Language');
  return lang;
});
