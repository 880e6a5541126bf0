/**
 * The comparison point of bench/auth: a plain Express server verifying bearer
 * tokens the way most tutorials do, with passport-jwt and jwks-rsa's
 * passportJwtSecret (the key handed over as PEM, parsed on every request).
 * Env: ISSUER, AUDIENCE, PORT.
 */
import express from 'express';
import passport from 'passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { passportJwtSecret } from 'jwks-rsa';

const issuer = process.env['ISSUER']!;
passport.use(
  new Strategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: passportJwtSecret({ jwksUri: `${issuer}/v1/keys`, cache: true, rateLimit: true }),
      issuer,
      audience: process.env['AUDIENCE'] ?? 'api://fram',
      algorithms: ['RS256'],
    },
    (payload: unknown, done: (error: unknown, user?: unknown) => void) => done(null, payload),
  ),
);

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use(passport.initialize());
app.get('/healthcheck', (_req, res) => {
  res.json({ status: 'ok', checks: {} });
});
app.get('/public', (_req, res) => {
  res.json({ kind: 'anonymous' });
});
app.get('/whoami', passport.authenticate('jwt', { session: false }) as express.RequestHandler, (req, res) => {
  res.json(req.user);
});
app.listen(Number(process.env['PORT']), '127.0.0.1');
