/**
 * Why a database could not be reached, read from the error the driver gave:
 * the start and db:copy say it in a sentence (src/core/texts) instead of a
 * stack trace. Null: not a connection problem.
 */
export type DatabaseProblem = 'refused' | 'noHost' | 'noDatabase' | 'auth' | 'badUrl' | 'timeout'

export function databaseProblem(err: unknown): DatabaseProblem | null {
  if (!(err instanceof Error)) return null
  const code = (err as { code?: unknown }).code
  if (err instanceof TypeError && (code === 'ERR_INVALID_URL' || /Invalid URL/i.test(err.message))) return 'badUrl'
  switch (code) {
    case 'ECONNREFUSED': return 'refused'
    case 'ENOTFOUND': case 'EAI_AGAIN': case 'EHOSTUNREACH': case 'ENETUNREACH': return 'noHost'
    case 'ETIMEDOUT': return 'timeout'
    case '3D000': return 'noDatabase' // invalid_catalog_name
    case '28P01': case '28000': return 'auth' // invalid_password, invalid_authorization_specification
  }
  if (/timeout expired|Connection terminated due to connection timeout/i.test(err.message)) return 'timeout'
  return null
}
