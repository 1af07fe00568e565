// Imported first by every command, before anything reads a setting: `.env` and its kin fill in
// what the environment leaves unset (src/util/settings.ts).
import { fileURLToPath } from 'node:url';
import { loadSettings } from '#src/util/settings.ts';

loadSettings(fileURLToPath(new URL('../..', import.meta.url)), 'production');
