import { generateKeyPair, randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';

const generateKeyPairAsync = promisify(generateKeyPair);

/**
 * A fresh RS256 signing key as a private JWK. The simulator issues tokens only to relying parties
 * in the same process lifetime, so a key that dies with the process is enough and leaves no secret
 * on disk. RS256 because it is what DigiD brokers sign with and what every RP supports.
 */
export async function generateSigningJwk(): Promise<Record<string, unknown>> {
  const { privateKey } = await generateKeyPairAsync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/** Keys for oidc-provider's signed cookies when the caller supplies none (dev, tests). */
export function generateCookieKeys(): string[] {
  return [randomBytes(32).toString('base64url')];
}
