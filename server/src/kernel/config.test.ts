import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      databaseUrl: null,
      dataDir: path.resolve('.data'),
      nodeEnv: 'development',
      logLevel: 'info',
      allowedOrigins: [],
      demo: false,
      sessionCacheSeconds: 30,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kinerja',
      KINERJA_DATA_DIR: '/tmp/k',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ALLOWED_ORIGINS: 'https://kinerja.denpasarkota.go.id, http://localhost:5173/',
      KINERJA_DEMO: '0',
      KINERJA_SESSION_CACHE_SECONDS: '0',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/kinerja',
      dataDir: '/tmp/k',
      nodeEnv: 'production',
      logLevel: 'warn',
      allowedOrigins: ['https://kinerja.denpasarkota.go.id', 'http://localhost:5173'],
      demo: false,
      sessionCacheSeconds: 0,
    });
  });

  it('lists every problem at once, naming the variable and what is allowed', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
        KINERJA_DEMO: 'maybe',
        ALLOWED_ORIGINS: 'not a url',
        KINERJA_SESSION_CACHE_SECONDS: '3600',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT must be a whole number from 0 to 65535; got "eighty".',
      'DATABASE_URL must be a postgres:// or postgresql:// URL; got protocol "mysql:".',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "loud".',
      'ALLOWED_ORIGINS must be a comma-separated list of origins like https://kinerja.denpasarkota.go.id; "not a url" is not one.',
      'KINERJA_DEMO must be true or false (or 1/0); got "maybe".',
      'KINERJA_SESSION_CACHE_SECONDS must be a whole number from 0 to 300; got "3600".',
    ]);
  });

  it('trusts no proxy unless TRUST_PROXY names hops, addresses, subnets or names', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY must be false/);
    expect(() => loadConfig({ TRUST_PROXY: '99' })).toThrow(/from 0 to 10/);
  });

  it('refuses demo mode in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', KINERJA_DEMO: '1' })).toThrow(
      /KINERJA_DEMO cannot be used with NODE_ENV=production/,
    );
  });
});
