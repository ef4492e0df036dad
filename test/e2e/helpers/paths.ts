import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const DIST = resolve(ROOT, 'dist');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PROFILES = resolve(ROOT, '.e2e-profiles');
