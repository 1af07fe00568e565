import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, removeAll } from './build.ts';
import { freePort } from './serve.ts';

const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
export const nginxAvailable = spawnSync(NGINX, ['-v']).status === 0;

/**
 * Runs one of the shipped nginx configurations (deploy/) as it is, with only where it listens
 * and where the site is changed: `root` and the redirect map's `include`. For the sub-path
 * configuration, the site goes in a folder named like the path under root, as the file says.
 */
export async function startNginx(
  config: 'nginx.conf' | 'nginx-subpath.conf',
  outDir: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const prefix = await mkdtemp(join(tmpdir(), 'dateline-nginx-'));
  const port = await freePort();
  let root = outDir;
  if (config === 'nginx-subpath.conf') {
    root = join(prefix, 'www');
    await mkdir(root);
    await symlink(outDir, join(root, 'archive'));
  }
  const server = (await readFile(join(projectRoot, 'deploy', config), 'utf8'))
    .replace(/^(\s*)listen \d+;/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root [^;\n]+;/m, `$1root ${root};`)
    .replace(
      /^(\s*)include \S+_redirects\.nginx\.map;/m,
      `$1include ${outDir}/_redirects.nginx.map;`,
    );
  await writeFile(join(prefix, 'dateline.conf'), server);
  await writeFile(
    join(prefix, 'nginx.conf'),
    [
      'user root;',
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/error.log warn;`,
      'events { worker_connections 64; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (kind) => `  ${kind}_temp_path ${prefix}/${kind === 'client_body' ? 'body' : kind};`,
      ),
      `  include ${prefix}/dateline.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const nginx = spawn(
    NGINX,
    ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let complaint = '';
  nginx.stderr!.on('data', (chunk) => (complaint += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (nginx.exitCode === null) {
      const exited = new Promise((done) => nginx.once('exit', done));
      nginx.kill('SIGQUIT');
      await exited;
    }
    await removeAll(prefix);
  };
  for (let i = 0; i < 100; i++) {
    if (nginx.exitCode !== null) break;
    if (
      await fetch(`${url}/`).then(
        () => true,
        () => false,
      )
    )
      return { url, stop };
    await new Promise((wait) => setTimeout(wait, 100));
  }
  const log = await readFile(join(prefix, 'error.log'), 'utf8').catch(() => '');
  await stop();
  throw new Error(`nginx did not start: ${complaint} ${log}`);
}
