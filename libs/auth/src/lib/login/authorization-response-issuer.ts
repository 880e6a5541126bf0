/** What RFC 9207 needs to know of the issuer's discovery document. */
export interface IssuerIdentification {
  issuer: string;
  authorization_response_iss_parameter_supported?: boolean;
}

/**
 * RFC 9207 (mix-up defence): why an authorization response's `iss` is
 * refused, or undefined when it is fine. When present it must be the issuer,
 * exactly; it may be missing only if the issuer does not say it sends it.
 */
export function authorizationResponseIssuerProblem(query: Record<string, unknown>, idp: IssuerIdentification): string | undefined {
  const iss = query['iss'];
  if (iss === undefined)
    return idp.authorization_response_iss_parameter_supported === true
      ? 'The authorization response has no iss, though the issuer sends it.'
      : undefined;
  return iss === idp.issuer ? undefined : 'The authorization response comes from another issuer (iss).';
}
