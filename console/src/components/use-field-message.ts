/**
 * A field's messages as the API words them: the console sends its language (Accept-Language),
 * so they come in the reader's words; repeats (one per violated constraint) are left out.
 */
export const useFieldMessages = (): ((messages: string[]) => string[]) => (messages) => [...new Set(messages)];
