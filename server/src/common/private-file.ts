import type { FastifyReply } from 'fastify';

/** Answers with a file only the caller may see (exports, posters, dossiers): its type and disposition, never cached on the way. */
export function privateFile(reply: FastifyReply, type: string, disposition: string): void {
  reply.header('content-type', type);
  reply.header('content-disposition', disposition);
  reply.header('cache-control', 'private, no-store');
}
